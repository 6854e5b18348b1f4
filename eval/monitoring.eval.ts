/**
 * Transaction monitoring quality: the engine with its default configuration on AMLSim 20K_cycle200
 * (account-level precision / recall / F1 of flagged accounts against `isFraud`, overall and per alert type,
 * with the AMLSim step read as a day — the parser's default — and, for robustness, as an hour) and on the
 * PaySim sample (transaction-level precision / recall against `isFraud`), and on the synthetic laundering stream
 * (recall per injected pattern, both paces: AMLworld-like bursts and AMLSim-like spread patterns). Also the
 * engine's own throughput and per-transaction latency. Transactions are parsed (or generated) first, so the
 * timings are the engine's alone.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Alert, Transaction } from '@argus/core';
import {
  DEFAULT_MONITORING_CONFIG,
  LAUNDERING_PATTERN_TYPES,
  MonitorEngine,
  launderingStream,
  type PatternPace,
} from '@argus/core/monitoring';
import { bytesSource } from '@argus/core/text';
import { parseTransactions, type TransactionFormatId, type TransactionParseOptions } from '@argus/core/transactions';
import type { EvalContext, Evaluation } from './run.js';

async function load(format: TransactionFormatId, paths: readonly string[], options: TransactionParseOptions): Promise<Transaction[]> {
  const files = paths.map((p) => bytesSource(p, readFileSync(p)));
  const txs: Transaction[] = [];
  for await (const ev of parseTransactions(format, files, options)) if (ev.type === 'transaction') txs.push(ev.tx);
  return txs;
}

interface Run {
  readonly alerts: Map<string, Alert>;
  readonly ms: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  readonly engine: MonitorEngine;
}

function run(txs: readonly Transaction[]): Run {
  const engine = new MonitorEngine(DEFAULT_MONITORING_CONFIG);
  const alerts = new Map<string, Alert>();
  const lat = new Float64Array(txs.length);
  const t0 = performance.now();
  for (let i = 0; i < txs.length; i++) {
    const a = performance.now();
    for (const al of engine.process(txs[i] as Transaction)) alerts.set(al.id, al);
    lat[i] = performance.now() - a;
  }
  for (const al of engine.finish()) alerts.set(al.id, al);
  const ms = performance.now() - t0;
  lat.sort();
  const q = (p: number): number => lat[Math.min(lat.length - 1, Math.floor(p * lat.length))] ?? 0;
  return { alerts, ms, p50: q(0.5), p99: q(0.99), max: lat[lat.length - 1] ?? 0, engine };
}

const f3 = (x: number): string => (Number.isFinite(x) ? x.toFixed(3) : '–');
const prf = (tp: number, flagged: number, positives: number): [number, number, number] => {
  const p = flagged > 0 ? tp / flagged : 0;
  const r = positives > 0 ? tp / positives : 0;
  return [p, r, p + r > 0 ? (2 * p * r) / (p + r) : 0];
};

function csvRows(path: string): string[][] {
  return readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .map((l) => l.split(','));
}

async function amlsim(ctx: EvalContext, dir: string): Promise<void> {
  const nodes = csvRows(join(dir, 'nodes.csv'));
  const header = nodes[0] ?? [];
  const idCol = header.indexOf('nodeid');
  const fraudCol = header.indexOf('isFraud');
  const fraud = new Set(
    nodes
      .slice(1)
      .filter((r) => r[fraudCol] === '1')
      .map((r) => r[idCol] as string),
  );
  ctx.out(`AMLSim ${dir.split('/').pop()}: ${nodes.length - 1} accounts, ${fraud.size} isFraud`);
  for (const [label, stepSeconds] of [
    ['step = 1 day (parser default; epoch 2020-01-01)', 86_400],
    ['step = 1 hour', 3_600],
  ] as const) {
    const txs = await load('amlsim', [join(dir, 'transactions.csv'), join(dir, 'nodes.csv')], { stepSeconds });
    const r = run(txs);
    const flagged = new Set<string>();
    const byType = new Map<string, Set<string>>();
    const alertsByType = new Map<string, number>();
    for (const a of r.alerts.values()) {
      let s = byType.get(a.type);
      if (!s) byType.set(a.type, (s = new Set()));
      for (const acc of a.accounts) {
        flagged.add(acc);
        s.add(acc);
      }
      alertsByType.set(a.type, (alertsByType.get(a.type) ?? 0) + 1);
    }
    const tp = [...flagged].filter((a) => fraud.has(a)).length;
    const [p, rc, f1] = prf(tp, flagged.size, fraud.size);
    ctx.out('');
    ctx.out(`#### ${label}: ${txs.length} transactions, ${r.alerts.size} alerts`);
    ctx.out('');
    ctx.out('| alert type | alerts | accounts flagged | true positives | precision | recall | F1 |');
    ctx.out('|---|---|---|---|---|---|---|');
    for (const [type, s] of [...byType].sort((a, b) => b[1].size - a[1].size)) {
      const t = [...s].filter((a) => fraud.has(a)).length;
      const [tp2, tr, tf] = prf(t, s.size, fraud.size);
      ctx.out(`| ${type} | ${alertsByType.get(type)} | ${s.size} | ${t} | ${f3(tp2)} | ${f3(tr)} | ${f3(tf)} |`);
    }
    ctx.out(`| **all** | ${r.alerts.size} | ${flagged.size} | ${tp} | **${f3(p)}** | **${f3(rc)}** | **${f3(f1)}** |`);
    const st = r.engine.stats();
    ctx.out('');
    ctx.out(
      `engine: ${Math.round(txs.length / (r.ms / 1000)).toLocaleString('en-US')} tx/s (${r.ms.toFixed(0)} ms), latency p50 ${(r.p50 * 1000).toFixed(1)} µs, p99 ${(r.p99 * 1000).toFixed(1)} µs, max ${r.max.toFixed(2)} ms; ${st.accounts} accounts, ${st.edgesInWindow} edges in window`,
    );
  }
}

async function paysim(ctx: EvalContext, path: string): Promise<void> {
  const rows = csvRows(path);
  const header = rows[0] ?? [];
  const fraudCol = header.indexOf('isFraud');
  // The parser names rows `paysim-<n>`, n the 1-based data row.
  const fraud = new Set<string>();
  rows.slice(1).forEach((r, i) => {
    if (r[fraudCol] === '1') fraud.add(`paysim-${i + 1}`);
  });
  const txs = await load('paysim', [path], {});
  const r = run(txs);
  const flagged = new Set<string>();
  const byType = new Map<string, Set<string>>();
  for (const a of r.alerts.values()) {
    let s = byType.get(a.type);
    if (!s) byType.set(a.type, (s = new Set()));
    for (const t of a.transactions) {
      flagged.add(t);
      s.add(t);
    }
  }
  ctx.out('');
  ctx.out(`PaySim sample: ${txs.length} transactions, ${fraud.size} isFraud, ${r.alerts.size} alerts (step = 1 hour)`);
  ctx.out('');
  ctx.out('| alert type | transactions flagged | true positives | precision | recall | F1 |');
  ctx.out('|---|---|---|---|---|---|');
  for (const [type, s] of [...byType].sort((a, b) => b[1].size - a[1].size)) {
    const t = [...s].filter((x) => fraud.has(x)).length;
    const [p, rc, f] = prf(t, s.size, fraud.size);
    ctx.out(`| ${type} | ${s.size} | ${t} | ${f3(p)} | ${f3(rc)} | ${f3(f)} |`);
  }
  const tp = [...flagged].filter((x) => fraud.has(x)).length;
  const [p, rc, f] = prf(tp, flagged.size, fraud.size);
  ctx.out(`| **all** | ${flagged.size} | ${tp} | **${f3(p)}** | **${f3(rc)}** | **${f3(f)}** |`);
}

/**
 * The synthetic stream: a pattern instance counts as found when alerts name at least half its member accounts;
 * transaction recall is the share of its transfers inside some alert. Precision is over accounts: members of any
 * injected pattern against everything flagged (the background has shops with price lists and monthly payrolls).
 */
