/**
 * Incidents: imports both pakistanbodycount.org datasets (rows, warnings, skipped, the totals row against
 * the sums of the rows) and clusters the seed news reports (000–002 one event, 003 and 004 apart; the
 * Islamabad mosque bombing one incident with both sources; January's statistic with its provenance).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { systemClock } from '@argus/app';
import { importIncidents, incidentStats, ingestNews } from '@argus/app/incidents';
import { bytesSource } from '@argus/core/text';
import { SqliteStore } from '@argus/store-sqlite';
import type { EvalContext, Evaluation } from './run.js';

/**
 * The file's CSV records, counted without the importer (quotes may hold newlines): the header, data rows, and
 * rows without an id in the first column (a totals row). The import is checked against these counts.
 */
function countRecords(bytes: Uint8Array): { records: number; noId: number } {
  const text = new TextDecoder('latin1').decode(bytes);
  let records = 0;
  let noId = 0;
  let quoted = false;
  let atStart = true;
  let firstCell = '';
  let inFirst = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      if (!atStart) {
        records++;
        if (firstCell.trim() === '') noId++;
      }
      atStart = true;
      firstCell = '';
      inFirst = true;
      continue;
    } else if (!quoted && ch === ',') inFirst = false;
    else if (inFirst) firstCell += ch;
    atStart = false;
  }
  if (!atStart) {
    records++;
    if (firstCell.trim() === '') noId++;
  }
  // The header is a record with an id column name; it is not a data row.
  return { records: records - 1, noId };
}

