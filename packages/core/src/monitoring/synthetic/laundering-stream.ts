/**
 * A seeded synthetic transaction stream for load and recall: background traffic — people paying their regular
 * payees, shops taking their prices, employers paying salaries — with the eight laundering patterns injected
 * over accounts drawn from that same population (mules have ordinary lives too), and the ground truth: every
 * injected pattern's type, member accounts and transaction ids. Deterministic for a seed; the background is
 * generated as it is consumed, so a stream of millions of transactions holds only the patterns in memory.
 */

import type { Channel, Transaction } from '../../model/transaction.js';
import { LAUNDERING_PATTERN_TYPES, type LaunderingPatternType, type PatternPace, patternShape } from './laundering-patterns.js';

export interface LaunderingStreamOptions {
  /** Background transactions (payroll and patterns come on top). */
  readonly transactions: number;
  /** Accounts in the background population. */
  readonly accounts: number;
  /** Injected instances of each pattern type. */
  readonly patternsEach: number;
  readonly seed?: number;
  /** Event time of the first transaction (ISO); default 2025-01-01T00:00:00Z. */
  readonly start?: string;
  /** Event-time seconds the stream spans; default 30 days. */
  readonly spanSeconds?: number;
  /** `burst` (AMLworld: hours), `spread` (AMLSim: one amount, any time in the span) or `mixed` (half each); default `burst`. */
  readonly pace?: PatternPace | 'mixed';
  /** Which patterns to inject; default all eight. */
  readonly types?: readonly LaunderingPatternType[];
  readonly currency?: string;
}

export interface InjectedPattern {
  readonly id: string;
  readonly type: LaunderingPatternType;
  readonly pace: PatternPace;
  /** Member accounts, as they appear in the transactions. */
  readonly accounts: readonly string[];
  readonly transactions: readonly string[];
}

export interface LabelledTransaction {
  readonly tx: Transaction;
  /** The injected pattern this transaction belongs to; absent for background traffic. */
  readonly pattern?: { readonly id: string; readonly type: LaunderingPatternType };
}

export interface LaunderingStream {
  /** The ground truth, known before the first transaction is read. */
  readonly patterns: readonly InjectedPattern[];
  /** Background + injected transactions in event-time order; every call replays the same stream. */
  transactions(): Generator<LabelledTransaction>;
}

/** mulberry32: small, fast and seedable; for simulation, not for cryptography. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A stable pseudo-random integer in [0, n) for (a, b): each account's regular payees without storing them. */
function hashPick(a: number, b: number, seed: number, n: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + seed, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  return (h >>> 0) % n;
}

interface Scheduled {
  readonly t: number;
  readonly tx: Transaction;
  readonly pattern?: { readonly id: string; readonly type: LaunderingPatternType };
}

const DAY = 86_400;
const PAYEES = 4;

