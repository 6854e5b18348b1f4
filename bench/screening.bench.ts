/**
 * Screening speed: OFAC SDN 2024 + OFAC non-SDN + UN 2026 in one index — build time, memory, single-query
 * p50/p99 latency, batch throughput on every core (worker pool) — and the brute-force best-pairs
 * Jaro-Winkler baseline in the same run; then 1,000,000 synthetic entities composed from real name
 * parts across scripts (build time, memory, throughput).
 */

import { availableParallelism } from 'node:os';
import type { Entity } from '@argus/core';
import { emptyEntity } from '@argus/core';
import { buildIndexData, prepareQuery, ScreeningIndex, ScreeningIndexBuilder, Screener, type ScreeningQuery } from '@argus/core/screening';
import { BaselineMatcher, loadList } from '../eval/screening.eval.js';
import type { BenchContext, Benchmark } from './run.js';

/** A small deterministic PRNG (mulberry32) so every run screens the same queries. */
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

/** Queries drawn from list names: exact, one typo, reordered, plus unrelated names (most real screening is negative). */
function makeQueries(entities: readonly Entity[], n: number, seed: number): ScreeningQuery[] {
  const r = rng(seed);
  const names = entities.flatMap((e) => e.names.map((x) => x.full)).filter((s) => s.length > 2 && s.length < 120);
  const filler = [
    'Maria Lopez',
    'John Carter',
    'Wei Zhang',
    'Olga Petrova',
    'Ahmed Hassan Ali',
    'Peter Novak',
    'Fatima Noor',
    'Global Trading LLC',
  ];
  const out: ScreeningQuery[] = [];
  for (let i = 0; i < n; i++) {
    const base = names[Math.floor(r() * names.length)] ?? 'x';
    const k = r();
    let name = base;
    if (k < 0.25) {
      const p = 1 + Math.floor(r() * (base.length - 2));
      name = base.slice(0, p) + base.slice(p + 1);
    } else if (k < 0.4)
      name = base
        .split(/[\s,]+/)
        .reverse()
        .join(' ');
    else if (k < 0.7)
      name = `${filler[Math.floor(r() * filler.length)]} ${String.fromCharCode(65 + Math.floor(r() * 26))}${Math.floor(r() * 1000)}`;
    // A typo can leave a name with no searchable word ("Das" from "Dasa"): screening rejects it, the bench skips it.
    try {
      prepareQuery({ name });
    } catch {
      i--;
      continue;
    }
    out.push({ name });
  }
  return out;
}

function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}

const mb = (b: number) => (b / 1024 / 1024).toFixed(0);

async function poolThroughput(data: ReturnType<typeof buildIndexData>, queries: readonly ScreeningQuery[], workers: number) {
  const { ScreeningPool } = await import('@argus/runtime');
  const pool = await ScreeningPool.create(data, { workers, chunkSize: 512 });
  try {
    const rows = queries.map((q, i) => ({ row: i + 1, values: { full_name: q.name } }));
    const t0 = performance.now();
    let n = 0;
    for await (const _ of pool.run(rows)) n++;
    return n / ((performance.now() - t0) / 1000);
  } finally {
    await pool.close();
  }
}

/**
 * 1,000,000 entities whose names recombine real given and family names of the lists: Latin parts, and
 * (one entity in five) parts of the names the lists give in their original script (Arabic, Cyrillic, Han…),
 * never mixing scripts inside one name.
 */
function* syntheticEntities(real: readonly Entity[], count: number, seed: number): Generator<Entity> {
  const r = rng(seed);
  const pools = { latin: { given: [] as string[], family: [] as string[] }, script: { given: [] as string[], family: [] as string[] } };
  for (const e of real) {
    if (e.schema !== 'Person') continue;
    for (const n of e.names) {
      const parts = n.full
        .replace(/,/g, ' ')
        .split(/\s+/)
        .filter((p) => p.length > 1);
      if (parts.length < 2) continue;
      const pool = /[^\u0000-\u024f]/.test(n.full) ? pools.script : pools.latin;
      pool.given.push(...parts.slice(0, -1));
      pool.family.push(parts[parts.length - 1] as string);
    }
  }
  const pick = (a: string[]) => a[Math.floor(r() * a.length)] as string;
  for (let i = 0; i < count; i++) {
    const e = emptyEntity('synthetic', String(i), 'Person');
    const pool = pools.script.family.length > 0 && r() < 0.2 ? pools.script : pools.latin;
    const tokens = [pick(pool.given), ...(r() < 0.5 ? [pick(pool.given)] : []), pick(pool.family)];
    const year = 1940 + Math.floor(r() * 60);
    yield { ...e, names: [{ full: tokens.join(' '), kind: 'primary' }], birthDates: [{ kind: 'exact', date: String(year) }] };
  }
}

