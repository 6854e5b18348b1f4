import { describe, expect, it } from 'vitest';
import type { Transaction } from '../model/transaction.js';
import { DAY, HOUR, MIN, background, byTime, config, ofType, runAll, tx } from './fixtures.test-helpers.js';
import { MonitorEngine } from './monitor-engine.js';

const TYPOLOGIES = ['fan_in', 'fan_out', 'gather_scatter', 'scatter_gather', 'cycle', 'layering_chain', 'bipartite_burst'];

describe('fan-in', () => {
  it('fires on distinct senders paying the same amount into one account', () => {
    const txs = ['V1', 'V2', 'V3', 'V4', 'V5'].map((v, i) => tx(v, 'COLLECT', 49.99, i * 2 * DAY));
    const f = ofType(runAll(txs), 'fan_in');
    expect(f).toHaveLength(1);
    expect(f[0]?.accounts).toEqual(['COLLECT', 'V3', 'V2', 'V1', 'V4', 'V5']);
    expect(f[0]?.transactions).toHaveLength(5);
    expect(f[0]?.explanation).toBe(
      '5 distinct senders (V5, V4, V3 and 2 more) each paid 49.99 USD into COLLECT within 8 d: 5 transfers of the same amount, 249.95 USD in all (3 detections on overlapping accounts grouped)',
    );
    expect(f[0]?.subgraph?.edges).toHaveLength(5);
  });

  it('stays quiet when the senders pay different amounts', () => {
    const txs = ['V1', 'V2', 'V3', 'V4', 'V5'].map((v, i) => tx(v, 'SHOP', 49.99 + i * 3.17, i * 2 * DAY));
    expect(ofType(runAll(txs), 'fan_in')).toEqual([]);
  });

  it('fires on a burst of distinct senders against the account’s own history', () => {
    const history = Array.from({ length: 10 }, (_, d) => tx(`H${d}`, 'MULE', 100 + d * 7.31, d * DAY));
    const burst = Array.from({ length: 24 }, (_, i) => tx(`VICTIM${i}`, 'MULE', 500 + i * 13.7, 10 * DAY + i * HOUR));
    const f = ofType(runAll([...history, ...burst]), 'fan_in');
    expect(f).toHaveLength(1);
    expect(f[0]?.facts?.mode).toBe('burst');
    expect(f[0]?.explanation).toMatch(
      /^24 distinct senders paid 15\.8K USD into MULE within 23 h, against about 1\.6 transfers in such a period before/,
    );
  });

  it('stays quiet on an account that always receives that much', () => {
    const txs = Array.from({ length: 24 * 12 }, (_, i) => tx(`C${i}`, 'MERCHANT', 20 + (i % 50) * 1.13, i * HOUR));
    expect(ofType(runAll(txs), 'fan_in')).toEqual([]);
  });
});

