import { describe, expect, it } from 'vitest';
import type { Party } from '../model/transaction.js';
import { DAY, HOUR, MIN, config, ofType, runAll, tx } from './fixtures.test-helpers.js';
import { MonitorEngine } from './monitor-engine.js';

describe('large-value and cash thresholds', () => {
  it('flag a transfer at or above the threshold, with both parties, and nothing below', () => {
    const alerts = runAll([tx('A', 'B', 1_500_000, 0, { id: 'big' }), tx('C', 'D', 999_999.99, HOUR)]);
    const big = ofType(alerts, 'large_value');
    expect(big).toHaveLength(1);
    expect(big[0]).toMatchObject({ kind: 'rule', accounts: ['A', 'B'], transactions: ['big'], severity: 'medium' });
    expect(big[0]?.explanation).toBe('A paid 1.5M USD to B, at or above the large-value threshold of 1M USD');
  });

  it('cash threshold needs the cash channel', () => {
    const alerts = runAll([
      tx('A', 'TELLER', 12_000, 0, { channel: 'cash', id: 'cash' }),
      tx('A', 'B', 12_000, HOUR),
      tx('C', 'TELLER', 9_999, 2 * HOUR, { channel: 'cash' }),
    ]);
    expect(ofType(alerts, 'cash_threshold').map((a) => a.transactions)).toEqual([['cash']]);
  });
});

describe('structuring', () => {
  it('fires on several transactions just under the threshold from one originator within the window', () => {
    const alerts = runAll([tx('S', 'B1', 9_500, 0), tx('S', 'B2', 9_800, DAY), tx('S', 'B3', 9_200, 2 * DAY)]);
    const s = ofType(alerts, 'structuring');
    expect(s).toHaveLength(1);
    expect(s[0]?.accounts).toEqual(['S', 'B3', 'B2', 'B1']);
    expect(s[0]?.explanation).toMatch(
      /^S sent 3 transactions just under the 10K USD reporting threshold within 48 h \(28.5K USD in all, to B3, B2 and B1\)$/,
    );
  });

  it('fires per beneficiary too', () => {
    const alerts = runAll([tx('P1', 'R', 9_100, 0), tx('P2', 'R', 9_900, HOUR), tx('P3', 'R', 9_400, 2 * HOUR)]);
    expect(ofType(alerts, 'structuring')[0]?.facts).toMatchObject({ side: 'beneficiary', count: 3, total: 28_400 });
  });

  it('stays quiet on near misses: two only, amounts well under, or spread beyond the window', () => {
    expect(ofType(runAll([tx('S', 'B', 9_500, 0), tx('S', 'B', 9_600, HOUR)]), 'structuring')).toEqual([]);
    expect(ofType(runAll([tx('S', 'B', 7_000, 0), tx('S', 'B', 7_500, HOUR), tx('S', 'B', 8_900, 2 * HOUR)]), 'structuring')).toEqual([]);
    expect(ofType(runAll([tx('S', 'B', 9_500, 0), tx('S', 'B', 9_600, 8 * DAY), tx('S', 'B', 9_700, 16 * DAY)]), 'structuring')).toEqual(
      [],
    );
  });
});

describe('split transfers', () => {
  it('fires on identical transfers to one beneficiary within the hour', () => {
    const txs = [0, 1, 2, 3].map((i) => tx('A', 'B', 12.89, i * 5 * MIN, { id: `s${i}` }));
    const s = ofType(runAll(txs), 'split_transfers');
    expect(s).toHaveLength(1);
    expect([...(s[0]?.transactions ?? [])].sort()).toEqual(['s0', 's1', 's2', 's3']);
    expect(s[0]?.explanation).toMatch(/^A sent 4 identical transfers of 12.89 USD to B within 15 min \(51.56 USD in all\)/);
  });

  it('stays quiet on two copies, different amounts, or copies hours apart', () => {
    expect(ofType(runAll([tx('A', 'B', 12.89, 0), tx('A', 'B', 12.89, MIN)]), 'split_transfers')).toEqual([]);
    expect(ofType(runAll([12.89, 12.9, 12.91].map((a, i) => tx('A', 'B', a, i * MIN))), 'split_transfers')).toEqual([]);
    expect(ofType(runAll([0, 1, 2].map((i) => tx('A', 'B', 12.89, i * 2 * HOUR))), 'split_transfers')).toEqual([]);
  });
});

describe('round amounts', () => {
  it('fires on repeated round payments and not on amounts with cents', () => {
    expect(
      ofType(runAll([tx('A', 'B', 5_000, 0), tx('A', 'C', 10_000, DAY), tx('A', 'D', 20_000, 2 * DAY)]), 'round_amounts'),
    ).toHaveLength(1);
    expect(
      ofType(runAll([tx('A', 'B', 5_000.5, 0), tx('A', 'C', 10_000.25, DAY), tx('A', 'D', 20_001, 2 * DAY)]), 'round_amounts'),
    ).toEqual([]);
  });
});

