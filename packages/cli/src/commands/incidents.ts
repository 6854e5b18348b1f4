/** `argus incidents`: import datasets, record an incident, list and show incidents, monthly / yearly statistics. */

import { createReadStream, readFileSync, statSync } from 'node:fs';
import type { Command } from 'commander';
import { ArgusError } from '@argus/core';
import type { Incident } from '@argus/core/incidents';
import type { ByteSource } from '@argus/core/text';
import { systemClock } from '@argus/app';
import {
  type IncidentStatsResult,
  type IncidentsDeps,
  addClaims,
  getIncident,
  importIncidents,
  incidentStats,
  indexesOf,
  recordIncident,
} from '@argus/app/incidents';
import type { CliContext, CommandRegistrar } from '../program.js';

/** A file on disk as a ByteSource named by the path as the user gave it. */
export function fileByteSource(path: string): ByteSource {
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new ArgusError('INPUT_INVALID', `${path}: not a file`, { location: { file: path } });
    size = st.size;
  } catch (e) {
    if (e instanceof ArgusError) throw e;
    throw new ArgusError('INPUT_INVALID', `${path}: cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`, {
      location: { file: path },
    });
  }
  return {
    name: path,
    size,
    async *open() {
      for await (const chunk of createReadStream(path, { highWaterMark: 64 * 1024 })) yield chunk as Uint8Array;
    },
  };
}

export async function incidentsDeps(c: CliContext): Promise<IncidentsDeps> {
  return { store: await c.store(), agencyId: c.agencyId, clock: systemClock };
}

const write = (c: CliContext, text = '') => c.stdout.write(`${text}\n`);
const json = (c: CliContext, value: unknown): void => {
  c.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
};
const n = (x: number) => x.toLocaleString('en');

function table(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const r of rows) {
    r.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, [...cell].length);
    });
  }
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join('  ')).join('\n');
}

const range = (e: { low: number; best: number; high: number }) =>
  e.low === e.high ? n(e.best) : `${n(e.best)} (${n(e.low)}–${n(e.high)})`;
const pct = (p: number | undefined) => (p === undefined ? 'n/a' : `${p > 0 ? '+' : ''}${p}%`);

export function renderIncident(c: CliContext, i: Incident, deps: IncidentsDeps): void {
  const { places, groups } = indexesOf(deps);
  write(c, `${i.id}  ${i.type}${i.suicide ? ' (suicide)' : ''}  ${i.date.date} (${i.date.precision})`);
  write(
    c,
    `  place        ${[i.place.locality, i.place.district, places.regionName(i.place.province)].filter(Boolean).join(', ')} (${i.place.precision})`,
  );
  write(c, `  initiator    ${i.initiator}`);
  write(
    c,
    `  perpetrator  ${i.perpetrator.group ? `${groups.get(i.perpetrator.group)?.name ?? i.perpetrator.group} (${i.perpetrator.status})` : i.perpetrator.status}`,
  );
  if (i.description) write(c, `  description  ${i.description}`);
  if (i.linked.length > 0) write(c, `  linked       ${i.linked.join(', ')}`);
  write(c, `  killed       ${range(i.totals.killed)}`);
  write(c, `  injured      ${range(i.totals.injured)}`);
  for (const outcome of ['killed', 'injured'] as const) {
    for (const [cat, e] of Object.entries(i.casualties[outcome])) {
      if (e) write(c, `    ${outcome} ${cat.padEnd(9)} low ${e.low} · best ${e.best} · high ${e.high}  ← ${e.claims.join(', ')}`);
    }
  }
  write(c, '  claims');
  for (const cl of i.claims) {
    write(
      c,
      `    ${cl.id}  ${cl.outcome} ${cl.category} ${cl.qualifier === 'exact' ? '' : `${cl.qualifier} `}${cl.value}  — ${cl.outlet}${cl.time ? `, ${cl.time.slice(0, 10)}` : ''}${cl.ownClaim ? ' (own claim)' : ''}  [${cl.source}]`,
    );
  }
  for (const x of i.conflicts) write(c, `  CONFLICT     ${x.reason}`);
  if (i.revisions.length > 0) {
    write(c, '  revisions');
    for (const r of i.revisions)
      write(
        c,
        `    after ${r.afterClaim}: ${r.outcome} ${r.category} low ${r.estimate.low} · best ${r.estimate.best} · high ${r.estimate.high}`,
      );
  }
}