describe('fan-out and gather-scatter', () => {
  it('fan-out fires on a burst of new payees', () => {
    const history = Array.from({ length: 10 }, (_, d) => tx('BOSS', `H${d}`, 100 + d * 7.31, d * DAY));
    const burst = Array.from({ length: 22 }, (_, i) => tx('BOSS', `P${i}`, 300 + i * 11.1, 10 * DAY + i * HOUR));
    expect(ofType(runAll([...history, ...burst]), 'fan_out')).toHaveLength(1);
  });

  it('equal payments to many payees alone (payroll) are not a fan-out', () => {
    const txs = Array.from({ length: 30 }, (_, i) => tx('EMPLOYER', `E${i}`, 2_500.5, i * MIN));
    expect(ofType(runAll(txs), 'fan_out')).toEqual([]);
  });

  const alikeFanOut = (more: Record<string, unknown> = {}) => config({ typologies: { fanOut: { alike: true, ...more } } });

  it('fan-out with alike amounts on: the same amount trickling out to distinct payees over days', () => {
    const txs = ['P1', 'P2', 'P3', 'P4'].map((p, i) => tx('SPLITTER', p, 733.41, i * 3 * DAY));
    expect(ofType(runAll(txs), 'fan_out')).toEqual([]);
    const f = ofType(runAll(txs, alikeFanOut()), 'fan_out');
    expect(f).toHaveLength(1);
    expect(f[0]?.explanation).toMatch(/^SPLITTER paid 733\.41 USD each to 4 distinct accounts \(P4, P3, P2 and 1 more\) within 9 d/);
  });

  it('fan-out with alike amounts on: a monthly payroll batch to the same staff is not one', () => {
    const txs = [0, 1, 2].flatMap((m) =>
      ['E1', 'E2', 'E3', 'E4', 'E5'].map((e, i) => tx('EMPLOYER', e, 2_500.5, m * 30 * DAY + i * 10 * MIN)),
    );
    expect(ofType(runAll(txs, alikeFanOut()), 'fan_out')).toEqual([]);
    // … unless the agency turns the batch and recurrence checks off.
    expect(ofType(runAll(txs, alikeFanOut({ minSpanMs: 0 })), 'fan_out')).toHaveLength(1);
  });

  it('gather-scatter: a fan-in whose money leaves again to many accounts', () => {
    const gather = ['V1', 'V2', 'V3', 'V4', 'V5', 'V6'].map((v, i) => tx(v, 'HUB', 1_990.5, i * HOUR));
    const scatter = ['R1', 'R2', 'R3', 'R4', 'R5'].map((r, i) => tx('HUB', r, 2_300 + i, 8 * HOUR + i * HOUR));
    const alerts = runAll([...gather, ...scatter]);
    const g = ofType(alerts, 'gather_scatter');
    expect(g).toHaveLength(1);
    expect(ofType(alerts, 'fan_in')).toEqual([]);
    expect(g[0]?.explanation).toMatch(
      /^6 distinct senders paid 11\.9K USD into HUB within 5 h; 96 % left within 7 h to 5 accounts \(R5, R4, R3 and 2 more\)/,
    );
    expect(g[0]?.accounts).toHaveLength(12);
  });
});

describe('scatter-gather', () => {
  it('fires when a sum is split across intermediaries who all pay one destination', () => {
    const txs = ['B1', 'B2', 'B3'].flatMap((b, i) => [tx('A', b, 3_000.25, i * MIN), tx(b, 'C', 2_990.1, HOUR + i * MIN)]);
    const s = ofType(runAll(txs), 'scatter_gather');
    expect(s).toHaveLength(1);
    expect(s[0]?.accounts).toEqual(['A', 'B3', 'B2', 'B1', 'C']);
    expect(s[0]?.explanation).toMatch(
      /^A split 9,000.75 USD across 3 intermediaries \(B3, B2 and B1\), who all paid it on to C, within 1 h/,
    );
  });

  it('stays quiet with two intermediaries or with unrelated amounts', () => {
    const two = ['B1', 'B2'].flatMap((b, i) => [tx('A', b, 3_000.25, i * MIN), tx(b, 'C', 2_990.1, HOUR + i * MIN)]);
    expect(ofType(runAll(two), 'scatter_gather')).toEqual([]);
    const unrelated = ['B1', 'B2', 'B3'].flatMap((b, i) => [tx('A', b, 3_000.25, i * MIN), tx(b, 'C', 1_200 + i * 400.1, HOUR + i * MIN)]);
    expect(ofType(runAll(unrelated), 'scatter_gather')).toEqual([]);
  });
});

