/**
 * The eight laundering patterns of AMLworld (Altman et al., 2023) and IBM AMLSim as edge lists over member
 * slots: fan-in, fan-out, gather-scatter, scatter-gather, cycle, random (a layering walk), bipartite and stack.
 * Two paces: `burst` — the AMLworld way, each step following the one it depends on within hours, amounts
 * jittered and fees coming off relays; `spread` — the AMLSim way, one amount with cents for the whole pattern
 * and every transfer at its own random time across the span, in no order.
 */

export const LAUNDERING_PATTERN_TYPES = [
  'fan_in',
  'fan_out',
  'gather_scatter',
  'scatter_gather',
  'cycle',
  'random',
  'bipartite',
  'stack',
] as const;
export type LaunderingPatternType = (typeof LAUNDERING_PATTERN_TYPES)[number];

export type PatternPace = 'burst' | 'spread';

/** One transfer of a pattern between member slots, `offset` seconds after the pattern starts. */
export interface PatternEdge {
  readonly from: number;
  readonly to: number;
  readonly amount: number;
  readonly offset: number;
}

export interface PatternShape {
  /** Member slots used: edges refer to 0 … members − 1. */
  readonly members: number;
  readonly edges: readonly PatternEdge[];
}

const HOUR = 3_600;

/** Cents, never a whole amount: launderers' amounts follow the money, not a price list. */
function cents(x: number): number {
  const v = Math.round(x * 100) / 100;
  return Number.isInteger(v) ? v + 0.37 : v;
}

/**
 * Builds one pattern instance. `base` is the typical amount of one transfer; `spreadSeconds` is how long a
 * `spread` pattern may take (a `burst` pattern stays within about two days whatever it is).
 */
export function patternShape(
  type: LaunderingPatternType,
  pace: PatternPace,
  rand: () => number,
  base: number,
  spreadSeconds: number,
): PatternShape {
  const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
  const fixed = cents(base);
  const edges: PatternEdge[] = [];
  // Burst: `at` is the causal time in hours; spread: anywhere in the span, the same amount every time.
  const add = (from: number, to: number, amount: number, at: number): void => {
    if (pace === 'spread') edges.push({ from, to, amount: fixed, offset: Math.floor(rand() * spreadSeconds) });
    else edges.push({ from, to, amount: cents(amount * (0.97 + rand() * 0.06)), offset: Math.floor(at * HOUR) });
  };
  let members = 0;
  switch (type) {
    case 'fan_in':
    case 'fan_out': {
      const k = int(5, 12);
      for (let i = 1; i <= k; i++) {
        const at = rand() * 24;
        if (type === 'fan_in') add(i, 0, base, at);
        else add(0, i, base, at);
      }
      members = k + 1;
      break;
    }
    case 'gather_scatter': {
      const k = int(5, 9);
      const m = int(5, 8);
      for (let i = 1; i <= k; i++) add(i, 0, base, rand() * 12);
      for (let j = 1; j <= m; j++) add(0, k + j, (base * k * 0.95) / m, 13 + rand() * 6);
      members = k + m + 1;
      break;
    }
    case 'scatter_gather': {
      const k = int(3, 7);
      for (let i = 1; i <= k; i++) {
        const at = rand() * 6;
        add(0, i, base, at);
        add(i, k + 1, base * 0.98, at + 1 + rand() * 8);
      }
      members = k + 2;
      break;
    }
    case 'cycle': {
      const n = int(3, 6);
      let amount = base * 3;
      let at = 0;
      for (let i = 0; i < n; i++) {
        add(i, (i + 1) % n, amount, at);
        at += 1 + rand() * 5;
        amount *= 0.98;
      }
      members = n;
      break;
    }
    case 'random': {
      const n = int(4, 7);
      let amount = base * 3;
      let at = 0;
      for (let i = 0; i < n; i++) {
        add(i, i + 1, amount, at);
        at += 1 + rand() * 4;
        amount *= 0.98;
      }
      members = n + 1;
      break;
    }
    case 'bipartite': {
      const a = int(3, 5);
      const b = int(3, 5);
      for (let i = 0; i < a; i++) for (let j = 0; j < b; j++) if (j === i % b || rand() < 0.85) add(i, a + j, base, rand() * 24);
      members = a + b;
      break;
    }
    case 'stack': {
      // Two bipartite layers on top of each other: senders → middle layer → receivers.
      const widths = [int(2, 4), int(2, 4), int(2, 4)] as const;
      const start = [0, widths[0], widths[0] + widths[1]] as const;
      for (let l = 0; l < 2; l++) {
        const at0 = l * 10;
        for (let i = 0; i < (widths[l] as number); i++) {
          for (let j = 0; j < (widths[l + 1] as number); j++) {
            if (j !== i % (widths[l + 1] as number) && rand() >= 0.85) continue;
            add((start[l] as number) + i, (start[l + 1] as number) + j, base / (1 + 0.02 * l), at0 + rand() * 8);
          }
        }
      }
      members = widths[0] + widths[1] + widths[2];
      break;
    }
  }
  return { members, edges };
}