function renderStats(c: CliContext, s: IncidentStatsResult, view: 'best' | 'low'): void {
  const f = s.figures;
  write(
    c,
    `Incidents ${s.period.kind === 'month' ? 'in' : 'of'} ${s.period.key} (${view === 'best' ? 'best estimates' : 'conservative (low) view'})`,
  );
  const v = (e: { low: number; best: number }) => n(view === 'best' ? e.best : e.low);
  const changes = (prev: number | undefined, year: number | undefined) =>
    s.period.kind === 'month' ? `(month-on-month: ${pct(prev)}; year-on-year: ${pct(year)})` : `(year-on-year: ${pct(year)})`;
  write(c, `  incidents        ${n(f.incidents)}   ${changes(s.previous.change.incidents.percent, s.yearBefore.change.incidents.percent)}`);
  write(
    c,
    `  killed           ${v(f.killed)}   ${changes(view === 'best' ? s.previous.change.killedBest.percent : s.previous.change.killedLow.percent, view === 'best' ? s.yearBefore.change.killedBest.percent : s.yearBefore.change.killedLow.percent)}`,
  );
  write(
    c,
    `    militants ${v(f.killedBy.militant)} · civilians ${v(f.killedBy.civilian)} · security forces ${v(f.killedBy.security)} · unknown ${v(f.killedBy.unknown)}`,
  );
  write(c, `  injured          ${v(f.injured)}`);
  write(c, `  suicide attacks  ${n(f.suicideAttacks)}   (previous: ${n(s.previous.figures.suicideAttacks)})`);
  const breakdown = (title: string, rows: IncidentStatsResult['byRegion']) => {
    if (rows.length === 0) return;
    write(c);
    write(
      c,
      table([
        [title.toUpperCase(), 'INCIDENTS', 'KILLED', 'INJURED'],
        ...rows.map((r) => [r.label, n(r.incidents), v(r.killed), v(r.injured)]),
      ]),
    );
  };
  breakdown('region', s.byRegion);
  breakdown('type', s.byType);
  breakdown('perpetrator', s.byPerpetrator);
  breakdown('initiator', s.byInitiator);
  write(c);
  write(
    c,
    table([
      ['MONTH', 'INCIDENTS', 'KILLED', 'MILITANT', 'CIVILIAN', 'SECURITY', 'UNKNOWN'],
      ...s.monthly.map((m) => [
        m.month,
        n(m.figures.incidents),
        v(m.figures.killed),
        v(m.figures.killedBy.militant),
        v(m.figures.killedBy.civilian),
        v(m.figures.killedBy.security),
        v(m.figures.killedBy.unknown),
      ]),
    ]),
  );
  for (const a of s.alerts) write(c, `ALERT ${a.kind}: ${a.message}`);
  if (s.reported.length > 0) {
    write(c);
    write(c, 'Reported statistics for the period');
    for (const r of s.reported) {
      const parts = Object.entries(r.breakdown).map(([k, e]) => `${k} ${e.best}`);
      write(
        c,
        `  ${r.measure} ${r.total ? r.total.best : '—'}${parts.length > 0 ? ` (${parts.join(', ')})` : ''}${r.change ? `, ${r.change.direction} ${r.change.percent}%${r.change.comparedTo ? ` on ${r.change.comparedTo}` : ''}` : ''} — ${r.source ?? 'source not named'}; reported by ${r.reports.join(', ')}`,
      );
    }
  }
  if (f.incidentIds.length > 0) {
    write(c);
    write(c, 'Sources');
    for (const id of f.incidentIds) write(c, `  ${id}: ${(s.sources[id] ?? []).map((x) => x.ref).join('; ')}`);
  }
}

