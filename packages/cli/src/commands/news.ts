/** `argus news`: ingest news reports (text or HTML) into events, incidents and reported statistics; list events. */

import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { indexesOf, ingestNews } from '@argus/app/incidents';
import type { CliContext, CommandRegistrar } from '../program.js';
import { fileByteSource, incidentsDeps } from './incidents.js';

const write = (c: CliContext, text = '') => c.stdout.write(`${text}\n`);

/** The paths as given; a directory stands for the files in it (sorted), named `dir/file`. */
function expand(paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    let dir = false;
    try {
      dir = statSync(p).isDirectory();
    } catch {
      // fileByteSource reports the missing file with its name.
    }
    if (dir) {
      for (const f of readdirSync(p).sort()) if (!f.startsWith('.') && statSync(join(p, f)).isFile()) out.push(join(p, f));
    } else out.push(p);
  }
  return out;
}

export const registerNews: CommandRegistrar = (program: Command, ctx: () => CliContext) => {
  const cmd = program.command('news').description('news reports → deduplicated events, incidents and reported statistics');

  cmd
    .command('ingest <paths...>')
    .description('ingest article text or HTML files (or directories of them); with --json prints {"events": [...]}')
    .action(async (paths: string[]) => {
      const c = ctx();
      const deps = await incidentsDeps(c);
      const files = expand(paths).map(fileByteSource);
      const result = await ingestNews(deps, { files });
      if (c.global.json) {
        c.stdout.write(`${JSON.stringify({ events: result.events }, null, 2)}\n`);
        return;
      }
      const { places } = indexesOf(deps);
      write(c, `${files.length} report(s) → ${result.events.length} event(s)`);
      for (const e of result.events) {
        write(c);
        write(c, `${e.id}  ${e.date ?? 'date unknown'}  ${e.title}`);
        for (const r of e.reports) {
          const info = result.reports.find((x) => x.id === r);
          write(
            c,
            `  report   ${r}${info?.outlet ? ` (${info.outlet})` : ''}${info?.referenceDate ? ` — dated ${info.referenceDate}${info.dateSource === 'event' ? ' (from its event)' : ''}` : ''}`,
          );
        }
        if (e.people.length > 0) write(c, `  people   ${e.people.join(', ')}`);
        if (e.organisations.length > 0) write(c, `  orgs     ${e.organisations.join(', ')}`);
        for (const i of e.incidents) {
          const k = i.totals.killed;
          const inj = i.totals.injured;
          write(
            c,
            `  incident ${i.id}  ${i.type}  ${i.date.date} (${i.date.precision})  ${i.place.district ?? (i.place.province ? places.regionName(i.place.province) : i.place.country)}  killed ${k.low === k.high ? k.best : `${k.best} (${k.low}–${k.high})`}, injured ${inj.best}  — ${i.sources.length} source(s)${i.conflicts.length > 0 ? `, ${i.conflicts.length} conflict(s)` : ''}`,
          );
        }
        for (const s of e.statistics) {
          write(
            c,
            `  statistic ${s.period ?? 'period unknown'} ${s.measure} ${s.total?.best ?? '—'}${
              Object.keys(s.breakdown).length > 0
                ? ` (${Object.entries(s.breakdown)
                    .map(([k, v]) => `${k} ${v.best}`)
                    .join(', ')})`
                : ''
            }${s.change ? `, ${s.change.direction} ${s.change.percent}%` : ''} — ${s.source ?? 'source not named'}; in ${s.reports.length} report(s)`,
          );
        }
      }
    });

  cmd
    .command('events')
    .description('the stored news events')
    .action(async () => {
      const c = ctx();
      const deps = await incidentsDeps(c);
      const events = await deps.store.forAgency(deps.agencyId).incidents.listEvents();
      if (c.global.json) {
        c.stdout.write(`${JSON.stringify({ events }, null, 2)}\n`);
        return;
      }
      for (const e of events) write(c, `${e.id}  ${e.date ?? 'date unknown'}  ${e.reports.length} report(s)  ${e.title}`);
    });
};
