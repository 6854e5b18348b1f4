/**
 * Every list under ../shared/data/lists imported as `argus lists import` does it (format detection,
 * importList, a temporary SQLite store, the version made current only after a complete parse): the
 * detected format, import time,
 * what was read (entities by schema, names, aliases, names in their original script, dates of birth,
 * identifiers, warnings, errors), and next to it what the file itself declares — OFAC XML Record_Count,
 * the INDIVIDUAL / ENTITY elements of UN files, rows and Group IDs of the UK file, lines of JSON lines —
 * counted from the raw bytes, independently of the parsers, with a ✓/✗ comparison.
 */

import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { isArgusError } from '@argus/core';
import { readCsv } from '@argus/core/text';
import type { VersionCounts } from '@argus/core/versions';
import { type ListsDeps, importList } from '@argus/app/lists';
import { createListsApp, readListPath } from '@argus/runtime';
import { SqliteStore } from '@argus/store-sqlite';
import type { EvalContext, Evaluation } from './run.js';

/** One thing to import: a single file, or a directory that is a CSV set (primary + add + alt + comments). */
interface Target {
  readonly path: string;
  readonly label: string;
}

/** What the raw file says about itself, and whether the parse agrees. */
interface Declared {
  readonly text: string;
  readonly ok: boolean;
  readonly note?: string;
}

interface Row {
  readonly label: string;
  readonly format: string;
  readonly ms: number;
  readonly counts?: VersionCounts;
  readonly originalScript: number;
  readonly error?: string;
  readonly declared?: Declared;
  readonly warningKinds: Map<string, number>;
  readonly notImported: number;
}

function targets(listsDir: string): Target[] {
  const out: Target[] = [];
  for (const dir of readdirSync(listsDir).sort()) {
    const p = join(listsDir, dir);
    if (!statSync(p).isDirectory()) continue;
    const files = readdirSync(p)
      .filter((f) => !f.startsWith('.') && statSync(join(p, f)).isFile())
      .sort();
    // A directory holding OFAC's add/alt files is one edition in several files; anything else is one list per file.
    if (files.some((f) => /(^|_)add\.csv$/i.test(f))) out.push({ path: p, label: `${dir}/` });
    else for (const f of files) out.push({ path: join(p, f), label: `${dir}/${f}` });
  }
  return out;
}

const count = (text: string, re: RegExp): number => text.match(re)?.length ?? 0;
const n = (x: number): string => x.toLocaleString('en');

async function csvRecords(path: string, encoding: BufferEncoding = 'latin1'): Promise<string[][]> {
  async function* one() {
    yield readFileSync(path, encoding);
  }
  const rows: string[][] = [];
  for await (const r of readCsv(one(), { file: path })) rows.push(r.fields);
  return rows;
}

const FTM_PARTIES = new Set(['Person', 'Organization', 'Company', 'LegalEntity', 'Vessel', 'Airplane', 'PublicBody']);

