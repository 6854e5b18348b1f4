/**
 * The in-memory screening index: interned tokens with rarity weights, names as token-id arrays, an
 * inverted index token → names (CSR typed arrays), and lookup tables for typos (one-deletion
 * neighbourhoods) and cross-script spellings (consonant skeletons). Serialisable to plain data so
 * worker threads share one build.
 */

import type { BirthDate, CountryRef, Entity, Gender, Schema } from '../model/entity.js';
import { primaryName } from '../model/entity.js';
import { canonicalToken, makeToken, type NameStyle, type NameToken, normalizeIdentifier, parseName } from '../names/index.js';
import { GENERIC, PARTICLES, WEAK_PARTICLES } from '../names/name-words.js';

/** What the matcher keeps of an entity: enough to score features and to render a result. */
export interface IndexedEntity {
  readonly id: string;
  readonly schema: Schema;
  readonly list: string;
  readonly sourceId: string;
  readonly name: string;
  readonly birthDates: readonly BirthDate[];
  readonly countries: readonly CountryRef[];
  readonly gender?: Gender;
  /** Normalised identifiers (passport, national id, IMO, MMSI, call sign…). */
  readonly identifiers: readonly string[];
}

/** The index as plain data: typed arrays and string arrays, cheap to post to a worker or share. */
export interface ScreeningIndexData {
  readonly vocab: readonly string[];
  readonly df: Int32Array;
  readonly nameEntity: Int32Array;
  readonly nameStart: Int32Array;
  readonly nameTokens: Int32Array;
  /** bit 0: weak alias; bit 1: written in an abjad script. */
  readonly nameFlags: Uint8Array;
  readonly nameText: readonly string[];
  readonly nameLegal: readonly string[];
  readonly postStart: Int32Array;
  readonly postNames: Int32Array;
  readonly entities: readonly IndexedEntity[];
}

export const NAME_WEAK = 1;
export const NAME_ABJAD = 2;

function styleOf(schema: Schema): NameStyle {
  if (schema === 'Person') return 'person';
  if (schema === 'LegalEntity') return 'any';
  return 'organization';
}

function indexEntity(e: Entity): IndexedEntity {
  const ids: string[] = [];
  for (const id of e.identifiers) {
    const n = normalizeIdentifier(id.value);
    if (n.length >= 4) ids.push(n);
  }
  const base = {
    id: e.id,
    schema: e.schema,
    list: e.source.list,
    sourceId: e.source.sourceId,
    name: primaryName(e),
    birthDates: e.birthDates,
    countries: e.countries,
    identifiers: [...new Set(ids)],
  };
  return e.gender === undefined ? base : { ...base, gender: e.gender };
}

/** Builds index data from entities (streamed): one pass to parse names, one to lay out postings. */
export class ScreeningIndexBuilder {
  readonly #vocabId = new Map<string, number>();
  readonly #vocab: string[] = [];
  readonly #df: number[] = [];
  readonly #nameEntity: number[] = [];
  readonly #nameStart: number[] = [0];
  readonly #nameTokens: number[] = [];
  readonly #nameFlags: number[] = [];
  readonly #nameText: string[] = [];
  readonly #nameLegal: string[] = [];
  readonly #entities: IndexedEntity[] = [];

  add(entity: Entity): void {
    const ei = this.#entities.length;
    this.#entities.push(indexEntity(entity));
    const style = styleOf(entity.schema);
    const seen = new Set<string>();
    for (const n of entity.names) {
      if (typeof n.full !== 'string' || n.full === '') continue;
      const parsed = parseName(n.full, style);
      if (parsed.tokens.length === 0) continue;
      const key = parsed.tokens.map((t) => t.text).join(' ');
      if (seen.has(key)) continue;
      seen.add(key);
      const ids = new Set<number>();
      for (const t of parsed.tokens) {
        let id = this.#vocabId.get(t.text);
        if (id === undefined) {
          id = this.#vocab.length;
          this.#vocab.push(t.text);
          this.#df.push(0);
          this.#vocabId.set(t.text, id);
        }
        this.#nameTokens.push(id);
        ids.add(id);
      }
      for (const id of ids) this.#df[id] = (this.#df[id] as number) + 1;
      this.#nameStart.push(this.#nameTokens.length);
      this.#nameEntity.push(ei);
      this.#nameFlags.push((n.kind === 'alias_weak' ? NAME_WEAK : 0) | (parsed.tokens[0]?.abjad ? NAME_ABJAD : 0));
      this.#nameText.push(n.full);
      this.#nameLegal.push(parsed.legalForms.join(' '));
    }
  }

