/**
 * The ingest use cases on every store: idempotency on transaction id, out-of-order arrival within the
 * configured lateness, located rejections while the stream goes on, and conversion through the rate table.
 */

import { describe, expect, it } from 'vitest';
import type { AgencyStore } from '@argus/app';
import {
  ingestTransactionBatch,
  ingestTransactions,
  listRejections,
  type MonitoringDeps,
  MonitoringSession,
  saveMonitoringConfig,
} from '@argus/app/monitoring';
import { bytesSource } from '@argus/core/text';
import { describeEachStore } from '../store/harness.js';

const HEADER = 'id,timestamp,amount,currency,originator_account,beneficiary_account,channel';
const csv = (...rows: string[]) => `${[HEADER, ...rows].join('\n')}\n`;
const clock = { now: () => new Date('2026-03-10T00:00:00Z') };

/** Rates to USD: 1 EUR = 2 USD (a round number, so converted amounts are easy to check); JPY deliberately absent. */
const SETTINGS = { version: 1, baseCurrency: 'USD', rates: { EUR: 2 }, window: { latenessMs: '2h' } };

/** A loop A → B → C → A of about the same amount, plus three cash deposits just under 10,000 into S. */
const PATTERNS = [
  'C1,2026-03-01T10:00:00Z,50000,USD,ACC-A,ACC-B,wire',
  'C2,2026-03-01T10:30:00Z,49900,USD,ACC-B,ACC-C,wire',
  'C3,2026-03-01T11:00:00Z,49800,USD,ACC-C,ACC-A,wire',
  'S1,2026-03-02T09:00:00Z,9500,USD,CASH-1,ACC-S,cash',
  'S2,2026-03-02T15:00:00Z,9700,USD,CASH-2,ACC-S,cash',
  'S3,2026-03-03T10:00:00Z,9400,USD,CASH-3,ACC-S,cash',
];

/**
 * The agency's store with one failing batch commit, after `succeed` that go through: a crash (or lost connection)
 * after a batch was evaluated and before it was committed. Methods stay bound to the real objects, whose state
 * lives in private fields.
 */
function failingCommits(store: AgencyStore, succeed = 0): AgencyStore {
  let commits = 0;
  const bound = <T extends object>(target: T, prop: string | symbol): unknown => {
    const v = Reflect.get(target, prop, target);
    return typeof v === 'function' ? v.bind(target) : v;
  };
  const monitoring = new Proxy(store.monitoring, {
    get(target, prop) {
      if (prop !== 'commitBatch') return bound(target, prop);
      return async (...args: Parameters<typeof target.commitBatch>) => {
        if (commits++ === succeed) throw new Error('connection lost before commit');
        return target.commitBatch(...args);
      };
    },
  });
  return new Proxy(store, { get: (target, prop) => (prop === 'monitoring' ? monitoring : bound(target, prop)) });
}

/** Alerts as comparable facts (ids and detection times aside). */
async function alertFacts(store: AgencyStore): Promise<string[]> {
  const alerts = await store.monitoring.listAlerts();
  return alerts.map((a) => `${a.type} [${[...a.accounts].sort().join(' ')}] {${[...a.transactions].sort().join(' ')}}`).sort();
}

