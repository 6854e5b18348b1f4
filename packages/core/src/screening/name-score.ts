/** Scores a query name against a list name: best token assignment, rarity weights, unmatched-token costs, order. */

import { canonicalToken, type NameToken, skeleton, spellingFold } from '../names/index.js';
import { type TokenMatchKind, type TokenSimilarity, tokenSimilarity } from './token-similarity.js';

export interface WeightedToken {
  readonly token: NameToken;
  readonly weight: number;
  /** Vocabulary id of a list token (keys the per-query similarity cache). */
  readonly id?: number;
}

export interface AlignedPair {
  readonly query: string;
  readonly name: string;
  readonly sim: number;
  readonly kind: TokenMatchKind;
  readonly weight: number;
}

export interface NameScore {
  readonly score: number;
  readonly pairs: readonly AlignedPair[];
  readonly unmatchedQuery: readonly string[];
  readonly unmatchedName: readonly string[];
  /** The matched tokens appear in another order than the query's (a reversed first/last name). */
  readonly reordered: boolean;
  /** Only generic words or particles matched: capped, never a strong match. */
  readonly genericOnly: boolean;
}

/** The knobs of the name score; every one is documented in docs/screening.md. */
export interface NameScoreConfig {
  /** Share of an unmatched list token's weight charged (a middle name the query lacks costs less than an extra query word). */
  readonly unmatchedNameCost: number;
  /** Share of an unmatched query token's weight charged. */
  readonly unmatchedQueryCost: number;
  /** Factor on the cost of an unmatched token standing between matched ones (a middle name). */
  readonly middleFactor: number;
  /** Share charged for an unmatched weak token (a title after the name, "SA" with no schema, "Jr"). */
  readonly weakCost: number;
  /** Factor for an alignment whose tokens appear in another order. */
  readonly reorderFactor: number;
  /** Cap for a name where only generic words (Trading, General…) agree. */
  readonly genericOnlyCap: number;
  /** Factor when each name holds a number the other lacks. */
  readonly numberConflictFactor: number;
  /** Credit of an initial against the full name it abbreviates, as a share of that name's weight… */
  readonly initialCredit: number;
  /** …and at most this much: one letter confirms little of a rare name. */
  readonly initialCreditMax: number;
}

export const DEFAULT_NAME_SCORE: NameScoreConfig = Object.freeze({
  unmatchedNameCost: 0.55,
  unmatchedQueryCost: 1,
  middleFactor: 0.6,
  weakCost: 0.15,
  reorderFactor: 0.9,
  genericOnlyCap: 0.5,
  numberConflictFactor: 0.7,
  initialCredit: 0.6,
  initialCreditMax: 2.5,
});

const MAX_TOKENS = 12;
const hasDigit = (t: string): boolean => /[0-9]/.test(t);

/**
 * The credit a pair of this similarity earns: close spellings keep their similarity, looser ones lose
 * faster than linearly (two names at 0.8 are as often different people as the same one).
 */
export function credit(sim: number): number {
  return sim >= 0.9 ? sim : Math.max(0, sim - 2 * (0.9 - sim));
}

interface Side {
  tokens: WeightedToken[];
  /** Original positions (after joins), for the order check. */
  pos: number[];
  /** True where two written tokens were joined into one. */
  joined: boolean[];
}

function plain(side: readonly WeightedToken[]): Side {
  return { tokens: side as WeightedToken[], pos: side.map((_, i) => i), joined: side.map(() => false) };
}

