/** Screens a query against a ScreeningIndex: candidate retrieval, name scoring, feature evidence, bands, explanations. */

import type { ErrorLocation } from '../model/errors.js';
import type { Schema } from '../model/entity.js';
import { COMMON_GIVEN, makeToken, type NameToken, parseName, WEAK_PARTICLES } from '../names/index.js';
import { type FeatureContribution, compareBirthDates, compareCountries, compareGender, schemasCompatible } from './entity-features.js';
import { type NameScore, scoreNames, type WeightedToken } from './name-score.js';
import { NAME_ABJAD, NAME_WEAK, type ScreeningIndex, tokenWeight } from './screening-index.js';
import { type PreparedQuery, type ScreeningQuery, prepareQuery } from './screening-query.js';
import { abjadAlternatives, type TokenSimilarity, tokenSimilarity } from './token-similarity.js';

export type Band = 'match' | 'review' | 'no_match';

export interface Thresholds {
  /** Score at or above which a candidate is a match (default 0.85). */
  readonly match: number;
  /** Score at or above which a candidate goes to review (default 0.70). */
  readonly review: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = Object.freeze({ match: 0.85, review: 0.7 });

export interface Explanation {
  readonly name: {
    readonly query: string;
    readonly matched: string;
    readonly score: number;
    readonly pairs: NameScore['pairs'];
    readonly unmatchedQuery: readonly string[];
    readonly unmatchedName: readonly string[];
    readonly reordered: boolean;
    readonly genericOnly: boolean;
    readonly weakAlias: boolean;
  };
  readonly features: readonly FeatureContribution[];
}

export interface ScreeningMatch {
  readonly entityId: string;
  readonly entityIndex: number;
  readonly source: string;
  readonly sourceId: string;
  readonly schema: Schema;
  /** The entity's primary name. */
  readonly name: string;
  readonly score: number;
  readonly band: Band;
  readonly explanation: Explanation;
}

export interface ScreenOptions {
  readonly limit?: number;
  readonly thresholds?: Thresholds;
  /** Include no_match candidates too (for explanations and evaluation). */
  readonly includeNoMatch?: boolean;
}

const WEAK_ALIAS_FACTOR = 0.92;
const MIN_TOKEN_SIM = 0.75;
const MAX_CANDIDATES = 50;
const CACHE_LIMIT = 100_000;

export function bandOf(score: number, t: Thresholds = DEFAULT_THRESHOLDS): Band {
  return score >= t.match ? 'match' : score >= t.review ? 'review' : 'no_match';
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

interface TokenHits {
  readonly ids: Int32Array;
  readonly sims: Float32Array;
  /** ids[0, direct) are spellings of the token itself; the rest are halves of a joined token. */
  readonly direct: number;
}

/**
 * The matcher over one index. Holds per-thread scratch buffers and a cache of token lookups, so a
 * query allocates little; cost grows with the candidates a query's tokens retrieve, not the list size.
 */
export class Screener {
  readonly index: ScreeningIndex;
  readonly #acc: Float32Array;
  readonly #touched: Int32Array;
  // Per query token: the best evidence each name got from it, and which token last touched the name.
  readonly #best: Float32Array;
  readonly #mark: Int32Array;
  readonly #planTouched: Int32Array;
  #planSeq = 0;
  readonly #cache = new Map<string, TokenHits>();
  /** A token posted on more names than this is used to rank candidates, not to find them. */
  readonly #commonCap: number;

  constructor(index: ScreeningIndex) {
    this.index = index;
    this.#acc = new Float32Array(index.nNames);
    this.#touched = new Int32Array(index.nNames);
    this.#best = new Float32Array(index.nNames);
    this.#mark = new Int32Array(index.nNames);
    this.#planTouched = new Int32Array(index.nNames);
    // 2,000 for the official lists (tens of thousands of names); 0.5 % of the names in a million-name index,
    // where scanning a common given name's postings would cost more than the rest of the query.
    this.#commonCap = Math.max(2000, Math.floor(index.nNames / 200));
  }

  /** Vocabulary tokens close to a query token, with their similarity (exact, one edit, skeleton, split). */
  tokenHits(t: NameToken): TokenHits {
    const key = t.abjad ? `\u0001${t.text}` : t.text;
    const cached = this.#cache.get(key);
    if (cached) return cached;
    const idx = this.index;
    const cands = new Set<number>();
    idx.nearVocab(t.text, cands);
    for (const v of idx.canonVocab(t.canon)) cands.add(v);
    if (!t.abjad && t.fold.length >= 3) idx.foldVocab(t.fold, cands);
    if (t.canon !== t.text) {
      const c = idx.vocabId(t.canon);
      if (c !== undefined) cands.add(c);
    }
    if (t.skel.length >= 2) {
      const sk = idx.skeletonVocab(t.skel);
      if (t.abjad) for (const v of sk) cands.add(v);
      else if (sk.length <= 400) {
        // within Latin a shared skeleton only counts for spellings of about the same length (Tyler / Taylor)
        const len = t.text.length;
        for (const v of sk) if (Math.abs(idx.vocab(v).length - len) <= 1) cands.add(v);
      }
      if (t.abjad) for (const alt of abjadAlternatives(t.skel)) for (const v of idx.skeletonVocab(alt)) cands.add(v);
    }
    const ids: number[] = [];
    const sims: number[] = [];
    for (const v of cands) {
      const s = tokenSimilarity(t, (idx.vocabTokens[v] as { token: NameToken }).token);
      if (s.sim >= MIN_TOKEN_SIM) {
        ids.push(v);
        sims.push(s.sim);
      }
    }
    // Nothing within one edit or by sound: a token with two typos still shares its first letters (Industrh / Industries).
    if (ids.length === 0 && !t.abjad && t.text.length >= 6) {
      for (const v of idx.prefixVocab(t.text.slice(0, 3), t.text.length, 2, 200)) {
        const s = tokenSimilarity(t, (idx.vocabTokens[v] as { token: NameToken }).token);
        if (s.sim >= MIN_TOKEN_SIM) {
          ids.push(v);
          sims.push(s.sim);
        }
      }
    }
    const direct = ids.length;
    // A joined query token ("binladen") finds the names holding both halves.
    if (t.text.length >= 6 && !t.abjad) {
      for (let i = 2; i <= t.text.length - 2; i++) {
        const a = idx.vocabId(t.text.slice(0, i));
        const b = idx.vocabId(t.text.slice(i));
        if (a !== undefined && b !== undefined) {
          ids.push(a, b);
          sims.push(0.9, 0.9);
        }
      }
    }
    const hits = { ids: Int32Array.from(ids), sims: Float32Array.from(sims), direct };
    if (this.#cache.size >= CACHE_LIMIT) this.#cache.clear();
    this.#cache.set(key, hits);
    return hits;
  }

  /** List tokens spelled as two query words written together: exact (or, from Arabic script, by skeleton). */
  joinedHits(text: string, abjad: boolean): TokenHits | undefined {
    const key = `\u0002${abjad ? '\u0001' : ''}${text}`;
    const cached = this.#cache.get(key);
    if (cached) return cached.direct > 0 ? cached : undefined;
    const idx = this.index;
    const ids: number[] = [];
    const sims: number[] = [];
    const exact = idx.vocabId(text);
    if (exact !== undefined) {
      ids.push(exact);
      sims.push(1);
    }
    if (abjad) {
      const t = makeToken(text, text, true);
      for (const v of idx.skeletonVocab(t.skel)) {
        const s = tokenSimilarity(t, (idx.vocabTokens[v] as { token: NameToken }).token);
        if (s.sim >= MIN_TOKEN_SIM) {
          ids.push(v);
          sims.push(s.sim);
        }
      }
    }
    const hits = { ids: Int32Array.from(ids), sims: Float32Array.from(sims), direct: ids.length };
    if (this.#cache.size >= CACHE_LIMIT) this.#cache.clear();
    this.#cache.set(key, hits);
    return hits.direct > 0 ? hits : undefined;
  }

  /** The weighted tokens of a query: vocabulary weight where known, else the weight of the list token it most resembles. */
  queryTokens(tokens: readonly NameToken[]): WeightedToken[] {
    const vt = this.index.vocabTokens;
    return tokens.map((t) => {
      const v = this.index.vocabId(t.text) ?? this.index.vocabId(t.canon) ?? this.index.canonVocab(t.canon)[0];
      if (v !== undefined && !t.abjad) return { token: t, weight: (vt[v] as { weight: number }).weight };
      if (t.particle) return { token: t, weight: tokenWeight(t.canon, this.index.nNames, this.index.nNames) };
      if (t.initial) return { token: t, weight: 1 };
      // An unknown spelling (typo, other script) weighs what the list token it most resembles weighs;
      // a word like no listed one is rare.
      const hits = this.tokenHits(t);
      let w = this.index.maxWeight * 0.8;
      let best = 0;
      for (let k = 0; k < hits.direct; k++) {
        // only a close spelling (a typo, the same name in another script) lends its weight: Korpela is not Korea
        if ((hits.sims[k] as number) > best && (hits.sims[k] as number) >= 0.88) {
          best = hits.sims[k] as number;
          w = (vt[hits.ids[k] as number] as { weight: number }).weight;
        }
      }
      if (t.weak) w = Math.min(w, 1);
      return { token: t, weight: w };
    });
  }

  nameTokens(n: number): WeightedToken[] {
    const abjad = ((this.index.data.nameFlags[n] as number) & NAME_ABJAD) !== 0;
    const out: WeightedToken[] = [];
    for (const v of this.index.nameTokens(n)) {
      const vt = this.index.vocabTokens[v] as { token: NameToken; abjadToken: NameToken; weight: number };
      out.push({ token: abjad ? vt.abjadToken : vt.token, weight: vt.weight, id: v });
    }
    return out;
  }

  /** Candidate names for a query, best first by accumulated token evidence. */
  candidates(q: readonly WeightedToken[]): number[] {
    const acc = this.#acc;
    const touched = this.#touched;
    const { postStart, postNames } = this.index.data;
    let nTouched = 0;
    let total = 0;
    const deferred: { hits: TokenHits; w: number }[] = [];
    const searchable = q.filter((w) => !w.token.particle && !w.token.initial);
    let rarest: { hits: TokenHits; w: number; size: number } | undefined;
    const plans: { hits: TokenHits; w: number; size: number }[] = [];
    const plan = (hits: TokenHits, w: number) => {
      let size = 0;
      for (const v of hits.ids) size += (postStart[v + 1] as number) - (postStart[v] as number);
      const p = { hits, w, size };
      plans.push(p);
      if (!rarest || size < rarest.size) rarest = p;
    };
    for (const wt of searchable) {
      total += wt.weight * (wt.token.weak ? 0.15 : 1);
      plan(this.tokenHits(wt.token), wt.weight);
    }
    // Two query words the list writes as one ("Kaka Zada" / KAKAZADA, "Wali Jan" / WALIJAN).
    for (let i = 0; i + 1 < q.length; i++) {
      const a = (q[i] as WeightedToken).token;
      const b = (q[i + 1] as WeightedToken).token;
      if (a.initial || b.initial || a.text.length + b.text.length < 5) continue;
      const joined = this.joinedHits(a.text + b.text, a.abjad);
      if (joined) plan(joined, Math.max((q[i] as WeightedToken).weight, (q[i + 1] as WeightedToken).weight));
    }
    const best = this.#best;
    const mark = this.#mark;
    const planTouched = this.#planTouched;
    let planId = ++this.#planSeq;
    for (const p of plans) {
      if (p.size > this.#commonCap && p !== rarest) {
        deferred.push(p);
        continue;
      }
      // The best evidence per query token: a name holding "Ahmad" twice gains once.
      let nPlan = 0;
      for (let k = 0; k < p.hits.ids.length; k++) {
        const v = p.hits.ids[k] as number;
        const add = (p.hits.sims[k] as number) * p.w;
        for (let x = postStart[v] as number; x < (postStart[v + 1] as number); x++) {
          const n = postNames[x] as number;
          if (mark[n] !== planId) {
            mark[n] = planId;
            best[n] = add;
            planTouched[nPlan++] = n;
          } else if (add > (best[n] as number)) best[n] = add;
        }
      }
      for (let t = 0; t < nPlan; t++) {
        const n = planTouched[t] as number;
        if (acc[n] === 0) touched[nTouched++] = n;
        acc[n] = (acc[n] as number) + (best[n] as number);
      }
      planId = ++this.#planSeq;
    }
    // Common tokens only add to names already found.
    if (deferred.length > 0) {
      const sets = deferred.map((d) => {
        const m = new Map<number, number>();
        for (let k = 0; k < d.hits.ids.length; k++) m.set(d.hits.ids[k] as number, (d.hits.sims[k] as number) * d.w);
        return m;
      });
      for (let t = 0; t < nTouched; t++) {
        const n = touched[t] as number;
        const toks = this.index.nameTokens(n);
        for (const m of sets) {
          let b = 0;
          for (const v of toks) {
            const a = m.get(v);
            if (a !== undefined && a > b) b = a;
          }
          acc[n] = (acc[n] as number) + b;
        }
      }
    }
    // A name holding less than this share of the query's weight cannot reach review (score ≥ 0.7 needs
    // about 0.7 of it matched); scoring it would only cost time.
    const floor = total * 0.5;
    const out = topCandidates(acc, touched, nTouched, floor, MAX_CANDIDATES);
    for (let t = 0; t < nTouched; t++) acc[touched[t] as number] = 0;
    return out;
  }

  /** Screens one query. Throws SCREEN_QUERY_INVALID for input it cannot screen. */
  screen(query: ScreeningQuery, options: ScreenOptions = {}, where: ErrorLocation = {}): ScreeningMatch[] {
    return this.screenPrepared(prepareQuery(query, where), options);
  }

  screenPrepared(p: PreparedQuery, options: ScreenOptions = {}): ScreeningMatch[] {
    const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
    const limit = options.limit ?? 10;
    const data = this.index.data;
    const q = this.queryTokens(p.parsed.tokens);
    const best = new Map<number, { name: number; s: NameScore; score: number }>();
    if (q.length > 0) {
      const simCache = new Map<number, TokenSimilarity>();
      for (const n of this.candidates(q)) {
        const e = data.nameEntity[n] as number;
        const s = scoreNames(q, this.nameTokens(n), simCache, undefined, (data.entities[e] as { schema: string }).schema !== 'Person');
        let score = s.score;
        if (((data.nameFlags[n] as number) & NAME_WEAK) !== 0) score *= WEAK_ALIAS_FACTOR;
        const prev = best.get(e);
        if (!prev || score > prev.score) best.set(e, { name: n, s, score });
      }
    }
    const idHits = new Set<number>();
    for (const id of p.identifiers) for (const e of this.index.entitiesWithIdentifier(id)) idHits.add(e);
    for (const e of idHits) if (!best.has(e)) best.set(e, { name: -1, s: emptyScore(), score: 0 });

    const results: ScreeningMatch[] = [];
    for (const [e, b] of best) {
      if (b.score < thresholds.review - 0.35 && !idHits.has(e)) continue;
      const ent = data.entities[e];
      if (!ent) continue;
      const features: FeatureContribution[] = [];
      if (p.query.schema !== undefined && !schemasCompatible(p.query.schema, ent.schema)) {
        features.push({ feature: 'schema', contribution: -0.3, detail: `${p.query.schema} query, ${ent.schema} listed` });
      }
      if (p.birthDate && ent.schema !== 'Vessel') {
        const f = compareBirthDates(p.birthDate, ent.birthDates);
        if (f) features.push(f);
      }
      if (p.query.country !== undefined) {
        const f = compareCountries(p.query.country, ent.countries);
        if (f) features.push(f);
      }
      if (p.query.gender !== undefined) {
        const f = compareGender(p.query.gender, ent.gender);
        if (f) features.push(f);
      }
      const legalQ = p.parsed.legalForms;
      const legalN = b.name >= 0 ? (data.nameLegal[b.name] ?? '') : '';
      if (legalQ.length > 0 && legalN !== '') {
        const shared = legalQ.some((l) => legalN.split(' ').includes(l));
        features.push({
          feature: 'legal_form',
          contribution: shared ? 0.01 : -0.02,
          detail: shared ? `legal form ${legalN}` : `${legalQ.join(' ')} vs ${legalN}`,
        });
      }
      let score = b.score;
      for (const f of features) score += f.contribution;
      if (idHits.has(e)) {
        features.push({ feature: 'identifier', contribution: 0.35, detail: 'identifier number equal' });
        // An IMO, MMSI or tail number names one hull or airframe: equal, it is the same vessel whatever the name
        // says now (vessels are renamed). A person's number confirms a name that agrees, else asks for review.
        const unique = ent.schema === 'Vessel' || ent.schema === 'Aircraft';
        score = unique || b.score >= 0.5 ? Math.max(score + 0.35, 0.95) : Math.max(score + 0.35, thresholds.review);
      }
      score = round(Math.min(1, Math.max(0, score)));
      const band = bandOf(score, thresholds);
      if (band === 'no_match' && !options.includeNoMatch) continue;
      results.push({
        entityId: ent.id,
        entityIndex: e,
        source: ent.list,
        sourceId: ent.sourceId,
        schema: ent.schema,
        name: ent.name,
        score,
        band,
        explanation: {
          name: {
            query: p.parsed.normalized,
            matched: b.name >= 0 ? (data.nameText[b.name] ?? '') : '',
            score: round(b.score),
            pairs: b.s.pairs.map((x) => ({ ...x, sim: round(x.sim), weight: round(x.weight) })),
            unmatchedQuery: b.s.unmatchedQuery,
            unmatchedName: b.s.unmatchedName,
            reordered: b.s.reordered,
            genericOnly: b.s.genericOnly,
            weakAlias: b.name >= 0 && ((data.nameFlags[b.name] as number) & NAME_WEAK) !== 0,
          },
          features,
        },
      });
    }
    results.sort((a, b) => b.score - a.score || a.entityId.localeCompare(b.entityId));
    if (results.length > limit) results.length = limit;
    return results;
  }
}

/**
 * The `k` names with the most evidence (at least `floor`), best first; equal evidence keeps the order
 * names were first touched. A bounded heap, not a sort: a query of common tokens touches tens of
 * thousands of names in a large index and only the best 50 are scored.
 */
function topCandidates(acc: Float32Array, touched: Int32Array, nTouched: number, floor: number, k: number): number[] {
  // Heap entries are positions in `touched`; the root is the worst kept (least evidence, latest touched).
  const heap: number[] = [];
  const worse = (a: number, b: number): boolean => {
    const va = acc[touched[a] as number] as number;
    const vb = acc[touched[b] as number] as number;
    return va < vb || (va === vb && a > b);
  };
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && worse(heap[l] as number, heap[m] as number)) m = l;
      if (r < heap.length && worse(heap[r] as number, heap[m] as number)) m = r;
      if (m === i) return;
      const tmp = heap[i] as number;
      heap[i] = heap[m] as number;
      heap[m] = tmp;
      i = m;
    }
  };
  for (let t = 0; t < nTouched; t++) {
    if ((acc[touched[t] as number] as number) < floor) continue;
    if (heap.length < k) {
      heap.push(t);
      let i = heap.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!worse(heap[i] as number, heap[parent] as number)) break;
        const tmp = heap[i] as number;
        heap[i] = heap[parent] as number;
        heap[parent] = tmp;
        i = parent;
      }
    } else if (worse(heap[0] as number, t)) {
      heap[0] = t;
      down(0);
    }
  }
  heap.sort((a, b) => (worse(a, b) ? 1 : worse(b, a) ? -1 : 0));
  return heap.map((t) => touched[t] as number);
}

