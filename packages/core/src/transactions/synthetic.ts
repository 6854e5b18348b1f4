/**
 * A seeded synthetic transaction stream for load and recall: background traffic between many accounts
 * with the eight AMLworld/AMLSim laundering patterns injected, every pattern transaction labelled.
 * Deterministic for a seed; streams in time order without holding the background in memory.
 */

import type { Transaction } from '../model/transaction.js';

export const LAUNDERING_PATTERNS = ['fan_in', 'fan_out', 'gather_scatter', 'scatter_gather', 'cycle', 'bipartite', 'stack', 'random'] as const;
export type LaunderingPattern = (typeof LAUNDERING_PATTERNS)[number];

export interface SyntheticOptions {
  /** Background transactions (patterns come on top). */
  readonly transactions: number;
  /** Accounts in the background population. */
  readonly accounts: number;
  /** Injected instances of each of the eight patterns. */
  readonly patternsEach: number;
  readonly seed?: number;
  /** Event time of the first transaction (ISO); default 2025-01-01T00:00:00Z. */
  readonly start?: string;
  /** Event-time seconds the background spans; default 30 days. */
  readonly spanSeconds?: number;
  readonly currency?: string;
}

export interface SyntheticTransaction {
  readonly tx: Transaction;
  /** The injected pattern instance this transaction belongs to, if any. */
  readonly pattern?: { readonly id: string; readonly type: LaunderingPattern };
}

/** mulberry32: a small, fast, seedable PRNG (enough for load generation, not for cryptography). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Edge {
  readonly from: string;
  readonly to: string;
  readonly amount: number;
  /** Seconds after the pattern's start. */
  readonly offset: number;
}

const HOUR = 3600;

/** The edges of one pattern instance over fresh mule accounts (`M<instance>-<k>`), amounts around `base`. */
function patternEdges(type: LaunderingPattern, mule: (k: number) => string, rand: () => number, base: number): Edge[] {
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const jitter = (x: number) => Math.round(x * (0.9 + rand() * 0.2) * 100) / 100;
  const edges: Edge[] = [];
  const add = (from: string, to: string, amount: number, offset: number) => edges.push({ from, to, amount: jitter(amount), offset });
  switch (type) {
    case 'fan_in': {
      const k = int(6, 12);
      for (let i = 1; i <= k; i++) add(mule(i), mule(0), base, rand() * 24 * HOUR);
      break;
    }
    case 'fan_out': {
      const k = int(6, 12);
      for (let i = 1; i <= k; i++) add(mule(0), mule(i), base, rand() * 24 * HOUR);
      break;
    }
    case 'gather_scatter': {
      const k = int(5, 9);
      const m = int(3, 6);
      for (let i = 1; i <= k; i++) add(mule(i), mule(0), base, rand() * 12 * HOUR);
      for (let j = 1; j <= m; j++) add(mule(0), mule(100 + j), (base * k * 0.9) / m, 13 * HOUR + rand() * 6 * HOUR);
      break;
    }
    case 'scatter_gather': {
      const k = int(4, 8);
      for (let i = 1; i <= k; i++) {
        const t = rand() * 6 * HOUR;
        add(mule(0), mule(i), base, t);
        add(mule(i), mule(99), base * 0.97, t + (1 + rand() * 10) * HOUR);
      }
      break;
    }
    case 'cycle': {
      const n = int(3, 6);
      let amount = base * 4;
      for (let i = 0; i < n; i++) {
        add(mule(i), mule((i + 1) % n), amount, i * (2 + rand() * 6) * HOUR);
        amount *= 0.97;
      }
      break;
    }
    case 'bipartite': {
      const a = int(3, 5);
      const b = int(3, 5);
      for (let i = 0; i < a; i++) for (let j = 0; j < b; j++) if (rand() < 0.8) add(mule(i), mule(50 + j), base, rand() * 24 * HOUR);
      break;
    }
    case 'stack': {
      const width = int(2, 4);
      const depth = int(3, 4);
      let t = 0;
      for (let l = 0; l < depth; l++) {
        t += (2 + rand() * 6) * HOUR;
        for (let i = 0; i < width; i++) for (let j = 0; j < width; j++) add(mule(l * 10 + i), mule((l + 1) * 10 + j), base / width, t + rand() * HOUR);
      }
      break;
    }
    case 'random': {
      const n = int(4, 7);
      let amount = base * 3;
      let t = 0;
      for (let i = 0; i < n; i++) {
        add(mule(i), mule(i + 1), amount, t);
        t += (1 + rand() * 8) * HOUR;
        amount *= 0.96;
      }
      break;
    }
  }
  return edges;
}

