/** `argus compare "<A>" "<B>"` and `argus compare --input pairs.csv --output scored.csv`. */

import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Command } from 'commander';
import { ArgusError, isSchema, type Schema } from '@argus/core';
import { compare } from '@argus/app/screening';
import { decodeText, readCsv } from '@argus/core/text';
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
  try {
    for await (const rec of readCsv(decodeText(chunks, input), { file: input })) {
      if (!header) {
        header = rec.fields.map((h) => h.trim());
        const lower = header.map((h) => h.toLowerCase());
        iSchema = lower.indexOf('schema');
        i1 = lower.indexOf('name1');
        i2 = lower.indexOf('name2');
        if (i1 < 0 || i2 < 0) throw new ArgusError('INPUT_INVALID', `${input}: the header needs name1 and name2 columns`, { location: { file: input, line: rec.line } });
        await write(`${[...header, 'score', 'decision', 'error'].map(csvCell).join(',')}\n`);
        continue;
      }
      n++;
      const f = rec.fields;
      const cells = header.map((_, i) => csvCell(f[i] ?? ''));
      try {
        const a = f[i1] ?? '';
        const b = f[i2] ?? '';
        if (a.trim() === '' || b.trim() === '') {
          throw new ArgusError('SCREEN_QUERY_INVALID', 'name1 and name2 must both be given', { location: { file: input, line: rec.line } });
        }
        if (a.length > 500 || b.length > 500) {
          throw new ArgusError('SCREEN_QUERY_INVALID', 'a name is longer than 500 characters', { location: { file: input, line: rec.line } });
        }
        const r = compare(a, b, schemaOf(iSchema >= 0 ? f[iSchema] : undefined, { file: input, line: rec.line }));
        await write(`${[...cells, String(r.score), r.band, ''].join(',')}\n`);
      } catch (e) {
        if (!(e instanceof ArgusError)) throw e;
        errors++;
        await write(`${[...cells, '', '', csvCell(`${e.code}: ${e.message} (line ${rec.line})`)].join(',')}\n`);
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
    .action(async (a: string | undefined, b: string | undefined, o: { schema?: string; input?: string; output?: string; json?: boolean }) => {
      const ctx = context();
      if (o.input !== undefined) {
        if (o.output === undefined) throw new ArgusError('INPUT_INVALID', '--input needs --output');
        await compareFile(ctx, o.input, o.output);
        return;
      }
      if (a === undefined || b === undefined || a.trim() === '' || b.trim() === '') {
        throw new ArgusError('SCREEN_QUERY_INVALID', 'give two names to compare (or --input pairs.csv --output scored.csv)');
      }
      const r = compare(a, b, schemaOf(o.schema));
      if (o.json || ctx.global.json) {
        ctx.stdout.write(`${JSON.stringify({ score: r.score, decision: r.band, explanation: r.name }, null, 2)}\n`);
        return;
      }
      ctx.stdout.write(`${r.score.toFixed(3)} ${r.band}\n`);
      for (const p of r.name.pairs) ctx.stdout.write(`  ${p.query} ~ ${p.name}: ${p.sim} (${p.kind}, weight ${p.weight.toFixed(2)})\n`);
      if (r.name.unmatchedQuery.length > 0) ctx.stdout.write(`  only in A: ${r.name.unmatchedQuery.join(' ')}\n`);
      if (r.name.unmatchedName.length > 0) ctx.stdout.write(`  only in B: ${r.name.unmatchedName.join(' ')}\n`);
      if (r.name.reordered) ctx.stdout.write('  order differs (−5 %)\n');
      if (r.name.genericOnly) ctx.stdout.write('  only generic words agree (capped at 0.5)\n');
    });
};
