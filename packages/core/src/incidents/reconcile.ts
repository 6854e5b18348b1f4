/** Reconciles casualty claims into {low, best, high} estimates, flagging conflicts and keeping every revision. */

import type {
  Casualties,
  CasualtyCategory,
  CasualtyCells,
  Claim,
  ClaimConflict,
  Estimate,
  Outcome,
  Qualifier,
  Revision,
} from './incident.js';
import { CASUALTY_CATEGORIES } from './incident.js';

/** The interval of true values a wording allows, and the figure it names (undefined for vague words). */
export interface ClaimBounds {
  readonly min: number;
  readonly max: number;
  readonly figure: number | undefined;
}

/** "at least 31" → [31, ∞); "more than 200" → [201, ∞); "nearly 100" → [90, 99]; "dozens" → [24, ∞)… */
export function claimBounds(value: number, qualifier: Qualifier): ClaimBounds {
  switch (qualifier) {
    case 'exact':
      return { min: value, max: value, figure: value };
    case 'at-least':
      return { min: value, max: Number.POSITIVE_INFINITY, figure: value };
    case 'more-than':
      return { min: value + 1, max: Number.POSITIVE_INFINITY, figure: value };
    case 'nearly':
      return { min: Math.floor(value * 0.9), max: Math.max(0, value - 1), figure: value };
    case 'up-to':
      return { min: 0, max: value, figure: value };
    case 'about':
      return { min: Math.floor(value * 0.85), max: Math.ceil(value * 1.15), figure: value };
    case 'dozens':
      return { min: 24, max: 199, figure: undefined };
    case 'scores':
      return { min: 40, max: 999, figure: undefined };
    case 'hundreds':
      return { min: 200, max: 9999, figure: undefined };
    case 'several':
      return { min: 3, max: 20, figure: undefined };
  }
}

/** Whether two claims can both be true ("216" and "more than 200" can; "31" and "45" cannot). */
export function compatible(a: Pick<Claim, 'value' | 'qualifier'>, b: Pick<Claim, 'value' | 'qualifier'>): boolean {
  const x = claimBounds(a.value, a.qualifier);
  const y = claimBounds(b.value, b.qualifier);
  return x.min <= y.max && y.min <= x.max;
}

type Cell = Omit<Estimate, 'claims'>;

function byTime(a: Claim, b: Claim): number {
  return (a.time ?? '').localeCompare(b.time ?? '') || a.id.localeCompare(b.id);
}

/** One cell from its claims (in time order): the rules of the issue, independent sources before a party's own claims. */
export function estimateOf(claims: readonly Claim[]): Cell | undefined {
  if (claims.length === 0) return undefined;
  const independent = claims.filter((c) => !c.ownClaim);
  // A party's own claim counts only where no independent source speaks.
  const credible = independent.length > 0 ? independent : claims;
  const bounds = credible.map((c) => claimBounds(c.value, c.qualifier));
  const low = Math.min(...bounds.map((b) => b.min));
  const high = Math.max(...bounds.map((b) => b.figure ?? b.min));
  const ordered = [...credible].sort(byTime);
  const exact = ordered.filter((c) => c.qualifier === 'exact');
  let best: number;
  if (exact.length > 0) best = (exact[exact.length - 1] as Claim).value;
  else best = Math.max(...bounds.map((b) => (Number.isFinite(b.max) && b.figure === undefined ? b.min : (b.figure ?? b.min))));
  best = Math.min(Math.max(best, low), Math.max(high, low));
  return { low, best, high: Math.max(high, best) };
}

export interface Reconciliation {
  readonly casualties: Casualties;
  readonly conflicts: readonly ClaimConflict[];
  readonly revisions: readonly Revision[];
  readonly totals: { readonly killed: Cell; readonly injured: Cell };
}

const ZERO: Cell = { low: 0, best: 0, high: 0 };

function add(a: Cell, b: Cell): Cell {
  return { low: a.low + b.low, best: a.best + b.best, high: a.high + b.high };
}

/**
 * Reconciles every claim of one incident. Category cells come from their own claims; "total" claims
 * (people, persons) bound the sum, and what the total holds beyond the named categories goes to
 * `unknown`. Pairs of incompatible claims on one cell are flagged; the estimate after each claim (in
 * time order) is kept as a revision.
 */
export function reconcile(claims: readonly Claim[]): Reconciliation {
  const conflicts: ClaimConflict[] = [];
  const revisions: Revision[] = [];
  const casualties: { killed: CasualtyCells; injured: CasualtyCells } = { killed: {}, injured: {} };
  const totals: { killed: Cell; injured: Cell } = { killed: ZERO, injured: ZERO };
  for (const outcome of ['killed', 'injured'] as const satisfies readonly Outcome[]) {
    const cells: Partial<Record<CasualtyCategory, Estimate>> = {};
    for (const category of [...CASUALTY_CATEGORIES, 'total'] as const) {
      const mine = claims.filter((c) => c.outcome === outcome && c.category === category).sort(byTime);
      if (mine.length === 0) continue;
      for (let i = 0; i < mine.length; i++) {
        for (let j = i + 1; j < mine.length; j++) {
          const a = mine[i] as Claim;
          const b = mine[j] as Claim;
          if (!compatible(a, b)) {
            conflicts.push({
              outcome,
              category,
              claims: [a.id, b.id],
              reason: `${describe(a)} (${a.outlet}) and ${describe(b)} (${b.outlet}) cannot both be true`,
            });
          }
        }
        const so = estimateOf(mine.slice(0, i + 1));
        const at = mine[i] as Claim;
        if (so) revisions.push({ outcome, category, afterClaim: at.id, ...(at.time ? { time: at.time } : {}), estimate: so });
      }
      const cell = estimateOf(mine);
      if (!cell) continue;
      if (category === 'total') {
        const named = CASUALTY_CATEGORIES.filter((k) => k !== 'unknown').reduce<Cell>((s, k) => (cells[k] ? add(s, cells[k]) : s), ZERO);
        const known = cells.unknown ? add(named, cells.unknown) : named;
        const rest: Cell = {
          low: Math.max(0, cell.low - known.low),
          best: Math.max(0, cell.best - known.best),
          high: Math.max(0, cell.high - known.high),
        };
        if (rest.high > 0 || rest.best > 0) {
          const prior = cells.unknown;
          cells.unknown = {
            ...(prior ? add(prior, rest) : rest),
            claims: [...(prior?.claims ?? []), ...mine.map((c) => c.id)],
          };
        }
        if (named.low > 0 && cell.high < named.low && mine.every((c) => claimBounds(c.value, c.qualifier).max < named.low)) {
          conflicts.push({
            outcome,
            category,
            claims: [mine[0]?.id ?? '', mine[mine.length - 1]?.id ?? ''],
            reason: `the total (${cell.high}) is below the sum of the categories (${named.low})`,
          });
        }
      } else {
        cells[category] = { ...cell, claims: mine.map((c) => c.id) };
      }
    }
    casualties[outcome] = cells;
    totals[outcome] = Object.values(cells).reduce<Cell>((s, e) => (e ? add(s, e) : s), ZERO);
  }
  return { casualties, conflicts, revisions, totals };
}

function describe(c: Claim): string {
  const q = c.qualifier === 'exact' ? '' : `${c.qualifier.replace('-', ' ')} `;
  return `${q}${c.value} ${c.category} ${c.outcome}`;
}