describeEachStore('monitoring ingest', (fx) => {
  let n = 0;
  /** A fresh agency per test, configured with SETTINGS. */
  async function agency(): Promise<MonitoringDeps> {
    const store = fx.store().forAgency(`ingest-${fx.kind}-${++n}`);
    const deps: MonitoringDeps = { store, clock };
    await saveMonitoringConfig(deps, SETTINGS, { actor: 'test' });
    return deps;
  }
  const ingest = (deps: MonitoringDeps, name: string, text: string) => ingestTransactions(deps, { files: [bytesSource(name, text)] });

  it('converts amounts through the rate table and rejects bad records with their location while the rest goes on', async () => {
    const deps = await agency();
    const s = await ingest(
      deps,
      'feed.csv',
      csv(
        'R1,2026-03-01T10:00:00Z,600000,EUR,ACC-A,ACC-B,wire',
        'R2,2026-03-01T11:00:00Z,100,JPY,ACC-A,ACC-B,wire',
        'R3,2026-03-01T12:00:00Z,900000,USD,ACC-C,ACC-D,wire',
        'R4,yesterday,10,USD,ACC-E,ACC-F,wire',
        'R5,2026-03-01T13:00:00Z,10,USD,ACC-E,ACC-F,wire',
      ),
    );
    expect(s).toMatchObject({ format: 'argus', read: 5, new: 3, duplicates: 0, rejected: 2, configVersion: 1 });
    expect((await deps.store.monitoring.getTransaction('R1'))?.baseAmount).toBe(1_200_000);
    expect((await deps.store.monitoring.getTransaction('R5'))?.baseAmount).toBe(10);
    expect(await deps.store.monitoring.getTransaction('R2')).toBeUndefined();
    // 600,000 EUR is 1.2M USD, over the large-value threshold of 1M; 900,000 USD is not.
    const large = await deps.store.monitoring.listAlerts({ type: 'large_value' });
    expect(large.map((a) => a.transactions)).toEqual([['R1']]);

    const { items, total } = await listRejections(deps);
    expect(total).toBe(2);
    const byRecord = Object.fromEntries(items.map((r) => [r.record, r]));
    expect(byRecord.R2).toMatchObject({ file: 'feed.csv', line: 3, field: 'currency', format: 'argus' });
    expect(byRecord.R2?.reason).toMatch(/JPY/);
    expect(byRecord.R4).toMatchObject({ file: 'feed.csv', line: 5, field: 'timestamp' });
  });

  it('stores nothing new and raises no alert when a file is replayed', async () => {
    const deps = await agency();
    const first = await ingest(deps, 'patterns.csv', csv(...PATTERNS));
    expect(first).toMatchObject({ read: 6, new: 6, duplicates: 0 });
    expect(first.alertsNew).toBeGreaterThanOrEqual(2);
    const facts = await alertFacts(deps.store);
    expect(facts).toContain('cycle [ACC-A ACC-B ACC-C] {C1 C2 C3}');
    expect(facts.some((f) => f.startsWith('structuring [') && f.endsWith('{S1 S2 S3}'))).toBe(true);
    const stored = await deps.store.monitoring.listAlerts();

    const replay = await ingest(deps, 'patterns.csv', csv(...PATTERNS));
    expect(replay).toMatchObject({ read: 6, new: 0, duplicates: 6, alertsNew: 0, alertsUpdated: 0, warmedUp: 0 });
    expect(await deps.store.monitoring.countTransactions()).toBe(6);
    expect(await deps.store.monitoring.listAlerts()).toEqual(stored);
  });

  it('loses no alert when the process dies between evaluating a batch and committing it: the replay raises them', async () => {
    const whole = await agency();
    await ingest(whole, 'all.csv', csv(...PATTERNS));
    const deps = await agency();
    // Batches of three: the loop commits, then the commit of the cash deposits fails.
    const crashing: MonitoringDeps = { ...deps, store: failingCommits(deps.store, 1), batchSize: 3 };
    await expect(ingest(crashing, 'patterns.csv', csv(...PATTERNS))).rejects.toThrow(/connection lost/);
    expect(await deps.store.monitoring.existingTransactionIds(['C1', 'C2', 'C3', 'S1', 'S2', 'S3'])).toEqual(['C1', 'C2', 'C3']);
    expect((await alertFacts(deps.store)).some((f) => f.startsWith('structuring'))).toBe(false);

    // After the restart (a new session) the replayed file stores and evaluates the deposits that were lost.
    const replay = await ingest({ ...deps, batchSize: 3 }, 'patterns.csv', csv(...PATTERNS));
    expect(replay).toMatchObject({ read: 6, new: 3, duplicates: 3, warmedUp: 3 });
    expect(replay.alertsByType.structuring).toBe(1);
    expect(await alertFacts(deps.store)).toEqual(await alertFacts(whole.store));
  });

  it('evaluates a batch again when its commit failed in a live session, without counting it twice', async () => {
    const deps = await agency();
    const session = await MonitoringSession.open({ ...deps, store: failingCommits(deps.store) });
    const tx = (id: string, time: string, amount: number, from: string) => ({
      id,
      time,
      amount,
      currency: 'USD',
      channel: 'cash',
      originator: { account: from },
      beneficiary: { account: 'ACC-S' },
    });
    const batch = [
      tx('B1', '2026-03-02T09:00:00Z', 9500, 'CASH-1'),
      tx('B2', '2026-03-02T15:00:00Z', 9700, 'CASH-2'),
      tx('B3', '2026-03-03T10:00:00Z', 9400, 'CASH-3'),
    ];
    await expect(ingestTransactionBatch(deps, batch, { session })).rejects.toThrow(/connection lost/);
    expect(await deps.store.monitoring.countTransactions()).toBe(0);
    expect(await deps.store.monitoring.countAlerts()).toBe(0);

    const retry = await ingestTransactionBatch(deps, batch, { session });
    expect(retry).toMatchObject({ read: 3, new: 3, duplicates: 0, alertsNew: 1 });
    const structuring = await deps.store.monitoring.listAlerts({ type: 'structuring' });
    // The engine that saw the failed batch was replaced: the alert cites each deposit once.
    expect(structuring.map((a) => [...a.transactions].sort())).toEqual([['B1', 'B2', 'B3']]);
    expect(structuring[0]?.facts).toEqual(
      (await ingestTransactionBatch(await agency(), batch)).alerts.find((a) => a.type === 'structuring')?.facts,
    );
  });

  it('finds the same alerts when a feed arrives in overlapping parts as when it arrives whole', async () => {
    const whole = await agency();
    await ingest(whole, 'all.csv', csv(...PATTERNS));
    const parts = await agency();
    await ingest(parts, 'part-1.csv', csv(...PATTERNS.slice(0, 2), ...PATTERNS.slice(3, 5)));
    // The second part repeats two records of the first: they are skipped, the window is warmed with the stored ones.
    const second = await ingest(
      parts,
      'part-2.csv',
      csv(PATTERNS[1] as string, ...PATTERNS.slice(2, 3), PATTERNS[4] as string, ...PATTERNS.slice(5)),
    );
    expect(second).toMatchObject({ read: 4, new: 2, duplicates: 2, warmedUp: 4 });
    expect(await alertFacts(parts.store)).toEqual(await alertFacts(whole.store));
  });

  it('evaluates transactions that arrive out of order within the lateness window, and counts those beyond it', async () => {
    const deps = await agency();
    // The loop's closing and middle legs first, its opening leg 90 minutes behind the newest event (lateness 2 h).
    const first = await ingest(deps, 'late-1.csv', csv(PATTERNS[2] as string, PATTERNS[1] as string));
    expect(first).toMatchObject({ new: 2, late: 0 });
    expect(await deps.store.monitoring.listAlerts({ type: 'cycle' })).toEqual([]);
    const second = await ingest(deps, 'late-2.csv', csv(PATTERNS[0] as string));
    expect(second).toMatchObject({ new: 1, late: 0, warmedUp: 2 });
    expect((await alertFacts(deps.store)).filter((f) => f.startsWith('cycle'))).toEqual(['cycle [ACC-A ACC-B ACC-C] {C1 C2 C3}']);

    // A day behind the newest event: past the 2 h allowed, stored and counted as late.
    const third = await ingest(deps, 'late-3.csv', csv('L1,2026-02-28T11:00:00Z,10,USD,ACC-X,ACC-Y,wire'));
    expect(third).toMatchObject({ new: 1, late: 1 });
    expect(await deps.store.monitoring.getTransaction('L1')).toBeDefined();
  });

  it('ingests JSON batches through the library API: each bad record answered by index and stored as a rejection', async () => {
    const deps = await agency();
    const tx = (id: string, amount: unknown, currency = 'USD') => ({
      id,
      time: '2026-03-04T10:00:00Z',
      amount,
      currency,
      originator: { account: 'ACC-J' },
      beneficiary: { account: 'ACC-K' },
    });
    const r = await ingestTransactionBatch(deps, [tx('J1', 600_000, 'EUR'), tx('J2', 'ten'), tx('J3', 5, 'JPY'), tx('J4', 20)], {
      source: 'core-banking',
    });
    expect(r).toMatchObject({ read: 4, new: 2, rejected: 2 });
    expect(r.rejections).toEqual([
      { index: 1, id: 'J2', field: 'amount', reason: expect.any(String) },
      { index: 2, id: 'J3', field: 'currency', reason: expect.stringMatching(/JPY/) },
    ]);
    expect(r.alerts.map((a) => a.type)).toContain('large_value');
    expect((await deps.store.monitoring.getTransaction('J1'))?.baseAmount).toBe(1_200_000);
    const rejected = await listRejections(deps, { file: 'core-banking' });
    expect(rejected.items.map((x) => [x.line, x.field, x.record]).sort()).toEqual([
      [2, 'amount', 'J2'],
      [3, 'currency', 'J3'],
    ]);

    const again = await ingestTransactionBatch(deps, [tx('J1', 600_000, 'EUR'), tx('J4', 20)]);
    expect(again).toMatchObject({ read: 2, new: 0, duplicates: 2, alertsNew: 0, alertsUpdated: 0, alerts: [] });
  });
});

describe('monitoring ingest input', () => {
  it('refuses an ingest without files, and input no parser recognises, naming the file', async () => {
    const deps = { store: {} as AgencyStore, clock };
    await expect(ingestTransactions(deps, { files: [] })).rejects.toMatchObject({ code: 'INPUT_INVALID' });
    await expect(ingestTransactions(deps, { files: [bytesSource('notes.txt', 'hello\nworld\n')] })).rejects.toMatchObject({
      code: 'TRANSACTION_PARSE_FAILED',
      message: expect.stringMatching(/notes\.txt/),
    });
  });
});
