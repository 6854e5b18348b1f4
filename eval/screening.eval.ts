/**
 * Screening quality on the real data: recall of the US Congress positives, false-positive rate of the
 * 50,000 synthetic negatives against every shared list, cross-script retrieval of UN names in their
 * original script, and the golden pairs — for Argus and for the brute-force Jaro-Winkler baseline
 * (Watchman / OFAC search tool method) in the same run.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Entity } from '@argus/core';
import { jaroWinkler, normalizeName } from '@argus/core/names';
import { buildIndexData, compareNames, resolveCountry, ScreeningIndex, Screener, type ScreeningQuery } from '@argus/core/screening';
import type { EvalContext, Evaluation } from './run.js';

/** The shared lists "all lists" means: the newest edition of each source, no duplicate samples. */
export const SHARED_LISTS: readonly { path: string; list: string; format: string }[] = [
  { path: 'lists/ofac-sdn-2024/sdn-2024-05-03.csv', list: 'ofac-sdn', format: 'ofac-csv' },
  { path: 'lists/ofac-nonsdn-2025', list: 'ofac-cons', format: 'ofac-csv' },
  { path: 'lists/un/consolidated-2026-02-27.xml', list: 'un-sc', format: 'un-xml' },
  { path: 'lists/eu/sample_eu.xml', list: 'eu-fsf', format: 'eu-xml' },
  { path: 'lists/uk/sample_hmt.csv', list: 'uk-hmt', format: 'uk-csv' },
  { path: 'lists/opensanctions/zala.ftm.json', list: 'os-zala', format: 'ftm-json' },
  { path: 'lists/opensanctions/us_congress_senzing.json', list: 'us-congress', format: 'senzing-json' },
];

/** Parses one shared list with the project's own parsers (`@argus/core/lists`). */
export async function loadList(dataDir: string, l: { path: string; list: string; format: string }): Promise<Entity[]> {
  const { readListPath } = await import('@argus/runtime');
  const lists = (await import('@argus/core/lists' as string)) as {
    parseList(
      format: string,
      input: { files: readonly unknown[] },
      options: { list: string },
    ): AsyncIterable<{ type: string; entity?: Entity }>;
  };
  const input = readListPath(join(dataDir, l.path));
  const out: Entity[] = [];
  for await (const ev of lists.parseList(l.format, { files: input.files }, { list: l.list }))
    if (ev.type === 'entity' && ev.entity) out.push(ev.entity);
  return out;
}

function csvRows(path: string): Record<string, string>[] {
  const lines = readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  const split = (line: string): string[] => {
    const out: string[] = [];
    let cur = '';
    let q = false;
    for (let i = 0; i < line.length; i++) {
      const c = line[i] as string;
      if (q) {
        if (c === '"' && line[i + 1] === '"') {
          cur += '"';
          i++;
        } else if (c === '"') q = false;
        else cur += c;
      } else if (c === '"') q = true;
      else if (c === ',') {
        out.push(cur);
        cur = '';
      } else cur += c;
    }
    out.push(cur);
    return out;
  };
  const head = split(lines[0] ?? '');
  return lines.slice(1).map((l) => {
    const f = split(l);
    return Object.fromEntries(head.map((h, i) => [h, f[i] ?? '']));
  });
}

/** A row of the eval CSVs as a query: the people in them are persons. */
export function rowQuery(r: Record<string, string>): ScreeningQuery {
  const name = r.full_name || [r.first_name, r.middle_name, r.last_name].filter(Boolean).join(' ');
  const q: { -readonly [K in keyof ScreeningQuery]: ScreeningQuery[K] } = { name, schema: 'Person' };
  if (r.date_of_birth) q.birthDate = r.date_of_birth;
  const c = r.nationality ? resolveCountry(r.nationality) : undefined;
  if (c) q.country = c;
  if (r.gender === 'male' || r.gender === 'female') q.gender = r.gender;
  return q;
}

/**
 * The baseline: every list name, tokens aligned best-pairs by Jaro-Winkler, the mean over the query's
 * tokens (Watchman's method); an alert at or above 0.92.
 */