function emptyScore(): NameScore {
  return { score: 0, pairs: [], unmatchedQuery: [], unmatchedName: [], reordered: false, genericOnly: false };
}

export interface PairComparison {
  readonly score: number;
  readonly band: Band;
  readonly name: NameScore;
}

/**
 * Compares two names without an index (`argus compare`): token weights from a neutral prior — rarer-
 * looking (longer) tokens weigh more, particles and generic words little.
 */
export function compareNames(a: string, b: string, schema?: Schema, thresholds: Thresholds = DEFAULT_THRESHOLDS): PairComparison {
  const style = schema === 'Person' ? 'person' : schema === undefined || schema === 'LegalEntity' ? 'any' : 'organization';
  const weigh = (t: NameToken): WeightedToken => ({
    token: t,
    weight: t.particle
      ? WEAK_PARTICLES.has(t.canon)
        ? 0.5
        : 0.1
      : t.weak || t.generic
        ? 1
        : t.initial
          ? 1.5
          : COMMON_GIVEN.has(t.canon)
            ? 1.5
            : Math.min(6, 2 + t.text.length * 0.4),
  });
  const pa = parseName(a, style);
  const pb = parseName(b, style);
  const name = scoreNames(pa.tokens.map(weigh), pb.tokens.map(weigh));
  const score = round(name.score);
  return { score, band: bandOf(score, thresholds), name };
}
