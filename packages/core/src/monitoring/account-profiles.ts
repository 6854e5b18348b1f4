/**
 * What the engine remembers of each account beyond the window, in typed arrays: when it was first and last
 * active, and an exponentially weighted baseline of its activity per period (count and amount), so velocity is
 * judged against the account's own history in O(1) per transaction.
 */

import type { VelocityRule } from './monitoring-config.js';

/** Baseline periods replayed one by one when an account was idle; beyond this the baseline has decayed anyway. */
const MAX_IDLE_STEPS = 64;

export interface PeriodActivity {
  count: number;
  amount: number;
  meanCount: number;
  sdCount: number;
  meanAmount: number;
  sdAmount: number;
  /** Periods of history behind the baseline. */
  history: number;
}

/** A reusable activity record: the engine fills two per transaction instead of allocating them. */
export function emptyActivity(): PeriodActivity {
  return { count: 0, amount: 0, meanCount: 0, sdCount: 0, meanAmount: 0, sdAmount: 0, history: 0 };
}

export class AccountProfiles {
  #size = 0;
  firstSeen = new Float64Array(0) as Float64Array<ArrayBuffer>;
  lastSeen = new Float64Array(0) as Float64Array<ArrayBuffer>;
  #period = new Float64Array(0) as Float64Array<ArrayBuffer>;
  #count = new Float64Array(0) as Float64Array<ArrayBuffer>;
  #amount = new Float64Array(0) as Float64Array<ArrayBuffer>;
  #meanCount = new Float64Array(0) as Float64Array<ArrayBuffer>;
  #varCount = new Float64Array(0) as Float64Array<ArrayBuffer>;
  #meanAmount = new Float64Array(0) as Float64Array<ArrayBuffer>;
  #varAmount = new Float64Array(0) as Float64Array<ArrayBuffer>;
  #history = new Float64Array(0) as Float64Array<ArrayBuffer>;
  /** The last period a velocity alert fired in, so one burst raises one alert per period. */
  firedPeriod = new Float64Array(0) as Float64Array<ArrayBuffer>;
  readonly #alpha: number;
  readonly #periodMs: number;

  constructor(velocity: VelocityRule) {
    this.#alpha = 1 - 0.5 ** (1 / velocity.halfLifeBuckets);
    this.#periodMs = velocity.bucketMs;
  }

  ensure(accounts: number): void {
    if (accounts <= this.#size) return;
    let n = Math.max(1024, this.#size);
    while (n < accounts) n *= 2;
    const grow = (a: Float64Array, fill: number): Float64Array<ArrayBuffer> => {
      const b = new Float64Array(n).fill(fill);
      b.set(a);
      return b;
    };
    this.firstSeen = grow(this.firstSeen, Number.NaN);
    this.lastSeen = grow(this.lastSeen, Number.NaN);
    this.#period = grow(this.#period, Number.NaN);
    this.#count = grow(this.#count, 0);
    this.#amount = grow(this.#amount, 0);
    this.#meanCount = grow(this.#meanCount, 0);
    this.#varCount = grow(this.#varCount, 0);
    this.#meanAmount = grow(this.#meanAmount, 0);
    this.#varAmount = grow(this.#varAmount, 0);
    this.#history = grow(this.#history, 0);
    this.firedPeriod = grow(this.firedPeriod, Number.NaN);
    this.#size = n;
  }

  periodOf(time: number): number {
    return Math.floor(time / this.#periodMs);
  }

  /** Records activity at `time` and fills `into` with the account's current period against its baseline. */
  record(a: number, time: number, amount: number, into: PeriodActivity): PeriodActivity {
    if (Number.isNaN(this.firstSeen[a] as number) || time < (this.firstSeen[a] as number)) this.firstSeen[a] = time;
    if (Number.isNaN(this.lastSeen[a] as number) || time > (this.lastSeen[a] as number)) this.lastSeen[a] = time;
    const p = this.periodOf(time);
    const current = this.#period[a] as number;
    if (Number.isNaN(current)) {
      this.#period[a] = p;
    } else if (p > current) {
      this.#close(a, this.#count[a] as number, this.#amount[a] as number);
      const idle = Math.min(p - current - 1, MAX_IDLE_STEPS);
      for (let i = 0; i < idle; i++) this.#close(a, 0, 0);
      this.#history[a] = (this.#history[a] as number) + (p - current - 1 - idle);
      this.#period[a] = p;
      this.#count[a] = 0;
      this.#amount[a] = 0;
    }
    // A late transaction for an earlier period counts in the current one: slightly conservative, never lost.
    this.#count[a] = (this.#count[a] as number) + 1;
    this.#amount[a] = (this.#amount[a] as number) + amount;
    into.count = this.#count[a] as number;
    into.amount = this.#amount[a] as number;
    into.meanCount = this.#meanCount[a] as number;
    into.sdCount = Math.sqrt(this.#varCount[a] as number);
    into.meanAmount = this.#meanAmount[a] as number;
    into.sdAmount = Math.sqrt(this.#varAmount[a] as number);
    into.history = this.#history[a] as number;
    return into;
  }

  #close(a: number, count: number, amount: number): void {
    if ((this.#history[a] as number) === 0) {
      // The first period seeds the baseline; starting from zero would make every young account look fast.
      this.#meanCount[a] = count;
      this.#meanAmount[a] = amount;
      this.#history[a] = 1;
      return;
    }
    const alpha = this.#alpha;
    const dc = count - (this.#meanCount[a] as number);
    const ic = alpha * dc;
    this.#meanCount[a] = (this.#meanCount[a] as number) + ic;
    this.#varCount[a] = (1 - alpha) * ((this.#varCount[a] as number) + dc * ic);
    const da = amount - (this.#meanAmount[a] as number);
    const ia = alpha * da;
    this.#meanAmount[a] = (this.#meanAmount[a] as number) + ia;
    this.#varAmount[a] = (1 - alpha) * ((this.#varAmount[a] as number) + da * ia);
    this.#history[a] = (this.#history[a] as number) + 1;
  }
}