function synthetic(ctx: EvalContext, pace: PatternPace): void {
  const stream = launderingStream({ transactions: 200_000, accounts: 20_000, patternsEach: 25, seed: 11, pace, spanSeconds: 60 * 86_400 });
  const txs: Transaction[] = [];
  for (const { tx } of stream.transactions()) txs.push(tx);
  const r = run(txs);
  const flagged = new Set<string>();
  const flaggedTx = new Set<string>();
  for (const a of r.alerts.values()) {
    for (const acc of a.accounts) flagged.add(acc);
    for (const t of a.transactions) flaggedTx.add(t);
  }
  const members = new Set(stream.patterns.flatMap((p) => p.accounts));
  ctx.out('');
  ctx.out(
    `#### synthetic stream, ${pace} patterns: ${txs.length} transactions, ${stream.patterns.length} injected patterns, ${r.alerts.size} alerts`,
  );
  ctx.out('');
  ctx.out('| pattern | instances | found | instance recall | transaction recall |');
  ctx.out('|---|---|---|---|---|');
  let found = 0;
  for (const type of LAUNDERING_PATTERN_TYPES) {
    const ps = stream.patterns.filter((p) => p.type === type);
    const hit = ps.filter((p) => p.accounts.filter((a) => flagged.has(a)).length * 2 >= p.accounts.length).length;
    const txRecall =
      ps.reduce((sum, p) => sum + p.transactions.filter((t) => flaggedTx.has(t)).length / p.transactions.length, 0) /
      Math.max(1, ps.length);
    found += hit;
    ctx.out(`| ${type} | ${ps.length} | ${hit} | ${f3(hit / Math.max(1, ps.length))} | ${f3(txRecall)} |`);
  }
  const tp = [...flagged].filter((a) => members.has(a)).length;
  const [p, rc, f1] = prf(tp, flagged.size, members.size);
  ctx.out(`| **all** | ${stream.patterns.length} | ${found} | **${f3(found / stream.patterns.length)}** | |`);
  ctx.out('');
  ctx.out(
    `accounts: ${flagged.size} flagged, ${tp} of ${members.size} pattern members — precision ${f3(p)}, recall ${f3(rc)}, F1 ${f3(f1)}`,
  );
  ctx.out(
    `engine: ${Math.round(txs.length / (r.ms / 1000)).toLocaleString('en-US')} tx/s (${r.ms.toFixed(0)} ms), latency p50 ${(r.p50 * 1000).toFixed(1)} µs, p99 ${(r.p99 * 1000).toFixed(1)} µs`,
  );
}

const evaluation: Evaluation = {
  name: 'monitoring',
  async run(ctx: EvalContext) {
    await amlsim(ctx, join(ctx.dataDir, 'transactions', 'amlsim-20K_cycle200'));
    await paysim(ctx, join(ctx.dataDir, 'transactions', 'paysim-sample.csv'));
    for (const pace of ['burst', 'spread'] as const) synthetic(ctx, pace);
  },
};

export default evaluation;