export function launderingStream(options: LaunderingStreamOptions): LaunderingStream {
  const seed = options.seed ?? 42;
  const start = Date.parse(options.start ?? '2025-01-01T00:00:00Z');
  const accounts = Math.max(50, Math.floor(options.accounts));
  const total = Math.max(0, Math.floor(options.transactions));
  const span = options.spanSeconds ?? 30 * DAY;
  const currency = options.currency ?? 'USD';
  const types = options.types ?? LAUNDERING_PATTERN_TYPES;
  const rand = seededRandom(seed ^ 0x5eed);
  const account = (i: number): string => `A${i}`;
  // The first 2 % of accounts are shops, the next 0.5 % employers: ordinary hubs every typology must tolerate.
  const shops = Math.max(1, Math.floor(accounts * 0.02));
  const employers = Math.max(1, Math.floor(accounts * 0.005));
  const people = accounts - shops - employers;
  const person = (k: number): number => shops + employers + (k % people);

  const scheduled: Scheduled[] = [];
  const tx = (id: string, t: number, from: string, to: string, amount: number, channel: Channel): Transaction => ({
    id,
    time: new Date(start + t * 1000).toISOString(),
    amount,
    currency,
    originator: { account: from, country: 'PK' },
    beneficiary: { account: to, country: 'PK' },
    channel,
  });

  // Payroll: each employer pays its staff the same salary on the 25th of every month in the span.
  for (let e = 0; e < employers; e++) {
    const staff = 5 + hashPick(e, 1, seed, 20);
    const salary = 800 + hashPick(e, 2, seed, 4_000) + (e % 2 === 0 ? 0 : 0.5);
    for (let month = 0; ; month++) {
      const d = new Date(start);
      d.setUTCMonth(d.getUTCMonth() + month, 25);
      const t = (d.getTime() - start) / 1000 + 9 * 3_600;
      if (t > span) break;
      if (t < 0) continue;
      for (let s = 0; s < staff; s++) {
        const emp = person(hashPick(e, 100 + s, seed, people));
        scheduled.push({ t: t + s * 30, tx: tx(`W${e}-${month}-${s}`, t + s * 30, account(shops + e), account(emp), salary, 'ach') });
      }
    }
  }

  const patterns: InjectedPattern[] = [];
  let instance = 0;
  for (const type of types) {
    for (let i = 0; i < options.patternsEach; i++) {
      const id = `L${instance++}`;
      const pace: PatternPace = options.pace === 'mixed' ? (i % 2 === 0 ? 'burst' : 'spread') : (options.pace ?? 'burst');
      const base = Math.exp(6 + rand() * 3);
      const shape = patternShape(type, pace, rand, base, Math.max(DAY, span - 1));
      // Members from the population, distinct within the instance.
      const members: string[] = [];
      const used = new Set<number>();
      while (members.length < shape.members) {
        const m = person(Math.floor(rand() * people));
        if (used.has(m)) continue;
        used.add(m);
        members.push(account(m));
      }
      const t0 = pace === 'spread' ? 0 : rand() * Math.max(0, span - 3 * DAY);
      const ids: string[] = [];
      shape.edges.forEach((e, k) => {
        const t = Math.min(span, t0 + e.offset);
        const txId = `${id}-${k}`;
        ids.push(txId);
        scheduled.push({ t, tx: tx(txId, t, members[e.from] as string, members[e.to] as string, e.amount, 'wire'), pattern: { id, type } });
      });
      patterns.push({ id, type, pace, accounts: members, transactions: ids });
    }
  }
  scheduled.sort((a, b) => a.t - b.t);

  function* transactions(): Generator<LabelledTransaction> {
    const r = seededRandom(seed);
    const step = total > 0 ? span / total : 0;
    const skewed = (): number => Math.floor(people * r() ** 2);
    let p = 0;
    for (let i = 0; i < total; i++) {
      const t = i * step + r() * step;
      while (p < scheduled.length && (scheduled[p] as Scheduled).t <= t) {
        const s = scheduled[p++] as Scheduled;
        yield s.pattern ? { tx: s.tx, pattern: s.pattern } : { tx: s.tx };
      }
      const from = person(skewed());
      const kind = r();
      let to: number;
      let amount: number;
      let channel: Channel = 'mobile';
      if (kind < 0.3) {
        // A shop and one of its ten prices.
        const shop = Math.floor(shops * r() ** 1.5);
        to = shop;
        amount = 5 + hashPick(shop, Math.floor(r() * 10), seed, 20_000) / 100;
        channel = 'card';
      } else {
        to = kind < 0.85 ? person(hashPick(from, Math.floor(r() * PAYEES), seed, people)) : person(Math.floor(r() * people));
        if (to === from) to = person(from + 1);
        amount = r() < 0.08 ? 50 * (1 + Math.floor(r() * 40)) : Math.round(Math.exp(3 + r() * 4.5) * 100) / 100;
        if (r() < 0.1) channel = 'cash';
      }
      yield { tx: tx(`B${i}`, t, account(from), account(to), amount, channel) };
    }
    while (p < scheduled.length) {
      const s = scheduled[p++] as Scheduled;
      yield s.pattern ? { tx: s.tx, pattern: s.pattern } : { tx: s.tx };
    }
  }

  return { patterns, transactions };
}