describe('high-risk corridors', () => {
  it('rates call-for-action above increased-monitoring and ignores other countries', () => {
    const alerts = runAll([
      tx('A', 'B', 500, 0, { fromCountry: 'PK', toCountry: 'KP' }),
      tx('C', 'D', 500, HOUR, { fromCountry: 'ke', toCountry: 'PK' }),
      tx('E', 'F', 500, 2 * HOUR, { fromCountry: 'PK', toCountry: 'FR' }),
    ]);
    const c = ofType(alerts, 'high_risk_corridor');
    expect(c.map((a) => [a.accounts, a.severity])).toEqual([
      [['A', 'B'], 'high'],
      [['C', 'D'], 'medium'],
    ]);
    expect(c[0]?.explanation).toContain('KP is a high-risk jurisdiction subject to a FATF call for action (lists of 2025-10-24)');
  });

  it('takes agency additions', () => {
    const alerts = runAll([tx('A', 'B', 500, 0, { toCountry: 'AF' })], config({ rules: { highRiskCorridor: { additional: ['AF'] } } }));
    expect(ofType(alerts, 'high_risk_corridor')).toHaveLength(1);
  });
});

describe('dormant account', () => {
  it('fires when an account silent for the dormancy period moves money, not after a shorter pause', () => {
    const alerts = runAll([tx('A', 'B', 100, 0), tx('A', 'C', 20_000, 200 * DAY), tx('D', 'E', 100, 0), tx('D', 'E', 20_000, 100 * DAY)]);
    const d = ofType(alerts, 'dormant_account');
    expect(d).toHaveLength(1);
    expect(d[0]?.explanation).toBe('A was inactive for 200 d and then paid 20K USD (to C)');
  });
});

describe('velocity', () => {
  const steady = (days: number) =>
    Array.from({ length: days * 2 }, (_, i) => tx('A', `P${i % 5}`, 900 + (i % 7) * 10, Math.floor(i / 2) * DAY + (i % 2) * 6 * HOUR));

  it('fires when a day far exceeds the account’s own baseline', () => {
    const burst = Array.from({ length: 40 }, (_, i) => tx('A', `Q${i}`, 1_000, 30 * DAY + i * 10 * MIN));
    const v = ofType(runAll([...steady(30), ...burst]), 'velocity');
    expect(v).toHaveLength(1);
    expect(v[0]?.accounts).toEqual(['A']);
    expect(v[0]?.explanation).toMatch(/^A made 20 transactions worth 20K USD within 24 h, against its usual 2\.0/);
  });

  it('stays quiet on a steady account and on an account without history', () => {
    expect(ofType(runAll(steady(40)), 'velocity')).toEqual([]);
    const fresh = Array.from({ length: 40 }, (_, i) => tx('N', `Q${i}`, 1_000, i * 10 * MIN));
    expect(ofType(runAll(fresh), 'velocity')).toEqual([]);
  });
});

describe('rapid pass-through', () => {
  it('fires when most of an inflow leaves within hours', () => {
    const alerts = runAll([tx('X1', 'M', 30_000, 0), tx('X2', 'M', 20_000, HOUR), tx('M', 'Y', 48_000, 3 * HOUR)]);
    const p = ofType(alerts, 'pass_through');
    expect(p).toHaveLength(1);
    expect(p[0]?.explanation).toBe('2 senders paid 50K USD into M; 96 % left within 3 h to 1 account (Y)');
    expect(p[0]?.accounts).toEqual(['M', 'X2', 'X1', 'Y']);
  });

  it('stays quiet when little leaves, when it leaves days later, or when more leaves than came in', () => {
    expect(ofType(runAll([tx('X', 'M', 50_000, 0), tx('M', 'Y', 20_000, HOUR)]), 'pass_through')).toEqual([]);
    expect(ofType(runAll([tx('X', 'M', 50_000, 0), tx('M', 'Y', 49_000, 2 * DAY)]), 'pass_through')).toEqual([]);
    expect(ofType(runAll([tx('X', 'M', 50_000, 0), tx('M', 'Y', 90_000, HOUR)]), 'pass_through')).toEqual([]);
  });

  it('handles the inflow arriving after the outflow it funded', () => {
    const alerts = runAll([tx('M', 'Y', 48_000, 3 * HOUR), tx('X', 'M', 50_000, 0)]);
    expect(ofType(alerts, 'pass_through')).toHaveLength(1);
  });

  it('links a transfer in and a cash-out of exactly the same amount from another account', () => {
    const alerts = runAll([
      tx('VICTIM', 'MULE1', 181_234.56, 0, { id: 'in' }),
      tx('MULE2', 'AGENT', 181_234.56, 20 * MIN, { id: 'out', channel: 'cash' }),
      tx('V2', 'M3', 52_000.1, HOUR),
      tx('M4', 'AGENT', 52_000.11, HOUR + MIN, { channel: 'cash' }),
      tx('V3', 'M5', 200_000, 2 * HOUR),
      tx('M6', 'AGENT', 200_000, 2 * HOUR + MIN, { channel: 'cash' }),
    ]);
    const p = ofType(alerts, 'pass_through');
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({ transactions: ['in', 'out'], accounts: ['VICTIM', 'MULE1', 'MULE2', 'AGENT'] });
    expect(p[0]?.facts?.matchedAcrossAccounts).toBe(true);
  });
});

