import { readFileSync } from 'node:fs';
import type { Alert, Transaction } from '@argus/core';
import { DEFAULT_MONITORING_CONFIG, MonitorEngine, parseMonitoringConfig } from '@argus/core/monitoring';
import { bytesSource } from '@argus/core/text';
import { parseTransactions } from '@argus/core/transactions';
const dir = '/work/shared/data/transactions/amlsim-20K_cycle200';
const stepSeconds = Number(process.argv[2] ?? 86400);
const overrides = process.argv[3] ? JSON.parse(process.argv[3]) : {};
const files = ['transactions.csv', 'nodes.csv'].map((f) => bytesSource(`${dir}/${f}`, readFileSync(`${dir}/${f}`)));
const txs: Transaction[] = [];
for await (const ev of parseTransactions('amlsim', files, { stepSeconds })) if (ev.type === 'transaction') txs.push(ev.tx);
const fraud = new Set(readFileSync(`${dir}/nodes.csv`, 'utf8').split('\n').slice(1).filter((l) => l.split(',')[1] === '1').map((l) => l.split(',')[0]));
const cfg = parseMonitoringConfig({ version: 1, ...overrides });
if (!cfg.ok) throw cfg.error;
const engine = new MonitorEngine(cfg.value);
const alerts = new Map<string, Alert>();
const t0 = performance.now();
for (const tx of txs) for (const a of engine.process(tx)) alerts.set(a.id, a);
for (const a of engine.finish()) alerts.set(a.id, a);
console.log('ms', (performance.now() - t0).toFixed(0));
const key = (a: Alert) => `${a.type}/${(a.facts?.mode as string) ?? ''}`;
const by = new Map<string, { n: number; acc: Set<string> }>();
const all = new Set<string>();
for (const a of alerts.values()) {
  const k = key(a);
  let v = by.get(k);
  if (!v) by.set(k, (v = { n: 0, acc: new Set() }));
  v.n++;
  for (const x of a.accounts) { v.acc.add(x); all.add(x); }
}
for (const [k, v] of by) {
  const tp = [...v.acc].filter((x) => fraud.has(x)).length;
  console.log(k.padEnd(30), 'alerts', v.n, 'acc', v.acc.size, 'tp', tp, 'P', (tp / v.acc.size).toFixed(3));
}
const tp = [...all].filter((x) => fraud.has(x)).length;
const p = tp / all.size, r = tp / fraud.size;
console.log('ALL flagged', all.size, 'tp', tp, 'P', p.toFixed(3), 'R', r.toFixed(3), 'F1', (2 * p * r / (p + r)).toFixed(3));
if (process.env.SHOW) for (const a of alerts.values()) if (key(a) === process.env.SHOW && a.accounts.some((x) => !fraud.has(x))) console.log(a.explanation, a.accounts.map((x) => fraud.has(x) ? x : `!${x}`).join(' '));
console.log(JSON.stringify(engine.stats().detections));
