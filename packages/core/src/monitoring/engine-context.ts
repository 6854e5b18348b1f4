/** What every rule and typology sees of the engine: the configuration, the window graph, account profiles and scratch sets. */

import type { Party, Transaction } from '../model/transaction.js';
import type { AccountMarks } from './account-marks.js';
import type { AccountProfiles, PeriodActivity } from './account-profiles.js';
import type { Detection } from './alert-book.js';
import type { MonitoringConfig } from './monitoring-config.js';
import type { TransactionWindow } from './transaction-window.js';

/** The transaction being evaluated, as an edge of the window graph. */
export interface EdgeView {
  readonly id: number;
  readonly src: number;
  readonly dst: number;
  readonly time: number;
  /** In the base currency. */
  readonly amount: number;
  readonly cash: boolean;
  readonly tx: Transaction;
  /** Each party's current period against its own baseline (after counting this transaction). */
  readonly srcActivity: PeriodActivity;
  readonly dstActivity: PeriodActivity;
  /** Time since each party was last active before this transaction; NaN when never seen. */
  readonly srcIdleMs: number;
  readonly dstIdleMs: number;
}

export interface EngineContext {
  readonly config: MonitoringConfig;
  readonly w: TransactionWindow;
  readonly profiles: AccountProfiles;
  /** Scratch sets; a check may use them freely but must not expect them to survive another check. */
  readonly marks: AccountMarks;
  readonly marks2: AccountMarks;
  readonly marks3: AccountMarks;
  /** The newest event time seen (ms): windows end here. */
  readonly now: number;
  /** The oldest event time seen: how much history there is at all. */
  readonly start: number;
  /** Money in explanations. */
  money(amount: number): string;
  /** The injected screener behind a per-party cache; undefined when none was given. */
  screen(party: Party): ScreeningHit | undefined;
}

/** A watchlist entity a party matched. */
export interface ScreeningHit {
  readonly entityId: string;
  readonly name: string;
  readonly score: number;
}

/** A rule or typology: looks at the new edge and its neighbourhood, and pushes what it found. */
export type Check = (ctx: EngineContext, e: EdgeView, out: Detection[]) => void;

/** Score in [0, 1] rising with how far `value` exceeds `threshold` (1× → base, 2× → about base + (1 − base)/2). */
export function excessScore(value: number, threshold: number, base: number): number {
  if (threshold <= 0) return base;
  const r = value / threshold;
  return Math.min(1, base + (1 - base) * (1 - 1 / Math.max(1, r)));
}

/** Two amounts within a relative tolerance of each other, with a cent's slack for rounding. */
export function alike(a: number, b: number, tolerance: number): boolean {
  return Math.abs(a - b) <= tolerance * Math.max(a, b) + 0.005;
}

/** Whole units: amounts a person types, which coincide by chance far more often than amounts with cents. */
export function isWhole(amount: number): boolean {
  return Math.abs(amount - Math.round(amount)) < 0.005;
}