describe('sanctioned counterparty', () => {
  it('raises a screening alert through the injected screener, screening each party once', () => {
    const calls: string[] = [];
    const screener = {
      screenParty(p: Party) {
        calls.push(p.name ?? '');
        return p.name === 'Hafiz Saeed' ? { entityId: 'un-QDi.263', name: 'Hafiz Muhammad Saeed', score: 0.97 } : undefined;
      },
    };
    const txs = [0, 1, 2].map((i) => tx('A', 'B', 100, i * HOUR, { fromName: 'Ali Khan', toName: 'Hafiz Saeed' }));
    const alerts = runAll(txs, undefined, { screener });
    const s = ofType(alerts, 'sanctioned_counterparty');
    expect(s).toHaveLength(1);
    expect(s[0]).toMatchObject({ kind: 'screening', severity: 'critical', accounts: ['B', 'A'] });
    expect(s[0]?.transactions).toHaveLength(3);
    expect(s[0]?.explanation).toMatch(
      /^The beneficiary Hafiz Saeed \(B\) matches watchlist entry Hafiz Muhammad Saeed \[un-QDi.263\] with score 0.97/,
    );
    expect(calls).toEqual(['Ali Khan', 'Hafiz Saeed']);
  });

  it('ignores hits below the configured score', () => {
    const screener = { screenParty: () => ({ entityId: 'x', name: 'X', score: 0.7 }) };
    expect(ofType(runAll([tx('A', 'B', 100, 0, { toName: 'Someone' })], undefined, { screener }), 'sanctioned_counterparty')).toEqual([]);
  });
});

describe('engine', () => {
  it('derives alert ids from type, accounts and time bucket: the same input gives the same ids', () => {
    const txs = [tx('S', 'B1', 9_500, 0), tx('S', 'B2', 9_800, DAY), tx('S', 'B3', 9_200, 2 * DAY), tx('A', 'B', 2_000_000, 3 * DAY)];
    const a = runAll(txs).map((x) => x.id);
    const b = runAll(txs).map((x) => x.id);
    expect(a).toEqual(b);
    expect(a.every((id) => /^[a-z_]+-[0-9a-f]{20}$/.test(id))).toBe(true);
    const custom = runAll(txs, undefined, { idFor: (type, key) => `${type}:${key.length}` }).map((x) => x.id);
    expect(custom[0]).toMatch(/^structuring:\d+$/);
  });

  it('recognises a replayed transaction and creates no new alert', () => {
    const engine = new MonitorEngine(config());
    const t = tx('A', 'B', 2_000_000, 0, { id: 'dup' });
    expect(engine.process(t)).toHaveLength(1);
    expect(engine.process(t)).toEqual([]);
    expect(engine.stats()).toMatchObject({ transactions: 1, duplicates: 1, alertsCreated: 1 });
  });

  it('skips unreadable transactions and counts them', () => {
    const engine = new MonitorEngine(config());
    expect(engine.process({ ...tx('A', 'B', 1, 0), time: 'yesterday' })).toEqual([]);
    expect(engine.stats().invalid).toBe(1);
  });

  it('evicts edges that leave the window', () => {
    const engine = new MonitorEngine(config());
    for (let i = 0; i < 100; i++) engine.process(tx(`A${i % 10}`, `B${i % 7}`, 10 + i, i * 4 * DAY));
    const s = engine.stats();
    expect(s.transactions).toBe(100);
    expect(s.edgesInWindow).toBeLessThan(100);
    expect(s.edgesInWindow).toBeGreaterThan(0);
    expect(Date.parse(s.windowEnd ?? '') - Date.parse(s.windowStart ?? '')).toBeLessThanOrEqual(s.retentionMs + HOUR);
  });
});
