import { describe, expect, it } from 'vitest';
import { DEFAULT_MONITORING_CONFIG } from '../monitoring-config.js';
import { MonitorEngine } from '../monitor-engine.js';
import { LAUNDERING_PATTERN_TYPES, patternShape } from './laundering-patterns.js';
import { launderingStream, seededRandom } from './laundering-stream.js';

const small = { transactions: 3_000, accounts: 600, patternsEach: 2, seed: 5, spanSeconds: 10 * 86_400 } as const;

describe('patternShape', () => {
  it('builds each pattern’s graph: a closed loop, a relay, stars and layers', () => {
    const r = seededRandom(1);
    const cycle = patternShape('cycle', 'burst', r, 1_000, 86_400);
    expect(cycle.edges).toHaveLength(cycle.members);
    expect(cycle.edges.map((e) => e.from)).toEqual(cycle.edges.map((e) => (e.to + cycle.members - 1) % cycle.members));
    const chain = patternShape('random', 'burst', r, 1_000, 86_400);
    expect(chain.edges.map((e) => e.to)).toEqual(chain.edges.map((e) => e.from + 1));
    // Each hop leaves after the one before it, with a little less money.
    for (let i = 1; i < chain.edges.length; i++) expect(chain.edges[i]?.offset).toBeGreaterThan(chain.edges[i - 1]?.offset ?? 0);
    const fanIn = patternShape('fan_in', 'burst', r, 1_000, 86_400);
    expect(new Set(fanIn.edges.map((e) => e.to))).toEqual(new Set([0]));
    expect(new Set(fanIn.edges.map((e) => e.from)).size).toBe(fanIn.members - 1);
    const stack = patternShape('stack', 'burst', r, 1_000, 86_400);
    const senders = new Set(stack.edges.map((e) => e.from));
    const receivers = new Set(stack.edges.map((e) => e.to));
    expect([...senders].filter((s) => receivers.has(s)).length).toBeGreaterThan(0);
  });

  it('spread patterns carry one amount with cents at any time in the span; bursts stay within two days', () => {
    const r = seededRandom(2);
    for (const type of LAUNDERING_PATTERN_TYPES) {
      const spread = patternShape(type, 'spread', r, 1_234, 100 * 86_400);
      expect(new Set(spread.edges.map((e) => e.amount)).size).toBe(1);
      expect(Number.isInteger(spread.edges[0]?.amount)).toBe(false);
      const burst = patternShape(type, 'burst', r, 1_234, 100 * 86_400);
      expect(Math.max(...burst.edges.map((e) => e.offset))).toBeLessThan(2 * 86_400);
    }
  });
});

describe('launderingStream', () => {
  it('is deterministic for a seed, in time order, and labels every injected transfer', () => {
    const a = launderingStream(small);
    const b = launderingStream(small);
    const txs = [...a.transactions()];
    expect(txs.map((x) => x.tx)).toEqual([...b.transactions()].map((x) => x.tx));
    expect(txs.map((x) => x.tx.id)).toEqual([...a.transactions()].map((x) => x.tx.id));
    const times = txs.map((x) => Date.parse(x.tx.time));
    expect(times.every((t, i) => i === 0 || t >= (times[i - 1] as number))).toBe(true);
    expect(a.patterns).toHaveLength(8 * small.patternsEach);
    const labelled = txs.filter((x) => x.pattern);
    expect(labelled.map((x) => x.tx.id).sort()).toEqual(a.patterns.flatMap((p) => p.transactions).sort());
    for (const p of a.patterns) {
      const mine = labelled.filter((x) => x.pattern?.id === p.id);
      expect(mine.every((x) => x.pattern?.type === p.type)).toBe(true);
      expect(new Set(mine.flatMap((x) => [x.tx.originator.account, x.tx.beneficiary.account]))).toEqual(new Set(p.accounts));
    }
    // Members are ordinary accounts of the population: they also appear in background traffic.
    const background = new Set(txs.filter((x) => !x.pattern).flatMap((x) => [x.tx.originator.account, x.tx.beneficiary.account]));
    expect(a.patterns.flatMap((p) => p.accounts).filter((m) => background.has(m)).length).toBeGreaterThan(0);
    expect(launderingStream({ ...small, seed: 6 }).patterns[0]?.accounts).not.toEqual(a.patterns[0]?.accounts);
  });

  it('injects only the requested types, with the requested pace', () => {
    const s = launderingStream({ ...small, types: ['cycle', 'fan_in'], pace: 'mixed' });
    expect(s.patterns.map((p) => `${p.type}/${p.pace}`)).toEqual(['cycle/burst', 'cycle/spread', 'fan_in/burst', 'fan_in/spread']);
  });

  it('lets the engine find the spread cycles, relays and fan-ins it injects', () => {
    const s = launderingStream({ ...small, types: ['cycle', 'random', 'fan_in'], pace: 'spread' });
    const engine = new MonitorEngine(DEFAULT_MONITORING_CONFIG);
    const flagged = new Set<string>();
    for (const { tx } of s.transactions()) for (const a of engine.process(tx)) for (const acc of a.accounts) flagged.add(acc);
    for (const a of engine.finish()) for (const acc of a.accounts) flagged.add(acc);
    for (const p of s.patterns)
      expect(p.accounts.filter((a) => flagged.has(a)).length, `${p.type} ${p.id}`).toBeGreaterThanOrEqual(p.accounts.length / 2);
  });
});