  build(): ScreeningIndexData {
    const nNames = this.#nameEntity.length;
    const nVocab = this.#vocab.length;
    const nameStart = Int32Array.from(this.#nameStart);
    const nameTokens = Int32Array.from(this.#nameTokens);
    const postStart = new Int32Array(nVocab + 1);
    for (const t of nameTokens) postStart[t + 1] = (postStart[t + 1] as number) + 1;
    for (let v = 0; v < nVocab; v++) postStart[v + 1] = (postStart[v + 1] as number) + (postStart[v] as number);
    const fill = postStart.slice(0, nVocab);
    const postNames = new Int32Array(nameTokens.length);
    for (let n = 0; n < nNames; n++) {
      let last = -1;
      for (let k = nameStart[n] as number; k < (nameStart[n + 1] as number); k++) {
        const t = nameTokens[k] as number;
        if (t === last) continue;
        // a name holding a token twice is posted once per occurrence; harmless, the scorer dedupes by name
        postNames[fill[t] as number] = n;
        fill[t] = (fill[t] as number) + 1;
        last = t;
      }
    }
    return {
      vocab: this.#vocab,
      df: Int32Array.from(this.#df),
      nameEntity: Int32Array.from(this.#nameEntity),
      nameStart,
      nameTokens,
      nameFlags: Uint8Array.from(this.#nameFlags),
      nameText: this.#nameText,
      nameLegal: this.#nameLegal,
      postStart,
      postNames,
      entities: this.#entities,
    };
  }
}

/** Builds index data from a list of entities. */
export function buildIndexData(entities: Iterable<Entity>): ScreeningIndexData {
  const b = new ScreeningIndexBuilder();
  for (const e of entities) b.add(e);
  return b.build();
}

/** A vocabulary token with its weight, as the scorer sees it. */
export interface VocabToken {
  readonly token: NameToken;
  readonly abjadToken: NameToken;
  readonly weight: number;
}

/** Rarity weight: ln(1 + names / names-with-token); particles ~0, generic words a third. */
export function tokenWeight(text: string, df: number, nNames: number): number {
  if (PARTICLES.has(text)) return WEAK_PARTICLES.has(text) ? 0.5 : 0.1;
  // An initial says little: many names share it.
  if (text.length === 1) return 1;
  const idf = Math.log(1 + nNames / Math.max(1, df));
  return GENERIC.has(text) ? idf * 0.35 : idf;
}

function deletions(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.length; i++) out.push(s.slice(0, i) + s.slice(i + 1));
  return out;
}

/** The lookup structures rebuilt from index data on each thread (maps cannot be shared). */
export class ScreeningIndex {
  readonly data: ScreeningIndexData;
  readonly nNames: number;
  readonly vocabTokens: readonly VocabToken[];
  readonly maxWeight: number;
  readonly #vocabId = new Map<string, number>();
  readonly #deletes = new Map<string, number[]>();
  readonly #skeletons = new Map<string, number[]>();
  readonly #canons = new Map<string, number[]>();
  // Vocabulary tokens whose spelling fold differs from their text (Yaseen under "yasin").
  readonly #folds = new Map<string, number[]>();
  readonly #identifiers = new Map<string, number[]>();
  // Vocabulary ids in text order, built on first use (only typo'd tokens with no closer spelling need it).
  #sorted: Int32Array | undefined;

  constructor(data: ScreeningIndexData) {
    this.data = data;
    this.nNames = data.nameEntity.length;
    const toks: VocabToken[] = [];
    // Rarity is a property of the name, not of one spelling: spellings of a variant class share their df.
    const canonDf = new Map<string, number>();
    const canonOf: string[] = [];
    for (let v = 0; v < data.vocab.length; v++) {
      const c = canonicalToken(data.vocab[v] as string);
      canonOf.push(c);
      canonDf.set(c, (canonDf.get(c) ?? 0) + (data.df[v] as number));
    }
    for (let v = 0; v < data.vocab.length; v++) {
      const text = data.vocab[v] as string;
      const canon = canonOf[v] as string;
      this.#vocabId.set(text, v);
      const token = makeToken(text, canon, false);
      toks.push({ token, abjadToken: { ...token, abjad: true }, weight: tokenWeight(canon, canonDf.get(canon) ?? 1, this.nNames) });
      if (canon !== text || canonDf.get(canon) !== (data.df[v] as number)) {
        const l = this.#canons.get(canon);
        if (l) l.push(v);
        else this.#canons.set(canon, [v]);
      }
      if (token.fold !== text && token.fold.length >= 3) {
        const l = this.#folds.get(token.fold);
        if (l) l.push(v);
        else this.#folds.set(token.fold, [v]);
      }
      if (text.length >= 4) {
        for (const d of deletions(text)) {
          const l = this.#deletes.get(d);
          if (l) {
            if (l[l.length - 1] !== v) l.push(v);
          } else this.#deletes.set(d, [v]);
        }
      }
      if (token.skel.length >= 2) {
        const l = this.#skeletons.get(token.skel);
        if (l) l.push(v);
        else this.#skeletons.set(token.skel, [v]);
      }
    }
    this.vocabTokens = toks;
    this.maxWeight = Math.log(1 + Math.max(1, this.nNames));
    data.entities.forEach((e, i) => {
      for (const id of e.identifiers) {
        const l = this.#identifiers.get(id);
        if (l) l.push(i);
        else this.#identifiers.set(id, [i]);
      }
    });
  }

  /** Vocabulary ids whose text starts with `prefix` and whose length is within `slack` of `len` (at most `max`). */
  prefixVocab(prefix: string, len: number, slack: number, max: number): number[] {
    const sorted = this.#sorted ?? this.#sortVocab();
    const vocab = this.data.vocab;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((vocab[sorted[mid] as number] as string) < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: number[] = [];
    for (let k = lo; k < sorted.length && out.length < max; k++) {
      const t = vocab[sorted[k] as number] as string;
      if (!t.startsWith(prefix)) break;
      if (Math.abs(t.length - len) <= slack) out.push(sorted[k] as number);
    }
    return out;
  }

  #sortVocab(): Int32Array {
    const vocab = this.data.vocab;
    const ids = Array.from({ length: vocab.length }, (_, i) => i);
    ids.sort((a, b) => ((vocab[a] as string) < (vocab[b] as string) ? -1 : (vocab[a] as string) > (vocab[b] as string) ? 1 : 0));
    this.#sorted = Int32Array.from(ids);
    return this.#sorted;
  }

  vocab(id: number): string {
    return this.data.vocab[id] as string;
  }

  vocabId(text: string): number | undefined {
    return this.#vocabId.get(text);
  }

  /** Vocabulary ids within one edit (deletion neighbourhoods both ways) of a token. */
  nearVocab(text: string, out: Set<number>): void {
    const direct = this.#vocabId.get(text);
    if (direct !== undefined) out.add(direct);
    if (text.length < 3) return;
    // the token is a vocabulary token less one letter (Aqa / Aqsa)
    for (const v of this.#deletes.get(text) ?? []) out.add(v);
    if (text.length < 4) return;
    for (const d of deletions(text)) {
      const e = this.#vocabId.get(d);
      if (e !== undefined) out.add(e);
      for (const v of this.#deletes.get(d) ?? []) out.add(v);
    }
  }

  /** Every spelling in the vocabulary of a variant class (Mohammed, Muhammad, Mohamed… for "muhammad"). */
  canonVocab(canon: string): readonly number[] {
    return this.#canons.get(canon) ?? [];
  }

  /** Vocabulary spellings of a fold (Yaseen, Yassin for "yasin"), plus the fold itself if it is a token. */
  foldVocab(fold: string, out: Set<number>): void {
    const direct = this.#vocabId.get(fold);
    if (direct !== undefined) out.add(direct);
    for (const v of this.#folds.get(fold) ?? []) out.add(v);
  }

  skeletonVocab(skel: string): readonly number[] {
    return this.#skeletons.get(skel) ?? [];
  }

  entitiesWithIdentifier(normalized: string): readonly number[] {
    return this.#identifiers.get(normalized) ?? [];
  }

  nameTokens(n: number): Int32Array {
    return this.data.nameTokens.subarray(this.data.nameStart[n] as number, this.data.nameStart[n + 1] as number);
  }
}
