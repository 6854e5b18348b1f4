/**
 * Transaction monitoring, end to end on the embedded SQLite store: synthetic traffic with the eight
 * AMLworld/AMLSim laundering patterns injected, written as an Argus CSV and ingested the way
 * `argus monitor ingest` does it (parse → rates → idempotency → rules and typologies → batched persistence).
 * Figures: throughput with baselines from the same run (parse only; parse + store without the engine; the engine
 * without the store),
 * recall of the injected patterns at that speed, per-transaction decision latency in streaming mode, and
 * memory with millions of transactions inside the window. Each measurement runs in its own process.
 *
 * Sizes: ARGUS_BENCH_TX (default 1,000,000), ARGUS_BENCH_STREAM_TX (default 100,000),
 * ARGUS_BENCH_WINDOW_TX (default 10,000,000; 0 skips the memory run).
 */

import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchContext, Benchmark } from './run.js';

type Task =
  | { kind: 'parse'; file: string }
  | { kind: 'store'; file: string }
  | { kind: 'engine'; file: string }
  | { kind: 'e2e'; file: string; labels: string }
  | { kind: 'stream'; file: string; count: number }
  | { kind: 'window'; count: number };

interface Result {
  readonly ms: number;
  readonly cpuMs: number;
  readonly maxRssMb: number;
  readonly transactions: number;
  readonly extra?: Record<string, unknown>;
}

interface Labels {
  readonly patterns: { id: string; type: string; pace: string; txs: string[]; accounts: string[] }[];
}

const CSV_HEADER =
  'id,timestamp,amount,currency,originator_account,originator_name,originator_country,originator_institution,beneficiary_account,beneficiary_name,beneficiary_country,beneficiary_institution,channel,purpose\n';

function inChild(task: Task): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--max-old-space-size=16384', '--import', 'tsx', import.meta.filename, 'monitoring-bench-worker', JSON.stringify(task)],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout.on('data', (d) => {
      out += String(d);
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`bench worker (${task.kind}) exited with ${code}`));
      resolve(JSON.parse(out.trim().split('\n').pop() ?? '{}') as Result);
    });
  });
}

/**
 * Writes the synthetic laundering stream (core's generator: background traffic with the eight patterns injected,
 * half at AMLworld's burst pace, half at AMLSim's spread pace) as an Argus CSV, and its ground truth as JSON.
 */
async function generate(dir: string, transactions: number): Promise<{ file: string; labels: string; rows: number; patterns: number }> {
  const { launderingStream } = await import('@argus/core/monitoring');
  const stream = launderingStream({
    transactions,
    accounts: Math.max(1000, Math.round(transactions / 10)),
    patternsEach: Math.max(10, Math.min(250, Math.round(transactions / 4000))),
    seed: 20260212,
    pace: 'mixed',
  });
  const file = join(dir, 'synthetic.csv');
  const out = createWriteStream(file);
  out.write(CSV_HEADER);
  let buf = '';
  let rows = 0;
  for (const { tx } of stream.transactions()) {
    buf += `${tx.id},${tx.time},${tx.amount},${tx.currency},${tx.originator.account},,${tx.originator.country ?? ''},,${tx.beneficiary.account},,${tx.beneficiary.country ?? ''},,${tx.channel ?? ''},\n`;
    if (++rows % 20_000 === 0) {
      if (!out.write(buf)) await new Promise<void>((r) => out.once('drain', () => r()));
      buf = '';
    }
  }
  out.write(buf);
  await new Promise<void>((r) => out.end(r));
  const labels = join(dir, 'labels.json');
  const patterns = stream.patterns.map((p) => ({
    id: p.id,
    type: p.type,
    pace: p.pace,
    txs: [...p.transactions],
    accounts: [...p.accounts],
  }));
  writeFileSync(labels, JSON.stringify({ patterns } satisfies Labels));
  return { file, labels, rows, patterns: patterns.length };
}

function source(path: string) {
  return import('@argus/fetch').then(({ fileSource }) => fileSource(path, statSync(path).size, 'synthetic.csv'));
}

async function freshStore(dir: string) {
  const { SqliteStore } = await import('@argus/store-sqlite');
  const store = SqliteStore.open({ file: join(dir, 'bench.db') });
  await store.migrate();
  return store;
}

const percentile = (sorted: Float64Array, p: number): number => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

