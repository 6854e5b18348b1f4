/** `argus compare "<A>" "<B>"` and `argus compare --input pairs.csv --output scored.csv`. */

import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Command } from 'commander';
import { ArgusError, isSchema, type Schema } from '@argus/core';
import { compare } from '@argus/app/screening';
import { prepareQuery } from '@argus/core/screening';
import { type CsvRecord, decodeText, readCsv } from '@argus/core/text';
import type { CliContext, CommandRegistrar } from '../program.js';

const csvCell = (s: string): string => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

function schemaOf(text: string | undefined, where?: { file: string; line: number }): Schema | undefined {
  const t = text?.trim();
  if (!t) return undefined;
  const fixed = t.toLowerCase() === 'legalentity' ? 'LegalEntity' : t.charAt(0).toUpperCase() + t.slice(1).toLowerCase();
  if (!isSchema(fixed)) {
    throw new ArgusError('SCREEN_QUERY_INVALID', `unknown schema "${t}"`, { location: { ...where, field: 'schema' } });
  }
  return fixed;
}

/** Rejects a name `compare` cannot score (empty, only punctuation or stop words, over-long) as the screen query would. */
function checkNames(a: string, b: string, schema: Schema | undefined, where: { file?: string; line?: number } = {}): void {
  for (const [name, field] of [
    [a, 'name1'],
    [b, 'name2'],
  ] as const) {
    try {
      prepareQuery(schema === undefined ? { name } : { name, schema });
    } catch (e) {
      if (!(e instanceof ArgusError)) throw e;
      throw new ArgusError(e.code, `${field}: ${e.message}`, { location: { ...where, field } });
    }
  }
}

async function compareFile(ctx: CliContext, input: string, output: string): Promise<void> {
  const chunks = (async function* () {
    for await (const c of createReadStream(input, { highWaterMark: 256 * 1024 })) yield c as Buffer;
  })();
  const out = createWriteStream(output);
  const write = async (s: string) => {
    if (!out.write(s)) await once(out, 'drain');
  };
  let header: string[] | undefined;
  let iSchema = -1;
  let i1 = -1;
  let i2 = -1;
  let n = 0;
  let errors = 0;
  const records = readCsv(decodeText(chunks, input), { file: input })[Symbol.asyncIterator]();
  try {
    for (;;) {
      let next: IteratorResult<CsvRecord>;
      try {
        next = await records.next();
      } catch (e) {
        // A quote never closed swallows the rest of the file: one error row says so, nothing follows it.
        if (!header || !(e instanceof ArgusError) || e.code !== 'LIST_PARSE_FAILED') throw e;
        n++;
        errors++;
        ctx.stderr.write(`argus: SCREEN_QUERY_INVALID: malformed row: ${e.message}\n`);
        break;
      }
      if (next.done) break;
      const rec = next.value;
      if (!header) {
        header = rec.fields.map((h) => h.trim());
        const lower = header.map((h) => h.toLowerCase());
        iSchema = lower.indexOf('schema');
        i1 = lower.indexOf('name1');
        i2 = lower.indexOf('name2');
        if (i1 < 0 || i2 < 0)
          throw new ArgusError('INPUT_INVALID', `${input}: the header needs name1 and name2 columns`, {
            location: { file: input, line: rec.line },
          });
        // The contract: the input's columns, then score and decision — nothing else. Row errors go to stderr.
        await write(`${[...header, 'score', 'decision'].map(csvCell).join(',')}\n`);
        continue;
      }
      n++;
      const f = rec.fields;
      const cells = header.map((_, i) => csvCell(f[i] ?? ''));
      const where = { file: input, line: rec.line };
      try {
        if (f.length > header.length) {
          throw new ArgusError('SCREEN_QUERY_INVALID', `malformed row: ${f.length} fields, the header has ${header.length}`, {
            location: where,
          });
        }
        const a = f[i1] ?? '';
        const b = f[i2] ?? '';
        const schema = schemaOf(iSchema >= 0 ? f[iSchema] : undefined, where);
        checkNames(a, b, schema, where);
        const r = compare(a, b, schema);
        await write(`${[...cells, String(r.score), r.band].join(',')}\n`);
      } catch (e) {
        if (!(e instanceof ArgusError)) throw e;
        errors++;
        // The row stays in the output (score and decision empty) so rows still line up with the input.
        await write(`${[...cells, '', ''].join(',')}\n`);
        ctx.stderr.write(`argus: ${e.code}: ${input}:${rec.line}: ${e.message}\n`);
      }
    }
  } finally {
    out.end();
    await once(out, 'finish');
  }
  ctx.stderr.write(`compared ${n} pairs, ${errors} errors → ${output}\n`);
}

export const registerCompare: CommandRegistrar = (program: Command, context: () => CliContext) => {
  program
    .command('compare')
    .description('score two names (score, decision, explanation), or every pair of a CSV (schema,name1,name2,…)')
    .argument('[nameA]')
    .argument('[nameB]')
    .option('--schema <schema>', 'Person, Organization, Company, Vessel, Aircraft or LegalEntity')
    .option('--input <pairs.csv>', 'CSV with columns schema,name1,name2 (others pass through)')
    .option('--output <scored.csv>', 'where to write the scored CSV')
    .option('--json', 'print as JSON')
    .action(
      async (a: string | undefined, b: string | undefined, o: { schema?: string; input?: string; output?: string; json?: boolean }) => {
        const ctx = context();
        if (o.input !== undefined) {
          if (o.output === undefined) throw new ArgusError('INPUT_INVALID', '--input needs --output');
          await compareFile(ctx, o.input, o.output);
          return;
        }
        if (a === undefined || b === undefined) {
          throw new ArgusError('SCREEN_QUERY_INVALID', 'give two names to compare (or --input pairs.csv --output scored.csv)');
        }
        const schema = schemaOf(o.schema);
        checkNames(a, b, schema);
        const r = compare(a, b, schema);
        if (o.json || ctx.global.json) {
          ctx.stdout.write(`${JSON.stringify({ score: r.score, decision: r.band, explanation: r.name }, null, 2)}\n`);
          return;
        }
        ctx.stdout.write(`${r.score.toFixed(3)} ${r.band}\n`);
        for (const p of r.name.pairs) ctx.stdout.write(`  ${p.query} ~ ${p.name}: ${p.sim} (${p.kind}, weight ${p.weight.toFixed(2)})\n`);
        if (r.name.unmatchedQuery.length > 0) ctx.stdout.write(`  only in A: ${r.name.unmatchedQuery.join(' ')}\n`);
        if (r.name.unmatchedName.length > 0) ctx.stdout.write(`  only in B: ${r.name.unmatchedName.join(' ')}\n`);
        if (r.name.reordered) ctx.stdout.write('  order differs (−10 %)\n');
        if (r.name.genericOnly) ctx.stdout.write('  only generic words agree (capped at 0.5)\n');
      },
    );
};