/** Counts taken from the raw bytes with no project parser (a CSV reader aside), so they can disagree with it. */
async function declared(
  target: Target,
  format: string,
  counts: VersionCounts,
  notImported: number,
  warningKinds: ReadonlyMap<string, number>,
): Promise<Declared | undefined> {
  const got = counts.entities;
  const bySchema = counts.bySchema;
  if (format === 'ofac-csv') {
    const files = statSync(target.path).isDirectory()
      ? readdirSync(target.path)
          .filter((f) => /^(sdn|cons_prim)\.csv$/i.test(f))
          .map((f) => join(target.path, f))
      : [target.path];
    const ids = new Set<string>();
    let rows = 0;
    for (const f of files) {
      for (const r of await csvRecords(f)) {
        if (!/^\d+$/.test((r[0] ?? '').trim())) continue; // OFAC ends its files with a ^Z line
        rows++;
        ids.add((r[0] as string).trim());
      }
    }
    // Address, alias and comment rows whose ent_num the primary file lacks: the parser reports each as a warning.
    let orphans = 0;
    if (statSync(target.path).isDirectory()) {
      for (const f of readdirSync(target.path).filter((x) => /(^|_)(add|alt|comments)\.csv$/i.test(x))) {
        for (const r of await csvRecords(join(target.path, f))) {
          const ent = (r[0] ?? '').trim();
          if (/^\d+$/.test(ent) && !ids.has(ent)) orphans++;
        }
      }
    }
    const unjoined = [...warningKinds.entries()].filter(([k]) => /record not joined/.test(k)).reduce((a, [, v]) => a + v, 0);
    return {
      text: `${n(rows)} rows, ${n(ids.size)} ent_num${orphans > 0 ? `; ${n(orphans)} side rows for an ent_num not in the primary` : ''}`,
      ok: ids.size === got && orphans === unjoined,
      ...(orphans > 0
        ? {
            note: `the add/alt/comments files hold ${n(orphans)} rows for ent_nums the primary file lacks (files of different editions); each is a warning`,
          }
        : {}),
    };
  }
  const text = readFileSync(target.path, 'utf8');
  if (format === 'ofac-xml') {
    const recordCount = Number(/<Record_Count>\s*(\d+)\s*<\/Record_Count>/.exec(text)?.[1] ?? Number.NaN);
    const entries = count(text, /<sdnEntry>/g);
    const sample = recordCount !== entries;
    return {
      text: `Record_Count ${n(recordCount)}, <sdnEntry> ${n(entries)}`,
      ok: entries === got,
      ...(sample ? { note: `Record_Count is the full list's; this file is an excerpt of ${entries} entries` } : {}),
    };
  }
  if (format === 'un-xml') {
    const individuals = count(text, /<INDIVIDUAL>/g);
    const entities = count(text, /<ENTITY>/g);
    const persons = bySchema.Person ?? 0;
    const originalScript = count(text, /<NAME_ORIGINAL_SCRIPT>[^<]*\S[^<]*<\/NAME_ORIGINAL_SCRIPT>/g);
    return {
      text: `${n(individuals)} INDIVIDUAL, ${n(entities)} ENTITY, ${n(originalScript)} NAME_ORIGINAL_SCRIPT`,
      ok: persons === individuals && got - persons === entities,
    };
  }
  if (format === 'eu-xml') {
    const entries = count(text, /<(?:\w+:)?sanctionEntity[\s>]/g);
    const ids = new Set([...text.matchAll(/<(?:\w+:)?sanctionEntity\s[^>]*\blogicalId="([^"]+)"/g)].map((m) => m[1]));
    return {
      text: `${n(entries)} sanctionEntity, ${n(ids.size)} distinct logicalId`,
      ok: ids.size === got,
      ...(ids.size !== entries ? { note: `${entries - ids.size} sanctionEntity element(s) repeat a logicalId` } : {}),
    };
  }
  if (format === 'uk-csv') {
    const rows = await csvRecords(target.path);
    const headerAt = rows.findIndex((r) => r.some((c) => c.trim() === 'Group ID'));
    const col = rows[headerAt]?.findIndex((c) => c.trim() === 'Group ID') ?? -1;
    const data = rows.slice(headerAt + 1);
    const groups = new Set(data.map((r) => (r[col] ?? '').trim()).filter((g) => g !== ''));
    return { text: `${n(data.length)} rows, ${n(groups.size)} Group IDs`, ok: groups.size === got };
  }
  if (format === 'ftm-json' || format === 'senzing-json') {
    const lines = text.split('\n').filter((l) => l.trim() !== '');
    if (format === 'senzing-json') {
      // Every line is one record: imported, or reported as not imported (never silently dropped).
      return {
        text: `${n(lines.length)} lines`,
        ok: got + notImported === lines.length,
        note: `${n(notImported)} reported as not imported`,
      };
    }
    let parties = 0;
    for (const l of lines) {
      try {
        if (FTM_PARTIES.has((JSON.parse(l) as { schema?: string }).schema ?? '')) parties++;
      } catch {
        // a bad line: the parser warns about it
      }
    }
    return { text: `${n(lines.length)} lines, ${n(parties)} parties`, ok: got === parties };
  }
  return undefined;
}

/** A source id for a file or set ("ofac-sdn-2024/sdn-2023-05-02.csv" → "eval.ofac-sdn-2024.sdn-2023-05-02.csv"). */
function sourceIdOf(label: string): string {
  return `eval.${label.toLowerCase().replace(/[^a-z0-9._-]+/g, '.')}`.replace(/\.+$/, '').slice(0, 64);
}

/** Warning messages with their numbers and quoted values masked, so the same kind of warning counts as one. */
const warningKind = (message: string): string => message.replace(/"[^"]*"/g, '"…"').replace(/\d+/g, 'N');

async function evaluate(target: Target, deps: ListsDeps): Promise<Row> {
  const warningKinds = new Map<string, number>();
  const t0 = performance.now();
  try {
    const input = readListPath(target.path);
    const result = await importList(deps, { source: sourceIdOf(target.label), files: input.files, fileName: input.fileName });
    const ms = performance.now() - t0;
    const version = result.version;
    const counts = version.counts as VersionCounts;
    let notImported = 0;
    // Every warning the import stored, not only the first few it returns.
    for (const w of await deps.store.forAgency(deps.agencyId).lists.warnings(version.id, counts.warnings + 1)) {
      if (/not imported/.test(w.message)) notImported++;
      const kind = warningKind(w.message);
      warningKinds.set(kind, (warningKinds.get(kind) ?? 0) + 1);
    }
    const originalScript = Object.entries(counts.scripts)
      .filter(([script]) => script !== 'Latn' && script !== 'Zyyy')
      .reduce((a, [, k]) => a + k, 0);
    const decl = await declared(target, version.format, counts, notImported, warningKinds);
    return {
      label: target.label,
      format: version.format,
      ms,
      counts,
      originalScript,
      warningKinds,
      notImported,
      ...(decl ? { declared: decl } : {}),
    };
  } catch (e) {
    return {
      label: target.label,
      format: '?',
      ms: performance.now() - t0,
      originalScript: 0,
      error: isArgusError(e) ? `${e.code}: ${e.message}` : e instanceof Error ? e.message : String(e),
      warningKinds,
      notImported: 0,
    };
  }
}

const evaluation: Evaluation = {
  name: 'lists',
  async run(ctx: EvalContext) {
    const listsDir = join(ctx.dataDir, 'lists');
    const rows: Row[] = [];
    const dir = mkdtempSync(join(tmpdir(), 'argus-eval-lists-'));
    const store = SqliteStore.open({ file: join(dir, 'eval.db') });
    try {
      await store.migrate();
      const deps = await createListsApp({ store, agencyId: 'eval' });
      for (const t of targets(listsDir)) rows.push(await evaluate(t, deps));
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }

    ctx.out(
      '| list | format | import ms | entities | by schema | names | aliases | orig. script | DOBs | identifiers | warnings | errors | the file declares | check |',
    );
    ctx.out('|---|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---|:---:|');
    for (const r of rows) {
      const c = r.counts;
      const schema = c
        ? Object.entries(c.bySchema)
            .map(([s, k]) => `${s} ${n(k)}`)
            .join(', ')
        : '';
      const check = r.error ? '✗' : r.declared ? (r.declared.ok ? '✓' : '✗') : '–';
      ctx.out(
        `| ${r.label} | ${r.format} | ${r.ms.toFixed(0)} | ${c ? n(c.entities) : '–'} | ${schema} | ${c ? n(c.names) : '–'} | ${c ? n(c.aliases) : '–'} | ${n(r.originalScript)} | ${c ? n(c.birthDates) : '–'} | ${c ? n(c.identifiers) : '–'} | ${c ? n(c.warnings) : '–'} | ${r.error ? 1 : 0} | ${r.declared?.text ?? ''} | ${check} |`,
      );
    }

    ctx.out();
    for (const r of rows) {
      if (r.error) ctx.out(`ERROR ${r.label}: ${r.error}`);
      if (r.declared?.note) ctx.out(`note ${r.label}: ${r.declared.note}`);
    }
    for (const r of rows) {
      if (r.warningKinds.size === 0) continue;
      const kinds = [...r.warningKinds.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3);
      ctx.out(`warnings ${r.label}: ${kinds.map(([k, v]) => `${n(v)}× ${k.slice(0, 110)}`).join(' | ')}`);
    }
    const errors = rows.filter((r) => r.error).length;
    const mismatches = rows.filter((r) => r.declared && !r.declared.ok).length;
    ctx.out();
    ctx.out(
      `${rows.length} lists under ${relative(process.cwd(), listsDir) || listsDir}: ${errors} with errors, ${mismatches} whose counts differ from what the file declares`,
    );
    if (errors > 0)
      throw new Error(
        `${errors} list(s) failed to import: ${rows
          .filter((r) => r.error)
          .map((r) => r.label)
          .join(', ')}`,
      );
  },
};

export default evaluation;