async function run(ctx: BenchContext): Promise<void> {
  const lists = [
    { path: 'lists/ofac-sdn-2024/sdn-2024-05-03.csv', list: 'ofac-sdn', format: 'ofac-csv' },
    { path: 'lists/ofac-nonsdn-2025', list: 'ofac-cons', format: 'ofac-csv' },
    { path: 'lists/un/consolidated-2026-02-27.xml', list: 'un-sc', format: 'un-xml' },
  ];
  const entities: Entity[] = [];
  for (const l of lists) entities.push(...(await loadList(ctx.dataDir, l)));
  const nNames = entities.reduce((s, e) => s + e.names.length, 0);

  global.gc?.();
  const heap0 = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const data = buildIndexData(entities);
  const index = new ScreeningIndex(data);
  const buildMs = performance.now() - t0;
  global.gc?.();
  const heapIndex = process.memoryUsage().heapUsed - heap0;
  const screener = new Screener(index);

  const queries = makeQueries(entities, 50_000, 1);
  for (const q of queries.slice(0, 2000)) screener.screen(q); // warm-up
  const lat = new Float64Array(20_000);
  for (let i = 0; i < lat.length; i++) {
    const q = queries[i] as ScreeningQuery;
    const s = performance.now();
    screener.screen(q);
    lat[i] = performance.now() - s;
  }
  lat.sort();
  const s1 = performance.now();
  for (const q of queries) screener.screen(q);
  const single = queries.length / ((performance.now() - s1) / 1000);
  const cores = availableParallelism();
  const pooled = await poolThroughput(data, queries, cores);

  const base = new BaselineMatcher(entities);
  const bq = queries.slice(0, 200);
  const b0 = performance.now();
  for (const q of bq) base.search(q.name);
  const baseQps = bq.length / ((performance.now() - b0) / 1000);

  ctx.out(`OFAC SDN 2024 + OFAC non-SDN + UN 2026: ${entities.length} entities, ${nNames} names, ${data.vocab.length} distinct tokens`);
  ctx.out();
  ctx.out('| measure | goal | Argus | baseline (brute-force JW) | ratio |');
  ctx.out('|---|---|---|---|---|');
  ctx.out(`| index build | | ${buildMs.toFixed(0)} ms | none (scans every name) | |`);
  ctx.out(`| index heap | | ${mb(heapIndex)} MB (RSS ${mb(process.memoryUsage().rss)} MB) | | |`);
  ctx.out(
    `| single query p50 / p99 | p99 < 2 ms | ${percentile(lat, 0.5).toFixed(3)} / ${percentile(lat, 0.99).toFixed(3)} ms | ${(1000 / baseQps).toFixed(1)} ms mean | |`,
  );
  ctx.out(`| queries/s, 1 thread | | ${Math.round(single)} | ${baseQps.toFixed(1)} | ${(single / baseQps).toFixed(0)}× |`);
  ctx.out(`| queries/s, batch on ${cores} cores (worker pool) | ≥ 10,000 | ${Math.round(pooled)} | | ${(pooled / baseQps).toFixed(0)}× |`);

  if (process.env.ARGUS_BENCH_SCALE === '0') return;
  const SCALE = Number(process.env.ARGUS_BENCH_SCALE ?? 1_000_000);
  global.gc?.();
  const rss0 = process.memoryUsage().rss;
  const t1 = performance.now();
  const builder = new ScreeningIndexBuilder();
  for (const e of syntheticEntities(entities, SCALE, 7)) builder.add(e);
  const big = builder.build();
  const bigIndex = new ScreeningIndex(big);
  const bigBuild = performance.now() - t1;
  global.gc?.();
  const bigRss = process.memoryUsage().rss;
  const bigScreener = new Screener(bigIndex);
  const sample: Entity[] = [];
  let k = 0;
  for (const e of syntheticEntities(entities, 20_000, 7)) if (k++ % 2 === 0) sample.push(e);
  const bigQueries = makeQueries(sample, 20_000, 3);
  const bt = performance.now();
  for (const q of bigQueries) bigScreener.screen(q);
  const bigSingle = bigQueries.length / ((performance.now() - bt) / 1000);
  ctx.out();
  ctx.out(`Scale: ${SCALE.toLocaleString('en')} synthetic entities from real name parts (${big.vocab.length} distinct tokens)`);
  ctx.out('| measure | goal | Argus |');
  ctx.out('|---|---|---|');
  ctx.out(`| build | < 60 s | ${(bigBuild / 1000).toFixed(1)} s |`);
  ctx.out(`| memory (RSS) | < 2 GB | ${mb(bigRss)} MB (+${mb(bigRss - rss0)} MB for the index) |`);
  ctx.out(`| queries/s, 1 thread | ≥ 2,000 | ${Math.round(bigSingle)} |`);
  if (process.env.ARGUS_BENCH_SCALE_POOL !== '0') {
    const bigPooled = await poolThroughput(big, bigQueries, cores);
    ctx.out(`| queries/s, ${cores} workers | ≥ 2,000 | ${Math.round(bigPooled)} (RSS after ${mb(process.memoryUsage().rss)} MB) |`);
  }
}

const bench: Benchmark = { name: 'screening', run };
export default bench;