describe('cycles', () => {
  it('finds a forward loop with fees taken on the way', () => {
    const txs = [
      tx('A', 'B', 10_000, 0),
      tx('B', 'C', 9_900, 2 * HOUR),
      tx('C', 'D', 9_850, 4 * HOUR),
      tx('D', 'A', 9_800, 6 * HOUR, { id: 'close' }),
    ];
    const c = ofType(runAll(txs), 'cycle');
    expect(c).toHaveLength(1);
    expect(c[0]?.facts).toMatchObject({ length: 4, mode: 'forward' });
    expect(c[0]?.transactions[0]).toBe('close');
    expect(c[0]?.explanation).toBe(
      'Money went round a loop of 4 accounts (D → A → B → C → D) within 6 h: 4 transfers of one after another in time, 9,800.00 USD–10K USD each, 39.5K USD in all',
    );
  });

  it('finds a loop carrying the same amount in any order over weeks', () => {
    const txs = [
      tx('B', 'C', 14.31, 10 * DAY),
      tx('D', 'E', 14.31, 30 * DAY),
      tx('A', 'B', 14.31, 50 * DAY),
      tx('C', 'D', 14.31, 80 * DAY),
      tx('E', 'A', 14.31, 81 * DAY),
    ];
    const c = ofType(runAll(txs), 'cycle');
    expect(c).toHaveLength(1);
    expect(c[0]?.facts).toMatchObject({ length: 5, mode: 'unordered' });
    expect([...(c[0]?.accounts ?? [])].sort()).toEqual(['A', 'B', 'C', 'D', 'E']);
  });

  it('stays quiet on near misses: amounts apart, slow forward hops, a cent off, whole amounts, a 2-loop', () => {
    const apart = [tx('A', 'B', 10_000, 0), tx('B', 'C', 9_900, HOUR), tx('C', 'A', 7_000, 2 * HOUR)];
    const slow = [tx('A', 'B', 10_000, 0), tx('B', 'C', 9_900, 3 * DAY), tx('C', 'A', 9_800, 6 * DAY)];
    const cent = [tx('A', 'B', 14.31, 0), tx('B', 'C', 14.31, 9 * DAY), tx('C', 'A', 14.32, 3 * DAY)];
    const whole = [tx('A', 'B', 500, 0), tx('B', 'C', 500, 9 * DAY), tx('C', 'A', 500, 3 * DAY)];
    const refund = [tx('A', 'B', 120.5, 0), tx('B', 'A', 120.5, HOUR)];
    for (const txs of [apart, slow, cent, whole, refund]) expect(ofType(runAll(byTime(txs)), 'cycle')).toEqual([]);
    // … but a 2-loop on request.
    expect(ofType(runAll(refund, config({ typologies: { cycle: { minLength: 2 } } })), 'cycle')).toHaveLength(1);
  });

  it('detects a loop whose transfers arrive out of order within the lateness allowed', () => {
    const inOrder = [tx('A', 'B', 10_000, 0), tx('B', 'C', 9_950, 10 * MIN), tx('C', 'A', 9_900, 20 * MIN)];
    const shuffled = [inOrder[2], inOrder[0], inOrder[1]] as Transaction[];
    expect(ofType(runAll(shuffled), 'cycle')).toHaveLength(1);
  });

  it('groups loops sharing accounts into one alert that grows', () => {
    const txs = [
      tx('A', 'B', 1_000, 0, { id: 'a' }),
      tx('B', 'C', 995, HOUR, { id: 'b' }),
      tx('C', 'A', 990, 2 * HOUR, { id: 'c' }),
      tx('C', 'D', 990, 3 * HOUR, { id: 'd' }),
      tx('D', 'B', 985, 4 * HOUR, { id: 'e' }),
    ];
    const engine = new MonitorEngine(config());
    const handed = txs.flatMap((t) => engine.process(t));
    expect(handed.map((a) => a.type)).toEqual(['cycle', 'cycle']);
    expect(handed[0]?.id).toBe(handed[1]?.id);
    expect([...(handed[1]?.transactions ?? [])].sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(handed[1]?.explanation).toMatch(/\(2 detections on overlapping accounts grouped\)$/);
  });
});

describe('layering chains', () => {
  it('finds money relayed hop by hop within hours', () => {
    const txs = [tx('A', 'B', 50_000, 0), tx('B', 'C', 49_500, 3 * HOUR), tx('C', 'D', 49_000, 6 * HOUR), tx('D', 'E', 48_600, 9 * HOUR)];
    const l = ofType(runAll(txs), 'layering_chain');
    expect(l).toHaveLength(1);
    expect(l[0]?.accounts).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(l[0]?.facts).toMatchObject({ hops: 4, mode: 'forward', firstAmount: 50_000, lastAmount: 48_600 });
    expect(l[0]?.explanation).toContain('each hop leaving within 6 h of the last, 50K USD shrinking to 48.6K USD');
    // The hop window in words is the configured one, not a constant.
    const hop = ofType(runAll(txs, config({ typologies: { layeringChain: { maxHopMs: '24h' } } })), 'layering_chain');
    expect(hop[0]?.explanation).toBe(
      '50K USD was relayed through 5 accounts in 4 transfers (A → B → C → D → E) within 9 h: each hop leaving within 24 h of the last, 50K USD shrinking to 48.6K USD',
    );
  });

  it('finds the same amount relayed in any order, and not whole amounts or three hops of unrelated sums', () => {
    expect(ofType(runAll([tx('A', 'B', 12.89, 40 * DAY), tx('B', 'C', 12.89, 5 * DAY)].reverse()), 'layering_chain')).toHaveLength(1);
    expect(ofType(runAll([tx('A', 'B', 13, 0), tx('B', 'C', 13, 5 * DAY)]), 'layering_chain')).toEqual([]);
    const unrelated = [tx('A', 'B', 50_000, 0), tx('B', 'C', 30_000, HOUR), tx('C', 'D', 29_000, 2 * HOUR), tx('D', 'E', 28_000, 3 * HOUR)];
    expect(ofType(runAll(unrelated), 'layering_chain')).toEqual([]);
  });
});

describe('bipartite bursts', () => {
  it('fires when several senders each pay the same receivers alike amounts', () => {
    const txs = ['S1', 'S2', 'S3'].flatMap((s, i) => ['R1', 'R2', 'R3'].map((r, j) => tx(s, r, 2_500.75 + j, (i * 3 + j) * HOUR)));
    const b = ofType(runAll(txs), 'bipartite_burst');
    expect(b).toHaveLength(1);
    expect([...(b[0]?.accounts ?? [])].sort()).toEqual(['R1', 'R2', 'R3', 'S1', 'S2', 'S3']);
    expect(b[0]?.transactions).toHaveLength(9);
  });

  it('stays quiet when the senders pay unrelated amounts', () => {
    const txs = ['S1', 'S2', 'S3'].flatMap((s, i) =>
      ['R1', 'R2', 'R3'].map((r, j) => tx(s, r, 1_000 * (i + 1) + 333.3 * j, (i * 3 + j) * HOUR)),
    );
    expect(ofType(runAll(txs), 'bipartite_burst')).toEqual([]);
  });
});

describe('background traffic', () => {
  it('raises no typology alert on random payments between regular counterparties', () => {
    const alerts = runAll(background(400, 8_000, 90));
    expect(alerts.filter((a) => TYPOLOGIES.includes(a.type)).map((a) => a.explanation)).toEqual([]);
  });

  it('finds injected patterns inside the background and only them', () => {
    const cycle = [
      tx('X1', 'X2', 7_777.77, 40 * DAY),
      tx('X2', 'X3', 7_700.7, 40 * DAY + 2 * HOUR),
      tx('X3', 'X1', 7_650.65, 40 * DAY + 5 * HOUR),
    ];
    const fan = ['F1', 'F2', 'F3', 'F4'].map((f, i) => tx(f, 'COLLECT', 333.33, 20 * DAY + i * DAY));
    const alerts = runAll(byTime(background(400, 8_000, 90), cycle, fan)).filter((a) => TYPOLOGIES.includes(a.type));
    expect(alerts.map((a) => a.type).sort()).toEqual(['cycle', 'fan_in']);
  });
});