async function worker(task: Task): Promise<Result> {
  const { parseTransactions } = await import('@argus/core/transactions');
  const dir = mkdtempSync(join(tmpdir(), 'argus-bench-mon-'));
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const done = (transactions: number, extra?: Record<string, unknown>): Result => {
    const cpu = process.cpuUsage(c0);
    return {
      ms: performance.now() - t0,
      cpuMs: (cpu.user + cpu.system) / 1000,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
      transactions,
      ...(extra ? { extra } : {}),
    };
  };
  try {
    if (task.kind === 'parse') {
      let n = 0;
      for await (const ev of parseTransactions('argus', [await source(task.file)], { rates: { base: 'USD', rates: {} } }))
        if (ev.type === 'transaction') n++;
      return done(n);
    }
    if (task.kind === 'store') {
      const store = await freshStore(dir);
      const repo = store.forAgency('bench').monitoring;
      let n = 0;
      let batch: import('@argus/core').Transaction[] = [];
      for await (const ev of parseTransactions('argus', [await source(task.file)], { rates: { base: 'USD', rates: {} } })) {
        if (ev.type !== 'transaction') continue;
        batch.push(ev.tx);
        // The batch size the ingest use case writes with, so the baseline differs only by the engine.
        if (batch.length === 10_000) {
          n += (await repo.insertTransactions(batch)).length;
          batch = [];
        }
      }
      n += (await repo.insertTransactions(batch)).length;
      await store.close();
      return done(n);
    }
    if (task.kind === 'engine') {
      // The engine alone on the parsed stream: what end to end adds over it is idempotency and persistence.
      const { MonitorEngine, DEFAULT_MONITORING_CONFIG } = await import('@argus/core/monitoring');
      const engine = new MonitorEngine(DEFAULT_MONITORING_CONFIG);
      let n = 0;
      let alerts = 0;
      for await (const ev of parseTransactions('argus', [await source(task.file)], { rates: { base: 'USD', rates: {} } })) {
        if (ev.type !== 'transaction') continue;
        alerts += engine.process(ev.tx).length;
        n++;
      }
      alerts += engine.finish().length;
      return done(n, { alerts });
    }
    if (task.kind === 'e2e') {
      const { ingestTransactions } = await import('@argus/app/monitoring');
      const store = await freshStore(dir);
      const agency = store.forAgency('bench');
      const summary = await ingestTransactions(
        { store: agency, clock: { now: () => new Date() } },
        { format: 'argus', files: [await source(task.file)] },
      );
      const ms = performance.now() - t0;
      // Recall: an injected pattern is found when an alert cites one of its transactions.
      const labels = JSON.parse(readFileSync(task.labels, 'utf8')) as Labels;
      const alerts = await agency.monitoring.listAlerts();
      const txAlerts = new Map<string, Set<string>>();
      for (const a of alerts) for (const t of a.transactions) (txAlerts.get(t) ?? txAlerts.set(t, new Set()).get(t))?.add(a.type);
      const perType: Record<string, { injected: number; found: number; byAlertType: Record<string, number> }> = {};
      const patternTxs = new Set<string>();
      for (const p of labels.patterns) {
        for (const t of p.txs) patternTxs.add(t);
        const row = (perType[`${p.type} (${p.pace})`] ??= { injected: 0, found: 0, byAlertType: {} });
        row.injected++;
        const types = new Set<string>();
        for (const t of p.txs) for (const ty of txAlerts.get(t) ?? []) types.add(ty);
        if (types.size > 0) row.found++;
        for (const ty of types) row.byAlertType[ty] = (row.byAlertType[ty] ?? 0) + 1;
      }
      // Of all alerts, those citing an injected transaction (the rest fire on background traffic).
      const onPatterns = alerts.filter((a) => a.transactions.some((t) => patternTxs.has(t))).length;
      const replayT = performance.now();
      const replay = await ingestTransactions(
        { store: agency, clock: { now: () => new Date() } },
        { format: 'argus', files: [await source(task.file)] },
      );
      const replayMs = performance.now() - replayT;
      await store.close();
      return {
        ...done(summary.new),
        ms,
        extra: {
          alerts: alerts.length,
          alertsOnPatterns: onPatterns,
          alertsByType: summary.alertsByType,
          perType,
          replay: {
            ms: replayMs,
            new: replay.new,
            duplicates: replay.duplicates,
            alertsNew: replay.alertsNew,
            alertsUpdated: replay.alertsUpdated,
          },
        },
      };
    }
    if (task.kind === 'stream') {
      // Streaming: one transaction at a time through the library path (validate, rate, store, evaluate, persist alerts).
      const { MonitoringSession } = await import('@argus/app/monitoring');
      const store = await freshStore(dir);
      const session = await MonitoringSession.open({ store: store.forAgency('bench'), clock: { now: () => new Date() } });
      const engineOnly = new (await import('@argus/core/monitoring')).MonitorEngine(
        (await import('@argus/core/monitoring')).DEFAULT_MONITORING_CONFIG,
      );
      const full = new Float64Array(task.count);
      const engine = new Float64Array(task.count);
      let n = 0;
      for await (const ev of parseTransactions('argus', [await source(task.file)], { rates: { base: 'USD', rates: {} } })) {
        if (ev.type !== 'transaction') continue;
        const a = performance.now();
        engineOnly.process(ev.tx);
        const b = performance.now();
        await session.ingestBatch([ev.tx]);
        const c = performance.now();
        engine[n] = b - a;
        full[n] = c - b;
        if (++n >= task.count) break;
      }
      await store.close();
      const f = full.subarray(0, n).sort();
      const e = engine.subarray(0, n).sort();
      return done(n, {
        full: { p50: percentile(f, 0.5), p99: percentile(f, 0.99), p999: percentile(f, 0.999), max: f[f.length - 1] },
        engine: { p50: percentile(e, 0.5), p99: percentile(e, 0.99), p999: percentile(e, 0.999), max: e[e.length - 1] },
      });
    }
    // window: the engine alone, fed until `count` transactions sit inside its window, then measured.
    const { MonitorEngine, DEFAULT_MONITORING_CONFIG, launderingStream } = await import('@argus/core/monitoring');
    const engine = new MonitorEngine(DEFAULT_MONITORING_CONFIG);
    const base = process.memoryUsage();
    let n = 0;
    let alerts = 0;
    // 90 days of traffic: inside the default 180-day window, so every transaction fed stays in memory.
    const stream = launderingStream({
      transactions: task.count,
      accounts: Math.round(task.count / 10),
      patternsEach: 250,
      seed: 7,
      spanSeconds: 90 * 86_400,
    });
    for (const { tx } of stream.transactions()) {
      alerts += engine.process(tx).length;
      n++;
    }
    const stats = engine.stats();
    (globalThis as { gc?: () => void }).gc?.();
    const mem = process.memoryUsage();
    return done(n, {
      edgesInWindow: stats.edgesInWindow,
      accounts: stats.accounts,
      alerts,
      heapUsedMb: (mem.heapUsed - base.heapUsed) / 1024 / 1024,
      rssMb: mem.rss / 1024 / 1024,
      bytesPerTx: (mem.rss - base.rss) / Math.max(1, stats.edgesInWindow),
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const fmt = (x: number, d = 0) => x.toLocaleString('en', { maximumFractionDigits: d, minimumFractionDigits: d });
const envInt = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v >= 0 ? Math.floor(v) : fallback;
};

const bench: Benchmark = {
  name: 'monitoring',
  async run(ctx: BenchContext) {
    const total = envInt('ARGUS_BENCH_TX', 1_000_000);
    const streamN = envInt('ARGUS_BENCH_STREAM_TX', 100_000);
    const windowN = envInt('ARGUS_BENCH_WINDOW_TX', 10_000_000);
    const dir = mkdtempSync(join(tmpdir(), 'argus-bench-mon-data-'));
    try {
      const g = await generate(dir, total);
      const mb = statSync(g.file).size / 1024 / 1024;
      ctx.out(`synthetic Argus CSV: ${fmt(g.rows)} transactions (${fmt(mb, 1)} MB), ${fmt(g.patterns)} injected patterns (8 kinds)`);
      // Wall-clock rates and tail latencies depend on whether other work shares the CPUs: say so with the figures.
      ctx.out(`load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores at the start`);
      ctx.out();
      const parse = await inChild({ kind: 'parse', file: g.file });
      const store = await inChild({ kind: 'store', file: g.file });
      const engine = await inChild({ kind: 'engine', file: g.file });
      const e2e = await inChild({ kind: 'e2e', file: g.file, labels: g.labels });
      const rate = (r: Result) => r.transactions / (r.ms / 1000);
      ctx.out('| run | transactions | wall (s) | tx/s (wall) | tx per CPU-second | peak RSS (MB) |');
      ctx.out('|---|---:|---:|---:|---:|---:|');
      for (const [name, r] of [
        ['baseline: parse only', parse],
        ['baseline: parse + store (no engine)', store],
        ['baseline: parse + rules + typologies (engine alone, no store)', engine],
        ['end to end: parse + rules + typologies + alerts, SQLite', e2e],
      ] as const) {
        ctx.out(
          `| ${name} | ${fmt(r.transactions)} | ${fmt(r.ms / 1000, 1)} | ${fmt(rate(r))} | ${fmt(r.transactions / (r.cpuMs / 1000))} | ${fmt(r.maxRssMb)} |`,
        );
      }
      ctx.out();
      ctx.out(
        `end to end: ${fmt(rate(e2e))} tx/s (goal ≥ 50,000: ${rate(e2e) >= 50_000 ? 'met' : 'NOT met'}); ` +
          `baselines run at ${fmt(rate(parse) / rate(e2e), 1)}× (parse only), ${fmt(rate(store) / rate(e2e), 1)}× (parse + store) and ` +
          `${fmt(rate(engine) / rate(e2e), 1)}× (engine alone) the end-to-end rate. ` +
          `Per CPU-second: ${fmt(e2e.transactions / (e2e.cpuMs / 1000))} tx end to end, ${fmt(engine.transactions / (engine.cpuMs / 1000))} engine alone ` +
          `(wall figures include waiting for a shared CPU)`,
      );
      const x = e2e.extra as {
        alerts: number;
        alertsOnPatterns: number;
        alertsByType: Record<string, number>;
        perType: Record<string, { injected: number; found: number; byAlertType: Record<string, number> }>;
        replay: { ms: number; new: number; duplicates: number; alertsNew: number; alertsUpdated: number };
      };
      ctx.out(
        `alerts: ${fmt(x.alerts)} (${fmt(x.alertsOnPatterns)} cite an injected transaction) — ${Object.entries(x.alertsByType)
          .sort((a, b) => b[1] - a[1])
          .map(([t, k]) => `${t} ${fmt(k)}`)
          .join(', ')}`,
      );
      ctx.out(
        `replay of the same file: ${fmt(x.replay.new)} new, ${fmt(x.replay.duplicates)} duplicates, ${fmt(x.replay.alertsNew)} new alerts, ${fmt(x.replay.alertsUpdated)} updated, in ${fmt(x.replay.ms / 1000, 1)} s`,
      );
      ctx.out();
      ctx.out(
        '| injected pattern (pace) | instances | found (an alert cites one of its transactions) | recall | alert types that found it |',
      );
      ctx.out('|---|---:|---:|---:|---|');
      let inj = 0;
      let found = 0;
      for (const [type, r] of Object.entries(x.perType).sort((a, b) => a[0].localeCompare(b[0]))) {
        inj += r.injected;
        found += r.found;
        const by = Object.entries(r.byAlertType)
          .sort((a, b) => b[1] - a[1])
          .map(([t, k]) => `${t} ${k}`)
          .join(', ');
        ctx.out(`| ${type} | ${r.injected} | ${r.found} | ${fmt((100 * r.found) / r.injected, 1)} % | ${by} |`);
      }
      ctx.out(`| all | ${inj} | ${found} | ${fmt((100 * found) / Math.max(1, inj), 1)} % | |`);

      if (streamN > 0) {
        const s = await inChild({ kind: 'stream', file: g.file, count: streamN });
        const sx = s.extra as { full: Record<string, number>; engine: Record<string, number> };
        ctx.out();
        ctx.out(`streaming, one transaction at a time (${fmt(s.transactions)} transactions):`);
        ctx.out('| path | p50 (ms) | p99 (ms) | p99.9 (ms) | max (ms) |');
        ctx.out('|---|---:|---:|---:|---:|');
        ctx.out(
          `| engine decision (rules + typologies) | ${fmt(sx.engine.p50 ?? 0, 3)} | ${fmt(sx.engine.p99 ?? 0, 3)} | ${fmt(sx.engine.p999 ?? 0, 3)} | ${fmt(sx.engine.max ?? 0, 1)} |`,
        );
        ctx.out(
          `| validate + store + decide + persist alerts (SQLite) | ${fmt(sx.full.p50 ?? 0, 3)} | ${fmt(sx.full.p99 ?? 0, 3)} | ${fmt(sx.full.p999 ?? 0, 3)} | ${fmt(sx.full.max ?? 0, 1)} |`,
        );
        ctx.out(
          `p99 decision latency ${fmt(sx.full.p99 ?? 0, 2)} ms end to end (goal < 5 ms: ${(sx.full.p99 ?? 99) < 5 ? 'met' : 'NOT met'})`,
        );
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    if (windowN > 0) {
      const w = await inChild({ kind: 'window', count: windowN });
      const wx = w.extra as {
        edgesInWindow: number;
        accounts: number;
        alerts: number;
        heapUsedMb: number;
        rssMb: number;
        bytesPerTx: number;
      };
      ctx.out();
      ctx.out(
        `window memory: ${fmt(wx.edgesInWindow)} transactions inside the engine's window (${fmt(wx.accounts)} accounts): ` +
          `RSS ${fmt(wx.rssMb)} MB, heap ${fmt(wx.heapUsedMb)} MB, ≈ ${fmt(wx.bytesPerTx)} bytes per transaction; ` +
          `fed at ${fmt(w.transactions / (w.ms / 1000))} tx/s through the engine alone (${fmt(wx.alerts)} alert updates)`,
      );
    }
  },
};

export default bench;

if (process.argv[2] === 'monitoring-bench-worker') {
  const result = await worker(JSON.parse(process.argv[3] ?? '{}') as Task);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
