/** `argus screen "<name>"` and `argus screen batch --input rows.csv --output results.jsonl|csv`. */

import { createReadStream, createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { once } from 'node:events';
import type { Command } from 'commander';
import { ArgusError, isSchema } from '@argus/core';
import { type BatchRow, type BatchResult, EntityIndexCache, screen } from '@argus/app/screening';
import { resolveCountry, type ScreeningMatch, type ScreeningQuery } from '@argus/core/screening';
import { type CsvRecord, decodeText, readCsv } from '@argus/core/text';
import { auditAppend } from '@argus/app/audit';
import { systemClock } from '@argus/app';
import { ScreeningPool } from '@argus/runtime';
import type { CliContext, CommandRegistrar } from '../program.js';
import { progressBar } from '../progress.js';
import { cliActor } from './case-deps.js';

const BATCH_COLUMNS = new Set([
  'id',
  'schema',
  'full_name',
  'first_name',
  'middle_name',
  'last_name',
  'gender',
  'date_of_birth',
  'place_of_birth',
  'nationality',
  'id_number',
]);

/** The JSON shape of one match, as `screen --json` and batch JSONL print it. */
export function matchJson(m: ScreeningMatch) {
  return {
    entity_id: m.entityId,
    source: m.source,
    source_id: m.sourceId,
    name: m.name,
    score: m.score,
    band: m.band,
    explanation: m.explanation,
  };
}

function explainLine(m: ScreeningMatch): string {
  const pairs = m.explanation.name.pairs.map((p) => (p.kind === 'exact' ? p.name : `${p.query}~${p.name} (${p.kind} ${p.sim})`));
  const extra = m.explanation.name.unmatchedQuery.length > 0 ? ` unmatched: ${m.explanation.name.unmatchedQuery.join(' ')}` : '';
  const feats = m.explanation.features.map((f) => `${f.feature} ${f.contribution >= 0 ? '+' : ''}${f.contribution} (${f.detail})`);
  return `name ${m.explanation.name.score} via "${m.explanation.name.matched}": ${pairs.join(', ')}${extra}${feats.length ? `; ${feats.join('; ')}` : ''}`;
}

interface ScreenFlags {
  dob?: string;
  country?: string;
  schema?: string;
  id?: string[];
  limit: string;
  json?: boolean;
}

function queryFrom(name: string, o: ScreenFlags): ScreeningQuery {
  const q: { -readonly [K in keyof ScreeningQuery]: ScreeningQuery[K] } = { name };
  if (o.schema !== undefined) {
    if (!isSchema(o.schema))
      throw new ArgusError('SCREEN_QUERY_INVALID', `unknown schema "${o.schema}"`, { location: { field: 'schema' } });
    q.schema = o.schema;
  }
  if (o.dob !== undefined) q.birthDate = o.dob;
  if (o.country !== undefined) {
    const c = resolveCountry(o.country);
    if (!c) throw new ArgusError('SCREEN_QUERY_INVALID', `unknown country "${o.country}"`, { location: { field: 'country' } });
    q.country = c;
  }
  if (o.id && o.id.length > 0) q.identifiers = o.id;
  return q;
}

/** Batch rows from a CSV, streamed; `read.bytes` counts the input consumed (for the progress line). */
async function* csvRows(
  path: string,
  read = { bytes: 0 },
): AsyncGenerator<{ row: number; values: BatchRow; where: { file: string; line: number } }> {
  const chunks = (async function* () {
    for await (const c of createReadStream(path, { highWaterMark: 256 * 1024 })) {
      read.bytes += (c as Buffer).length;
      yield c as Buffer;
    }
  })();
  let header: string[] | undefined;
  let row = 0;
  const records = readCsv(decodeText(chunks, path), { file: path })[Symbol.asyncIterator]();
  for (;;) {
    let next: IteratorResult<CsvRecord>;
    try {
      next = await records.next();
    } catch (e) {
      // A quote never closed swallows the rest of the file: that row fails with the reader's message, nothing follows it.
      if (!header || !(e instanceof ArgusError) || e.code !== 'LIST_PARSE_FAILED') throw e;
      row++;
      yield { row, values: { malformed: e.message }, where: { file: path, line: e.location?.line ?? 0 } };
      return;
    }
    if (next.done) return;
    const rec = next.value;
    if (!header) {
      header = rec.fields.map((h) => h.trim().toLowerCase());
      if (!header.some((h) => h === 'full_name' || h === 'first_name' || h === 'last_name' || h === 'id_number')) {
        throw new ArgusError('INPUT_INVALID', `${path}: the header names no full_name, first_name, last_name or id_number column`, {
          location: { file: path, line: rec.line },
        });
      }
      continue;
    }
    row++;
    const values: Record<string, string> = {};
    header.forEach((h, i) => {
      if (BATCH_COLUMNS.has(h)) values[h] = rec.fields[i] ?? '';
    });
    // A row with more fields than the header is malformed: screening it would guess at columns.
    if (rec.fields.length > header.length) values.malformed = `${rec.fields.length} fields, the header has ${header.length}`;
    yield { row, values: values as BatchRow, where: { file: path, line: rec.line } };
  }
}

const csvCell = (s: string): string => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

async function runBatch(ctx: CliContext, input: string, output: string, o: { workers?: string; limit: string }): Promise<void> {
  const store = await ctx.store();
  const cache = new EntityIndexCache();
  const built = await cache.get(store.forAgency(ctx.agencyId));
  const workers = o.workers !== undefined ? Number(o.workers) : undefined;
  const pool = await ScreeningPool.create(built.data, {
    ...(workers !== undefined && Number.isFinite(workers) ? { workers } : {}),
    screen: { limit: Number(o.limit) || 10 },
  });
  const size = (await stat(input)).size;
  const read = { bytes: 0 };
  const asCsv = output.toLowerCase().endsWith('.csv');
  const out = createWriteStream(output);
  const progress = progressBar(ctx.stderr, 'screening');
  const write = async (s: string) => {
    if (!out.write(s)) await once(out, 'drain');
  };
  if (asCsv) await write('row,id,entity_id,source,source_id,name,score,band,error\n');
  let n = 0;
  let alerts = 0;
  let errors = 0;
  try {
    for await (const res of pool.run(csvRows(input, read))) {
      n++;
      const line = batchLine(res);
      if ('error' in line) errors++;
      else if (line.matches.length > 0) alerts++;
      if (asCsv) {
        const id = csvCell(res.id ?? '');
        if ('error' in line) await write(`${res.row},${id},,,,,,,${csvCell(`${line.error.code}: ${line.error.message}`)}\n`);
        else if (line.matches.length === 0) await write(`${res.row},${id},,,,,,no_match,\n`);
        else
          for (const m of line.matches) {
            await write(
              `${res.row},${id},${csvCell(m.entity_id)},${csvCell(m.source)},${csvCell(m.source_id)},${csvCell(m.name)},${m.score},${m.band},\n`,
            );
          }
      } else await write(`${JSON.stringify(line)}\n`);
      if ((n & 255) === 0) progress.update(n, undefined, `rows, ${Math.floor((read.bytes / Math.max(1, size)) * 100)}% of the input read`);
    }
  } finally {
    progress.finish();
    await pool.close();
    out.end();
    await once(out, 'finish');
  }
  ctx.stderr.write(`screened ${n} rows: ${alerts} with candidates, ${errors} errors → ${output}\n`);
  await auditAppend(store.forAgency(ctx.agencyId), systemClock, {
    actor: (await cliActor(ctx)).username,
    action: 'screening.batch',
    subject: input,
    after: { rows: n, withCandidates: alerts, errors, output },
  });
}

/** One JSONL line: `{row, id, matches}` or, for a row that could not be screened, `{row, id, matches: [], error}`. */
export function batchLine(res: BatchResult) {
  // `id` is always present (null when the input has none), so every line has the same keys in the same order.
  const head = { row: res.row, id: res.id ?? null };
  if ('error' in res) return { ...head, matches: [] as ReturnType<typeof matchJson>[], error: res.error };
  return { ...head, matches: res.matches.filter((m) => m.band !== 'no_match').map(matchJson) };
}

export const registerScreen: CommandRegistrar = (program: Command, context: () => CliContext) => {
  const cmd = program
    .command('screen')
    .description('screen a name against every current list (ranked, explained); `screen batch` for a CSV')
    .argument('[name]', 'the name to screen, in any script')
    .option('--dob <date>', 'date of birth: YYYY, YYYY-MM or YYYY-MM-DD')
    .option('--country <country>', 'nationality or country (ISO code or name)')
    .option('--schema <schema>', 'Person, Organization, Company, Vessel, Aircraft or LegalEntity')
    // Repeatable rather than variadic, so a name after `--id N` is still the name.
    .option(
      '--id <number>',
      'an identifier number (passport, national id, tax, IMO, MMSI…); repeat for more',
      (v: string, prev: string[] = []) => [...prev, v],
    )
    .option('--limit <k>', 'at most this many results', '10')
    .option('--json', 'print results as JSON')
    .action(async (name: string | undefined, o: ScreenFlags) => {
      const ctx = context();
      if (name === undefined)
        throw new ArgusError('SCREEN_QUERY_INVALID', 'give a name to screen (or use `argus screen batch`)', {
          location: { field: 'name' },
        });
      const cache = new EntityIndexCache();
      const store = await ctx.store();
      const query = queryFrom(name, o);
      const matches = await screen({ store, agencyId: ctx.agencyId, cache }, query, {
        limit: Math.max(1, Number(o.limit) || 10),
      });
      // Who searched for whom is itself evidence (and the record of misuse): every screening is on the audit trail.
      await auditAppend(store.forAgency(ctx.agencyId), systemClock, {
        actor: (await cliActor(ctx)).username,
        action: 'screening.query',
        subject: name,
        after: { query, hits: matches.filter((m) => m.band !== 'no_match').map((m) => ({ entity: m.entityId, band: m.band })) },
      });
      if (o.json || ctx.global.json) {
        ctx.stdout.write(`${JSON.stringify({ query: name, matches: matches.map(matchJson) }, null, 2)}\n`);
        return;
      }
      if (matches.length === 0) {
        ctx.stdout.write('no match or review candidates\n');
        return;
      }
      matches.forEach((m, i) => {
        ctx.stdout.write(
          `${i + 1}. ${m.score.toFixed(3)} ${m.band.toUpperCase().padEnd(6)} ${m.name}  [${m.entityId}, ${m.schema}]\n   ${explainLine(m)}\n`,
        );
      });
    });
  cmd
    .command('batch')
    .description('screen every row of a CSV (id, schema, full_name, first/middle/last_name, gender, date_of_birth, nationality, id_number)')
    .requiredOption('--input <file.csv>', 'input CSV with a header')
    .requiredOption('--output <file>', 'output .jsonl (one line per row, in order) or .csv')
    .option('--workers <n>', 'worker threads (default: every core)')
    .option('--limit <k>', 'at most this many candidates per row', '10')
    .action(async (o: { input: string; output: string; workers?: string; limit: string }) => {
      await runBatch(context(), o.input, o.output, o);
    });
};