function joinSide(side: readonly WeightedToken[], other: readonly WeightedToken[]): Side {
  // "Binladen" vs "Bin Laden", "Ramimakhlouf" vs "Rami Makhlouf": two adjacent tokens whose concatenation
  // is close to a token of the other side become one token, scored as that concatenation.
  if (side.length < 2) return plain(side);
  let out: Side | undefined;
  for (let i = 0; i < side.length; i++) {
    const a = side[i] as WeightedToken;
    const b = side[i + 1];
    if (b !== undefined && !a.token.initial && !b.token.initial && a.token.abjad === b.token.abjad) {
      const joined = a.token.text + b.token.text;
      let hit = false;
      // Most pairs have no token of about their joined length on the other side: decide that before building a probe.
      let near = false;
      if (joined.length >= 5) {
        for (const o of other) {
          if (!o.token.initial && Math.abs(o.token.text.length - joined.length) <= 2) {
            near = true;
            break;
          }
        }
      }
      if (near) {
        const probe: NameToken = {
          ...a.token,
          text: joined,
          canon: canonicalToken(joined),
          skel: skeleton(joined),
          fold: spellingFold(joined),
          particle: false,
          generic: false,
          weak: false,
          legal: false,
        };
        for (const o of other) {
          if (o.token.initial || Math.abs(o.token.text.length - joined.length) > 2) continue;
          if (o.token.text === joined || o.token.canon === probe.canon) {
            hit = true;
            break;
          }
          // A near join only when neither half alone is the better match (not "Comercializadora de" for "Comercializadora").
          if (
            !a.token.particle &&
            !b.token.particle &&
            tokenSimilarity(probe, o.token).sim >= 0.9 &&
            tokenSimilarity(a.token, o.token).sim < 0.85 &&
            tokenSimilarity(b.token, o.token).sim < 0.85
          ) {
            hit = true;
            break;
          }
        }
        if (hit) {
          out ??= {
            tokens: side.slice(0, i) as WeightedToken[],
            pos: side.slice(0, i).map((_, k) => k),
            joined: side.slice(0, i).map(() => false),
          };
          out.tokens.push({ token: probe, weight: Math.max(a.weight, b.weight) });
          out.pos.push(i);
          out.joined.push(true);
          i++;
          continue;
        }
      }
    }
    if (out) {
      out.tokens.push(a);
      out.pos.push(i);
      out.joined.push(false);
    }
  }
  return out ?? plain(side);
}

interface Cand {
  i: number;
  j: number;
  sim: number;
  kind: TokenMatchKind;
}

/**
 * Aligns query tokens to name tokens greedily by similarity (optimal for the few tokens of a name in
 * practice), then: score = Σ credit(sim)·w / (Σ w + Σ unmatched query w + 0.55 · Σ unmatched name w),
 * where w is the mean weight of a pair (an initial: the full name's weight, credited 0.6). Weak tokens
 * (titles, ambiguous legal forms) cost 0.15 of their weight when unmatched; an unmatched "abd" costs as
 * much as the name it opens. A reordered alignment loses 10 %; generic-only matches are capped at 0.5.
 */
