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

const evaluation: Evaluation = {
  name: 'incidents',
  async run(ctx: EvalContext) {
    const store = SqliteStore.open({ file: ':memory:' });
    await store.migrate();
    const deps = { store, agencyId: 'eval', clock: systemClock };
    try {
      ctx.out('| dataset | rows | imported | skipped | warnings | killed low–high | injured low–high | totals row |');
      ctx.out('|---|---|---|---|---|---|---|---|');
      for (const [file, format] of [
        ['PakistanSuicideAttacks.csv', 'pbc-suicide'],
        ['PakistanDroneAttacks.csv', 'pbc-drone'],
      ] as const) {
        const path = join(ctx.dataDir, 'incidents', file);
        const t0 = performance.now();
        const { record, imported } = await importIncidents(deps, { file: bytesSource(file, readFileSync(path)), format });
        const ms = performance.now() - t0;
        const totals = record.totals
          ? record.totals.matches
            ? `line ${record.totals.line}: all ${Object.keys(record.totals.declared).length} columns match`
            : `line ${record.totals.line}: MISMATCH ${Object.keys(record.totals.declared)
                .filter((c) => record.totals?.declared[c] !== record.totals?.summed[c])
                .join(', ')}`
          : 'none in file';
        ctx.out(
          `| ${file} (${record.encoding}, ${ms.toFixed(0)} ms) | ${record.counts.rows} | ${record.counts.imported} | ${record.counts.skipped} | ${record.counts.warnings} | ${imported.killedLow}–${imported.killedHigh} | ${imported.injuredLow}–${imported.injuredHigh} | ${totals} |`,
        );
        if (record.totals) {
          for (const [col, v] of Object.entries(record.totals.declared))
            ctx.out(`|   ${col} | | | | | file ${v} | rows ${record.totals.summed[col]} | |`);
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
      const group = (p: string) => result.events.find((e) => e.reports.some((r) => r.includes(`/${p}_`)))?.id;
      const checks: [string, boolean][] = [
        ['every seed in exactly one event', result.events.flatMap((e) => e.reports).length === files.length],
        ['000, 001, 002 one event', group('000') === group('001') && group('001') === group('002')],
        ['003 and 004 apart from it and from each other', new Set([group('000'), group('003'), group('004')]).size === 3],
        ['meeting dated 2026-02-12', result.events.find((e) => e.id === group('000'))?.date === '2026-02-12'],
        [
          'mosque bombing one incident with both sources',
          result.events
            .flatMap((e) => e.incidents)
            .filter((i) => i.suicide && i.place.province === 'islamabad')
            .every((i) => i.sources.length === 2),
        ],
        [
          'January statistic one, with provenance',
          result.events.flatMap((e) => e.statistics).filter((s) => s.period === '2026-01').length === 1,
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