export const registerIncidents: CommandRegistrar = (program: Command, ctx: () => CliContext) => {
  const cmd = program.command('incidents').description('the security incident register: import, record, list, show, statistics');

  cmd
    .command('import <file>')
    .description(
      'import an incident dataset (pbc-suicide, pbc-drone: pakistanbodycount.org CSV; argus-csv, argus-json: see docs/incidents.md)',
    )
    .requiredOption('--format <format>', 'pbc-suicide | pbc-drone | argus-csv | argus-json')
    .option('--encoding <encoding>', 'utf-8 | windows-1252 (detected by default)')
    .option('--warnings <n>', 'warnings to print (0: all)', '20')
    .action(async (file: string, opts: { format: string; encoding?: string; warnings: string }) => {
      const c = ctx();
      if (opts.encoding !== undefined && opts.encoding !== 'utf-8' && opts.encoding !== 'windows-1252') {
        throw new ArgusError('INPUT_INVALID', `unknown encoding "${opts.encoding}" (utf-8, windows-1252)`, {
          location: { field: 'encoding' },
        });
      }
      const deps = await incidentsDeps(c);
      const result = await importIncidents(deps, {
        file: fileByteSource(file),
        format: opts.format,
        ...(opts.encoding ? { encoding: opts.encoding as 'utf-8' | 'windows-1252' } : {}),
      });
      if (c.global.json) return json(c, result);
      const r = result.record;
      write(c, `Imported ${n(r.counts.imported)} incidents from ${r.file} (${r.format}, ${r.encoding})`);
      write(c, `  rows read       ${n(r.counts.rows)}`);
      write(c, `  skipped         ${n(r.counts.skipped)}`);
      write(c, `  warnings        ${n(r.counts.warnings)}`);
      write(c, `  killed          ${n(result.imported.killedLow)}–${n(result.imported.killedHigh)}`);
      write(c, `  injured         ${n(result.imported.injuredLow)}–${n(result.imported.injuredHigh)}`);
      if (r.totals) {
        const t = r.totals;
        write(
          c,
          `  totals row      line ${t.line}: ${t.matches ? 'every column matches the sum of the rows' : 'differs from the rows (see warnings)'}`,
        );
        for (const [col, v] of Object.entries(t.declared))
          write(c, `    ${col.padEnd(16)} ${n(v)}${t.summed[col] === v ? '' : ` ≠ rows ${n(t.summed[col] ?? 0)}`}`);
      }
      const limit = Number(opts.warnings) || r.warnings.length;
      for (const w of r.warnings.slice(0, limit)) write(c, `    ${w.location}: ${w.message}${w.skipped ? ' (row skipped)' : ''}`);
      if (r.warnings.length > limit) write(c, `    … and ${n(r.warnings.length - limit)} more (--warnings 0 or --json for all)`);
    });

  cmd
    .command('record <json-file>')
    .description('record (or replace) one incident from a JSON file: {date, type, province, district, perpetrator, claims: [...]}')
    .action(async (file: string) => {
      const c = ctx();
      let input: unknown;
      try {
        input = JSON.parse(readFileSync(file, 'utf8'));
      } catch (e) {
        throw new ArgusError('INPUT_INVALID', `${file}: not JSON (${(e as Error).message})`, { location: { file } });
      }
      const deps = await incidentsDeps(c);
      const incident = await recordIncident(deps, input);
      if (c.global.json) return json(c, incident);
      renderIncident(c, incident, deps);
    });

  cmd
    .command('claim <id> <json-file>')
    .description('add claims (a JSON array) to an incident; the estimate is reconciled again and every revision kept')
    .action(async (id: string, file: string) => {
      const c = ctx();
      const deps = await incidentsDeps(c);
      const incident = await addClaims(deps, id, JSON.parse(readFileSync(file, 'utf8')));
      if (c.global.json) return json(c, incident);
      renderIncident(c, incident, deps);
    });

  cmd
    .command('list')
    .description('incidents, by date')
    .option('--month <YYYY-MM>')
    .option('--year <YYYY>')
    .option('--province <id>')
    .option('--type <type>')
    .option('--limit <n>', 'at most this many', '50')
    .action(async (opts: { month?: string; year?: string; province?: string; type?: string; limit: string }) => {
      const c = ctx();
      const deps = await incidentsDeps(c);
      const key = opts.month ?? opts.year;
      const { parsePeriod } = await import('@argus/core/incidents');
      const p = key ? parsePeriod(key) : undefined;
      if (key && !p) throw new ArgusError('INPUT_INVALID', `"${key}" is not a month or year`);
      const list = await deps.store.forAgency(deps.agencyId).incidents.listIncidents({
        ...(p ? { from: p.start, to: p.end } : {}),
        ...(opts.province ? { province: opts.province } : {}),
        ...(opts.type ? { type: opts.type } : {}),
        ...(Number(opts.limit) > 0 ? { limit: Number(opts.limit) } : {}),
      });
      if (c.global.json) return json(c, list);
      const { places } = indexesOf(deps);
      write(
        c,
        table([
          ['ID', 'DATE', 'TYPE', 'PLACE', 'KILLED', 'INJURED', 'SOURCES'],
          ...list.map((i) => [
            i.id,
            i.date.precision === 'day' ? i.date.date : `${i.date.date.slice(0, 7)} (${i.date.precision})`,
            i.type,
            i.place.district ?? places.regionName(i.place.province),
            range(i.totals.killed),
            range(i.totals.injured),
            String(i.sources.length),
          ]),
        ]),
      );
    });

  cmd
    .command('show <id>')
    .description('one incident: each claim and how the estimate was reconciled')
    .action(async (id: string) => {
      const c = ctx();
      const deps = await incidentsDeps(c);
      const incident = await getIncident(deps, id);
      if (c.global.json) return json(c, incident);
      renderIncident(c, incident, deps);
    });

  cmd
    .command('stats')
    .description('statistics of a month or a year: categories, regions, types, perpetrators, initiators, changes, alerts')
    .option('--month <YYYY-MM>')
    .option('--year <YYYY>')
    .option('--view <view>', 'best | low (conservative)', 'best')
    .action(async (opts: { month?: string; year?: string; view: string }) => {
      const c = ctx();
      if ((opts.month === undefined) === (opts.year === undefined))
        throw new ArgusError('INPUT_INVALID', 'give one of --month YYYY-MM or --year YYYY');
      if (opts.view !== 'best' && opts.view !== 'low') throw new ArgusError('INPUT_INVALID', `--view is best or low, not "${opts.view}"`);
      const deps = await incidentsDeps(c);
      const stats = await incidentStats(deps, { period: (opts.month ?? opts.year) as string });
      if (c.global.json) return json(c, stats);
      renderStats(c, stats, opts.view);
    });
};