export function scoreNames(
  query: readonly WeightedToken[],
  name: readonly WeightedToken[],
  cache?: Map<number, TokenSimilarity>,
  config: NameScoreConfig = DEFAULT_NAME_SCORE,
  /** The list name belongs to an organisation: ambiguous legal forms in the query ("SA") are weak. */
  organization = true,
): NameScore {
  const q0 = query.length > MAX_TOKENS ? query.slice(0, MAX_TOKENS) : query;
  const n0 = name.length > MAX_TOKENS ? name.slice(0, MAX_TOKENS) : name;
  const qs = joinSide(q0, n0);
  const ns = joinSide(n0, qs.tokens);
  const Q = qs.tokens;
  const N = ns.tokens;
  const cand: Cand[] = [];
  for (let i = 0; i < Q.length; i++) {
    const qt = (Q[i] as WeightedToken).token;
    const qJoined = qs.joined[i] as boolean;
    for (let j = 0; j < N.length; j++) {
      const nw = N[j] as WeightedToken;
      const nt = nw.token;
      let s: TokenSimilarity | undefined;
      const id = nw.id;
      if (cache && id !== undefined && !qJoined && !(ns.joined[j] as boolean) && i < 16) {
        // One query meets the same list tokens in many candidates: remember each pair's similarity.
        const key = (id * 16 + i) * 2 + (nt.abjad ? 1 : 0);
        s = cache.get(key);
        if (s === undefined) {
          s = tokenSimilarity(qt, nt);
          cache.set(key, s);
        }
      } else s = tokenSimilarity(qt, nt);
      if (s.sim <= 0) continue;
      if (qJoined || (ns.joined[j] as boolean)) s = { sim: Math.min(s.sim, 0.95), kind: 'joined' };
      if (s.kind === 'initial' || credit(s.sim) >= 0.3) cand.push({ i, j, sim: s.sim, kind: s.kind });
    }
  }
  // Highest similarity first; on ties the pair that keeps the query's order.
  cand.sort((x, y) => y.sim - x.sim || Math.abs(x.i - x.j) - Math.abs(y.i - y.j));
  const usedQ = new Uint8Array(Q.length);
  const usedN = new Uint8Array(N.length);
  const pairs: AlignedPair[] = [];
  const order: { qi: number; nj: number }[] = [];
  let num = 0;
  let den = 0;
  let strong = 0;
  for (const c of cand) {
    if (usedQ[c.i] || usedN[c.j]) continue;
    usedQ[c.i] = 1;
    usedN[c.j] = 1;
    const q = Q[c.i] as WeightedToken;
    const n = N[c.j] as WeightedToken;
    let w: number;
    let got: number;
    if (c.kind === 'initial') {
      // An initial confirms one letter of a name: the name's weight is at stake, most of it unverified.
      const full = q.token.initial ? n : q;
      w = full.token.weak ? full.weight * config.weakCost : full.weight;
      got = Math.min(config.initialCredit * w, config.initialCreditMax);
    } else {
      w = (q.weight + n.weight) / 2;
      got = credit(c.sim) * w;
    }
    num += got;
    den += w;
    if (!q.token.generic && !q.token.particle && !n.token.generic && !n.token.particle && !q.token.weak) strong += got;
    pairs.push({ query: q.token.text, name: n.token.text, sim: c.sim, kind: c.kind, weight: w });
    order.push({ qi: qs.pos[c.i] as number, nj: ns.pos[c.j] as number });
  }
  const unmatchedQuery: string[] = [];
  const unmatchedName: string[] = [];
  // A token between two matched ones is a middle name one side left out: it costs less than one before or after.
  const [qFirst, qLast] = span(usedQ);
  const [nFirst, nLast] = span(usedN);
  for (let i = 0; i < Q.length; i++) {
    if (usedQ[i]) continue;
    const middle = i > qFirst && i < qLast ? config.middleFactor : 1;
    den += unmatchedCost(Q, i, usedQ, config, organization) * config.unmatchedQueryCost * middle;
    unmatchedQuery.push((Q[i] as WeightedToken).token.text);
  }
  for (let j = 0; j < N.length; j++) {
    if (usedN[j]) continue;
    const middle = j > nFirst && j < nLast ? config.middleFactor : 1;
    den += unmatchedCost(N, j, usedN, config, organization) * config.unmatchedNameCost * middle;
    unmatchedName.push((N[j] as WeightedToken).token.text);
  }
  let score = den > 0 ? num / den : 0;
  // Two different numbers (Snow Storm 1 / Snow Storm 2, Brigade 44 / Brigade 45) name different things.
  if (unmatchedQuery.some(hasDigit) && unmatchedName.some(hasDigit)) score *= config.numberConflictFactor;
  order.sort((a, b) => a.qi - b.qi);
  let reordered = false;
  for (let k = 1; k < order.length; k++) if ((order[k] as { nj: number }).nj < (order[k - 1] as { nj: number }).nj) reordered = true;
  if (reordered) score *= config.reorderFactor;
  // Generic words (Trading, General, Industries) agreeing alone never make a strong match, unless they
  // are the whole of both names ("Industrial Solutions" = "Industrial Solutions").
  const complete = unmatchedQuery.length === 0 && unmatchedName.length === 0;
  const genericOnly = pairs.length > 0 && strong === 0 && !complete;
  if (genericOnly) score = Math.min(score, config.genericOnlyCap);
  return { score, pairs, unmatchedQuery, unmatchedName, reordered, genericOnly };
}

function span(used: Uint8Array): [number, number] {
  let first = -1;
  let last = -1;
  for (let k = 0; k < used.length; k++) {
    if (!used[k]) continue;
    if (first < 0) first = k;
    last = k;
  }
  return [first, last];
}

/** The weight an unmatched token costs: little for a weak word, the compound's weight for a lone "abd". */
function unmatchedCost(
  side: readonly WeightedToken[],
  k: number,
  used: Uint8Array,
  config: NameScoreConfig,
  organization: boolean,
): number {
  const t = side[k] as WeightedToken;
  if (t.token.weak && (organization || !t.token.legal)) return t.weight * config.weakCost;
  if (t.token.text === 'abd') {
    // "Abdul Rahman" is not "Rahman": a missing abd- changes the name it belongs to.
    const next = side[k + 1];
    if (next !== undefined && used[k + 1]) return Math.max(t.weight, next.weight);
  }
  return t.weight;
}