const evaluation: Evaluation = {
  name: 'incidents',
  async run(ctx: EvalContext) {
    const store = SqliteStore.open({ file: ':memory:' });
    await store.migrate();
    const deps = { store, agencyId: 'eval', clock: systemClock };
    try {
      ctx.out(
        '| dataset | file records (no header) | of which totals rows | data rows | rows read | imported | skipped | unaccounted | warnings | killed low–high | injured low–high | totals row |',
      );
      ctx.out('|---|---|---|---|---|---|---|---|---|---|---|---|');
      for (const [file, format] of [
        ['PakistanSuicideAttacks.csv', 'pbc-suicide'],
        ['PakistanDroneAttacks.csv', 'pbc-drone'],
      ] as const) {
        const path = join(ctx.dataDir, 'incidents', file);
        const bytes = readFileSync(path);
        const inFile = countRecords(bytes);
        const dataRows = inFile.records - inFile.noId;
        const t0 = performance.now();
        const { record, imported } = await importIncidents(deps, { file: bytesSource(file, bytes), format });
        const ms = performance.now() - t0;
        const totals = record.totals
          ? record.totals.matches
            ? `line ${record.totals.line}: all ${Object.keys(record.totals.declared).length} columns match`
            : `line ${record.totals.line}: MISMATCH ${Object.keys(record.totals.declared)
                .filter((c) => record.totals?.declared[c] !== record.totals?.summed[c])
                .join(', ')}`
          : 'none in file';
        ctx.out(
          `| ${file} (${record.encoding}, ${ms.toFixed(0)} ms) | ${inFile.records} | ${inFile.noId} | ${dataRows} | ${record.counts.rows} | ${record.counts.imported} | ${record.counts.skipped} | ${dataRows - record.counts.imported - record.counts.skipped} | ${record.counts.warnings} | ${imported.killedLow}–${imported.killedHigh} | ${imported.injuredLow}–${imported.injuredHigh} | ${totals} |`,
        );
        if (record.totals) {
          for (const [col, v] of Object.entries(record.totals.declared))
            ctx.out(`|   ${col} | | | | | | | | | file ${v} | rows ${record.totals.summed[col]} | |`);
        }
      }

      const seedsDir = join(ctx.dataDir, '..', 'seeds');
      const names = readdirSync(seedsDir).sort();
      const files = names.map((n) => bytesSource(join(seedsDir, n), readFileSync(join(seedsDir, n))));
      const result = await ingestNews(deps, { files });
      ctx.out('');
      ctx.out(`seed reports: ${files.length} → ${result.events.length} events`);
      for (const e of result.events) {
        ctx.out(
          `- ${e.id} ${e.date ?? 'undated'} [${e.reports.map((r) => r.split('/').pop()?.slice(0, 3)).join(', ')}] ${e.title.slice(0, 70)}`,
        );
        for (const i of e.incidents)
          ctx.out(
            `    incident ${i.type} ${i.date.date}/${i.date.precision} ${i.place.district ?? i.place.province} killed ${i.totals.killed.low}/${i.totals.killed.best}/${i.totals.killed.high} injured ${i.totals.injured.best} sources ${i.sources.length} conflicts ${i.conflicts.length}`,
          );
        for (const s of e.statistics)
          ctx.out(
            `    statistic ${s.period} ${s.measure} ${s.total?.best} (${Object.entries(s.breakdown)
              .map(([k, v]) => `${k} ${v.best}`)
              .join(', ')}) — ${s.source}; ${s.reports.length} reports`,
          );
      }
      // Pairwise clustering quality against the expected grouping {000, 001, 002}, {003}, {004}.
      const expected = (n: string) => (/^00[012]_/.test(n) ? 'meeting' : n.slice(0, 3));
      const got = new Map(result.events.flatMap((e) => e.reports.map((r) => [r.split('/').pop() as string, e.id] as const)));
      let tp = 0;
      let fp = 0;
      let fn = 0;
      for (let a = 0; a < names.length; a++)
        for (let b = a + 1; b < names.length; b++) {
          const na = names[a] as string;
          const nb = names[b] as string;
          const same = got.get(na) === got.get(nb);
          const should = expected(na) === expected(nb);
          if (same && should) tp++;
          else if (same) fp++;
          else if (should) fn++;
        }
      ctx.out(
        `seed clustering, report pairs: precision ${tp + fp ? (tp / (tp + fp)).toFixed(2) : 'n/a'}, recall ${tp + fn ? (tp / (tp + fn)).toFixed(2) : 'n/a'} (${tp} joined correctly, ${fp} wrongly joined, ${fn} wrongly apart)`,
      );
      const mosque = result.events.flatMap((e) => e.incidents).filter((i) => i.suicide && i.place.province === 'islamabad');
      const group = (p: string) => result.events.find((e) => e.reports.some((r) => r.includes(`/${p}_`)))?.id;
      const checks: [string, boolean][] = [
        ['every seed in exactly one event', result.events.flatMap((e) => e.reports).length === files.length],
        ['000, 001, 002 one event', group('000') === group('001') && group('001') === group('002')],
        ['003 and 004 apart from it and from each other', new Set([group('000'), group('003'), group('004')]).size === 3],
        ['meeting dated 2026-02-12', result.events.find((e) => e.id === group('000'))?.date === '2026-02-12'],
        [
          'mosque bombing one incident with both sources',
          mosque.length === 1 && mosque[0]?.sources.length === 2 && mosque[0].totals.killed.low === 31,
        ],
        [
          'January statistic one, with provenance',
          result.events
            .flatMap((e) => e.statistics)
            .filter((s) => s.period === '2026-01' && s.reports.length === 2 && s.source !== undefined).length === 1,
        ],
      ];
      ctx.out('');
      for (const [what, pass] of checks) ctx.out(`${pass ? 'PASS' : 'FAIL'}  ${what}`);
      const stats = await incidentStats(deps, { period: '2026-01' });
      ctx.out(
        `stats 2026-01: ${stats.figures.incidents} incidents, killed best ${stats.figures.killed.best} / low ${stats.figures.killed.low}; reported: ${stats.reported.map((r) => `${r.total?.best} (${r.source})`).join('; ')}; alerts: ${stats.alerts.map((a) => a.kind).join(', ') || 'none'}`,
      );
      const y2009 = await incidentStats(deps, { period: '2009' });
      ctx.out(
        `stats 2009: ${y2009.figures.incidents} incidents, ${y2009.figures.suicideAttacks} suicide attacks, killed best ${y2009.figures.killed.best} (low ${y2009.figures.killed.low}), year-on-year ${y2009.yearBefore.change.killedBest.percent}%`,
      );
    } finally {
      await store.close();
    }
  },
};

export default evaluation;