/**
 * Background: senders and receivers drawn with a skew (a few busy accounts, a long tail), log-normal
 * amounts, mostly domestic; transactions evenly spaced in event time. Patterns start at random
 * times inside the span and use their own accounts, so recall is measured on known truth.
 */
export function* syntheticTransactions(options: SyntheticOptions): Generator<SyntheticTransaction> {
  const rand = prng(options.seed ?? 42);
  const start = Date.parse(options.start ?? '2025-01-01T00:00:00Z');
  const n = Math.max(0, Math.floor(options.transactions));
  const accounts = Math.max(2, Math.floor(options.accounts));
  const span = options.spanSeconds ?? 30 * 24 * HOUR;
  const currency = options.currency ?? 'USD';
  const step = n > 0 ? (span * 1000) / n : 0;

  // Pattern transactions are few: build them all, sorted by time, and merge them into the background.
  const injected: { t: number; e: Edge; id: string; type: LaunderingPattern }[] = [];
  let instance = 0;
  for (const type of LAUNDERING_PATTERNS) {
    for (let i = 0; i < options.patternsEach; i++) {
      const id = `P${instance++}`;
      const t0 = start + rand() * Math.max(0, span - 48 * HOUR) * 1000;
      const base = Math.round(Math.exp(7 + rand() * 2.5));
      for (const e of patternEdges(type, (k) => `M${id.slice(1)}-${k}`, rand, base)) injected.push({ t: t0 + e.offset * 1000, e, id, type });
    }
  }
  injected.sort((a, b) => a.t - b.t);

  const skewed = (): number => Math.floor(accounts * rand() ** 2.2);
  const countries = ['PK', 'PK', 'PK', 'PK', 'AE', 'GB', 'US', 'SA'];
  let p = 0;
  let seq = 0;
  const iso = (ms: number) => new Date(ms).toISOString();
  for (let i = 0; i < n; i++) {
    const t = start + i * step;
    while (p < injected.length && (injected[p] as (typeof injected)[number]).t <= t) {
      const x = injected[p++] as (typeof injected)[number];
      yield {
        tx: {
          id: `S${seq++}`,
          time: iso(x.t),
          amount: x.e.amount,
          currency,
          originator: { account: x.e.from, country: 'PK' },
          beneficiary: { account: x.e.to, country: 'PK' },
          channel: 'wire',
        },
        pattern: { id: x.id, type: x.type },
      };
    }
    const from = skewed();
    let to = Math.floor(rand() * accounts);
    if (to === from) to = (to + 1) % accounts;
    yield {
      tx: {
        id: `S${seq++}`,
        time: iso(t),
        amount: Math.round(Math.exp(4 + rand() * 3.5) * 100) / 100,
        currency,
        originator: { account: `A${from}`, country: countries[from % countries.length] as string },
        beneficiary: { account: `A${to}`, country: countries[to % countries.length] as string },
        channel: rand() < 0.15 ? 'cash' : rand() < 0.5 ? 'mobile' : 'wire',
      },
    };
  }
  while (p < injected.length) {
    const x = injected[p++] as (typeof injected)[number];
    yield {
      tx: {
        id: `S${seq++}`,
        time: iso(x.t),
        amount: x.e.amount,
        currency,
        originator: { account: x.e.from, country: 'PK' },
        beneficiary: { account: x.e.to, country: 'PK' },
        channel: 'wire',
      },
      pattern: { id: x.id, type: x.type },
    };
  }
}