export class BaselineMatcher {
  readonly names: { entity: number; tokens: string[] }[] = [];
  static readonly THRESHOLD = 0.92;
  constructor(entities: readonly Entity[]) {
    entities.forEach((e, i) => {
      for (const n of e.names) {
        const t = normalizeName(n.full).split(' ').filter(Boolean);
        if (t.length > 0) this.names.push({ entity: i, tokens: t });
      }
    });
  }
  static score(q: readonly string[], n: readonly string[]): number {
    let s = 0;
    for (const a of q) {
      let best = 0;
      for (const b of n) {
        const j = jaroWinkler(a, b);
        if (j > best) best = j;
      }
      s += best;
    }
    // penalise length difference the way Watchman's token-count adjustment does
    return (s / Math.max(1, q.length)) * Math.min(1, (q.length + 1) / (n.length + 1) + 0.25);
  }
  /** Entities scoring at or above the threshold, best first. */
  search(name: string): { entity: number; score: number }[] {
    const q = normalizeName(name).split(' ').filter(Boolean);
    const best = new Map<number, number>();
    for (const n of this.names) {
      const s = BaselineMatcher.score(q, n.tokens);
      if (s >= BaselineMatcher.THRESHOLD && s > (best.get(n.entity) ?? 0)) best.set(n.entity, s);
    }
    return [...best].map(([entity, score]) => ({ entity, score })).sort((a, b) => b.score - a.score);
  }
}

/** A small deterministic PRNG (mulberry32): the same noisy queries on every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One random edit (delete, insert, substitute or swap) inside a word of four or more letters. */
function typo(word: string, r: () => number): string {
  const p = 1 + Math.floor(r() * (word.length - 2));
  const c = String.fromCharCode(97 + Math.floor(r() * 26));
  const k = r();
  if (k < 0.25) return word.slice(0, p) + word.slice(p + 1);
  if (k < 0.5) return word.slice(0, p) + c + word.slice(p);
  if (k < 0.75) return word.slice(0, p) + c + word.slice(p + 1);
  return word.slice(0, p - 1) + (word[p] ?? '') + (word[p - 1] ?? '') + word.slice(p + 1);
}

type NoisyKind = 'typo' | 'reshuffled' | 'both';

/**
 * List names made noisy the way held-out sets do: one typo (two in a name of three or more long words),
 * the first word moved to the end, or both. Latin names of two to six words.
 */
export function noisyListQueries(entities: readonly Entity[], n: number, seed: number): { id: string; name: string; kind: NoisyKind }[] {
  const r = rng(seed);
  const pool = entities.filter((e) => e.schema === 'Person' || e.schema === 'Organization' || e.schema === 'Company');
  const out: { id: string; name: string; kind: NoisyKind }[] = [];
  for (let guard = 0; out.length < n && guard < n * 20; guard++) {
    const e = pool[Math.floor(r() * pool.length)];
    const name = e?.names[Math.floor(r() * e.names.length)]?.full;
    if (!e || !name || /[^\u0000-\u024f]/.test(name)) continue;
    let w = name.replace(/,/g, ' ').split(/\s+/).filter(Boolean);
    if (w.length < 2 || w.length > 6) continue;
    const kind = (['typo', 'reshuffled', 'both'] as const)[out.length % 3] as NoisyKind;
    if (kind !== 'reshuffled') {
      const long = w.map((x, i) => [x, i] as const).filter(([x]) => x.length >= 4);
      if (long.length === 0) continue;
      for (let k = 0; k < (long.length >= 3 ? 2 : 1); k++) {
        const [, i] = long[Math.floor(r() * long.length)] as readonly [string, number];
        w[i] = typo(w[i] as string, r);
      }
    }
    if (kind !== 'typo') w = [...w.slice(1), w[0] as string];
    out.push({ id: e.id, name: w.join(' '), kind });
  }
  return out;
}

const pct = (x: number) => `${(x * 100).toFixed(2)} %`;

