import { readFileSync } from 'node:fs';
import type { Transaction } from '@argus/core';
import { DEFAULT_MONITORING_CONFIG, MonitorEngine } from '@argus/core/monitoring';
import { bytesSource } from '@argus/core/text';
import { parseTransactions } from '@argus/core/transactions';
const dir = '/work/shared/data/transactions/amlsim-20K_cycle200';
const files = ['transactions.csv', 'nodes.csv'].map((f) => bytesSource(`${dir}/${f}`, readFileSync(`${dir}/${f}`)));
const txs: Transaction[] = [];
for await (const ev of parseTransactions('amlsim', files, { stepSeconds: Number(process.argv[2] ?? 86400) })) if (ev.type === 'transaction') txs.push(ev.tx);
for (let k = 0; k < 3; k++) {
  const engine = new MonitorEngine(DEFAULT_MONITORING_CONFIG);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let n = 0;
  for (const tx of txs) n += engine.process(tx).length;
  n += engine.finish().length;
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  const cms = (cpu.user + cpu.system) / 1000;
  console.log(`run ${k}: wall ${ms.toFixed(0)} ms, cpu ${cms.toFixed(0)} ms → ${Math.round(txs.length / cms * 1000)} tx/s per core, ${n} alerts out`);
}
