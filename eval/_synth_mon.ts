import type { Alert } from '@argus/core';
import { DEFAULT_MONITORING_CONFIG, MonitorEngine } from '@argus/core/monitoring';
import { syntheticTransactions } from '@argus/core/transactions';
const engine = new MonitorEngine(DEFAULT_MONITORING_CONFIG);
const alerts = new Map<string, Alert>();
const truth = new Map<string, string>();
const patternAccounts = new Map<string, Set<string>>();
let n = 0;
const c0 = process.cpuUsage();
for (const s of syntheticTransactions({ transactions: Number(process.argv[2] ?? 200_000), accounts: 50_000, patternsEach: 25, seed: 3 })) {
  n++;
  if (s.pattern) {
    truth.set(s.tx.id, s.pattern.type);
    let set = patternAccounts.get(s.pattern.id);
    if (!set) patternAccounts.set(s.pattern.id, (set = new Set()));
    set.add(s.tx.originator.account); set.add(s.tx.beneficiary.account);
  }
  for (const a of engine.process(s.tx)) alerts.set(a.id, a);
}
for (const a of engine.finish()) alerts.set(a.id, a);
const cpu = process.cpuUsage(c0);
console.log('tx', n, 'cpu ms', ((cpu.user + cpu.system) / 1000).toFixed(0));
const flaggedTx = new Set<string>();
const byType = new Map<string, { alerts: number; tx: number; tp: number }>();
for (const a of alerts.values()) {
  const v = byType.get(a.type) ?? { alerts: 0, tx: 0, tp: 0 };
  v.alerts++;
  for (const t of a.transactions) { flaggedTx.add(t); v.tx++; if (truth.has(t)) v.tp++; }
  byType.set(a.type, v);
}
for (const [k, v] of byType) console.log(k.padEnd(24), JSON.stringify(v));
const recallBy = new Map<string, [number, number]>();
for (const [t, type] of truth) { const r = recallBy.get(type) ?? [0, 0]; r[1]++; if (flaggedTx.has(t)) r[0]++; recallBy.set(type, r); }
for (const [k, [a, b]] of recallBy) console.log('recall', k.padEnd(16), (a / b).toFixed(2), `${a}/${b}`);
console.log(JSON.stringify(engine.stats().detections));