async function run(ctx: EvalContext): Promise<void> {
  const all: Entity[] = [];
  const byList = new Map<string, Entity[]>();
  for (const l of SHARED_LISTS) {
    try {
      const ents = await loadList(ctx.dataDir, l);
      byList.set(l.list, ents);
      all.push(...ents);
      ctx.out(`loaded ${l.list}: ${ents.length} entities`);
    } catch (e) {
      ctx.out(`could not load ${l.path}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  const congress = byList.get('us-congress') ?? [];
  const un = byList.get('un-sc') ?? [];
  const allScreener = new Screener(new ScreeningIndex(buildIndexData(all)));
  const congressScreener = new Screener(new ScreeningIndex(buildIndexData(congress)));
  const baseAll = new BaselineMatcher(all);
  const baseCongress = new BaselineMatcher(congress);
  const dir = join(ctx.dataDir, 'eval', 'screening');

  // Recall: the right entity (same name on the list) in match or review.
  const positives = csvRows(join(dir, 'positives_us_congress.csv'));
  const congressKey = (e: Entity) => e.names.map((n) => normalizeName(n.full));
  const onList = positives.filter((p) => congress.some((e) => congressKey(e).includes(normalizeName(p.full_name ?? ''))));
  let hit = 0;
  let baseHit = 0;
  for (const p of positives) {
    const q = rowQuery(p);
    const want = new Set(congress.filter((e) => congressKey(e).includes(normalizeName(q.name))).map((e) => e.id));
    const ms = congressScreener.screen(q, { limit: 10 });
    if (ms.some((m) => want.has(m.entityId))) hit++;
    const bs = baseCongress.search(q.name);
    if (bs.some((b) => want.has((congress[b.entity] as Entity).id))) baseHit++;
  }
  ctx.out();
  ctx.out(`positives: ${positives.length} rows, ${onList.length} of them named on the list as given`);

  // False positives: any match or review on a negative, against every list.
  const negatives = csvRows(join(dir, 'negatives_us.csv'));
  let fp = 0;
  let invalid = 0;
  const t0 = performance.now();
  for (const n of negatives) {
    try {
      if (allScreener.screen(rowQuery(n), { limit: 1 }).length > 0) fp++;
    } catch {
      invalid++;
    }
  }
  const negMs = performance.now() - t0;
  // The baseline scans every list name per query (about one query a second): a sample keeps the eval short.
  const BASE_SAMPLE = 300;
  let baseFp = 0;
  const b0 = performance.now();
  for (const n of negatives.slice(0, BASE_SAMPLE)) if (baseAll.search(rowQuery(n).name).length > 0) baseFp++;
  const baseMs = performance.now() - b0;

  // Cross-script: each UN individual with a name in its original script, queried by that name alone.
  const unXml = readFileSync(join(ctx.dataDir, 'lists/un/consolidated-2026-02-27.xml'), 'utf8');
  const scripts: { name: string; ref: string }[] = [];
  for (const m of unXml.matchAll(/<INDIVIDUAL>([\s\S]*?)<\/INDIVIDUAL>/g)) {
    const body = m[1] ?? '';
    const os = /<NAME_ORIGINAL_SCRIPT>([^<]+)<\/NAME_ORIGINAL_SCRIPT>/.exec(body)?.[1]?.trim();
    const ref = /<REFERENCE_NUMBER>([^<]+)<\/REFERENCE_NUMBER>/.exec(body)?.[1]?.trim();
    if (os && ref) scripts.push({ name: os, ref });
  }
  // The hard variant: the same index without the original-script names, so only transliteration can find them.
  const latinOnly = un.map((e) => ({ ...e, names: e.names.filter((n) => !/[^\u0000-\u024f]/.test(n.full)) }));
  const latinScreener = new Screener(new ScreeningIndex(buildIndexData([...all.filter((e) => e.source.list !== 'un-sc'), ...latinOnly])));
  const latinBase = new BaselineMatcher([...all.filter((e) => e.source.list !== 'un-sc'), ...latinOnly]);
  let xs = 0;
  let xsHard = 0;
  let xsBase = 0;
  const latinEntities = [...all.filter((e) => e.source.list !== 'un-sc'), ...latinOnly];
  for (const s of scripts) {
    const id = `un-sc:${s.ref}`;
    if (allScreener.screen({ name: s.name }, { limit: 10 }).some((m) => m.entityId === id)) xs++;
    if (latinScreener.screen({ name: s.name }, { limit: 10 }).some((m) => m.entityId === id)) xsHard++;
    if (latinBase.search(s.name).some((b) => latinEntities[b.entity]?.id === id)) xsBase++;
  }

  // Typo'd and reshuffled list names: each finds its own entity (a deterministic sample of persons and organisations).
  const noisy = noisyListQueries(
    all.filter((e) => e.source.list !== 'us-congress'),
    3000,
    11,
  );
  const noisyHit: Record<string, [number, number]> = { typo: [0, 0], reshuffled: [0, 0], both: [0, 0] };
  for (const q of noisy) {
    const slot = noisyHit[q.kind] as [number, number];
    slot[1]++;
    try {
      if (allScreener.screen({ name: q.name }, { limit: 10 }).some((m) => m.entityId === q.id)) slot[0]++;
    } catch {
      // a name left with no searchable word ("GAS OOO") counts as a miss
    }
  }

  // Golden pairs, scored by compare (Argus) and by the baseline's pair score.
  const golden = csvRows(join(import.meta.dirname, '..', 'packages/core/src/screening/golden/golden-pairs.csv'));
  const pr = (pred: (g: Record<string, string>) => boolean) => {
    let tp = 0;
    let fpG = 0;
    let fn = 0;
    for (const g of golden) {
      const p = pred(g);
      if (p && g.label === '1') tp++;
      else if (p) fpG++;
      else if (g.label === '1') fn++;
    }
    return { precision: tp / Math.max(1, tp + fpG), recall: tp / Math.max(1, tp + fn) };
  };
  const gA = pr((g) => compareNames(g.name1 ?? '', g.name2 ?? '').band !== 'no_match');
  const tok = (s: string) => normalizeName(s).split(' ').filter(Boolean);
  const gB = pr((g) => BaselineMatcher.score(tok(g.name1 ?? ''), tok(g.name2 ?? '')) >= BaselineMatcher.THRESHOLD);

  ctx.out();
  ctx.out('| measure | goal | Argus | baseline (JW best pairs) |');
  ctx.out('|---|---|---|---|');
  ctx.out(
    `| recall, US Congress positives (${positives.length}) | ≥ 0.99 | ${(hit / positives.length).toFixed(4)} | ${(baseHit / positives.length).toFixed(4)} |`,
  );
  ctx.out(`| recall, positives named on the list (${onList.length}) | | ${(hit / Math.max(1, onList.length)).toFixed(4)} | |`);
  ctx.out(
    `| false-positive rate, ${negatives.length} negatives vs ${all.length} entities | ≤ 0.5 % | ${pct(fp / negatives.length)} (${fp}) | ${pct(baseFp / BASE_SAMPLE)} (${baseFp} of first ${BASE_SAMPLE}) |`,
  );
  ctx.out(`| cross-script UN, original-script names indexed (${scripts.length}) | ≥ 0.95 | ${(xs / scripts.length).toFixed(4)} | |`);
  ctx.out(
    `| cross-script UN, Latin names only indexed | | ${(xsHard / scripts.length).toFixed(4)} | ${(xsBase / scripts.length).toFixed(4)} |`,
  );
  const noisyLabel: Record<string, string> = { typo: 'with one or two typos', reshuffled: 'reshuffled', both: "typo'd and reshuffled" };
  for (const [kind, [h, n]] of Object.entries(noisyHit)) {
    ctx.out(`| list names ${noisyLabel[kind]} (${n}), own entity found | | ${(h / Math.max(1, n)).toFixed(4)} | |`);
  }
  ctx.out(
    `| golden pairs (${golden.length}) precision / recall | | ${gA.precision.toFixed(3)} / ${gA.recall.toFixed(3)} | ${gB.precision.toFixed(3)} / ${gB.recall.toFixed(3)} |`,
  );
  ctx.out(
    `| negatives screened per second (1 thread) | | ${Math.round(negatives.length / (negMs / 1000))} | ${Math.round(BASE_SAMPLE / (baseMs / 1000))} |`,
  );
  if (invalid > 0) ctx.out(`(${invalid} negatives rejected as invalid queries)`);
}

const evaluation: Evaluation = { name: 'screening', run };
export default evaluation;
