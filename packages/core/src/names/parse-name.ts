/** Parses one name into scored tokens plus the honorifics and legal forms it carries as separate features. */

import { damerauLevenshtein } from './levenshtein.js';
import {
  ABBREVIATIONS,
  AMBIGUOUS_LEGAL_FORMS,
  GENERIC,
  HONORIFICS,
  HONORIFICS_ANYWHERE,
  LEGAL_FORMS,
  LEGAL_PHRASES,
  PARTICLES,
  SUFFIXES,
} from './name-words.js';
import { normalizeName } from './normalize.js';
import { skeleton } from './phonetic.js';
import { spellingFold } from './spelling-fold.js';
import { isAbjad } from './transliterate.js';
import { canonicalToken } from './variants.js';

export interface NameToken {
  /** The spelling as written (normalised); compound forms (X al-Din, X-ullah) in their joined spelling. */
  readonly text: string;
  /** The variant class head (Mohammed → muhammad): equal canons are the same name. */
  readonly canon: string;
  /** Consonant skeleton of `canon`. */
  readonly skel: string;
  /** `text` with long vowels, doubled letters and a final -h folded (Yaseen / Yasin → yasin). */
  readonly fold: string;
  /** al, bin, van…: nearly weightless. */
  readonly particle: boolean;
  /** Trading, General, International…: never strong evidence alone. */
  readonly generic: boolean;
  /** A single letter ("M." of "M. Saeed"). */
  readonly initial: boolean;
  /** Transliterated from a script without short vowels: compare by consonant alignment. */
  readonly abjad: boolean;
  /**
   * A word that is probably not part of the name (a title after the given name, an ambiguous legal
   * form such as "SA" when the schema is unknown, "Jr"): it counts when both names have it and costs
   * little when one lacks it.
   */
  readonly weak: boolean;
  /** A weak token that is an ambiguous legal form ("SA", "AB"): weak only against an organisation. */
  readonly legal: boolean;
}

export interface ParsedName {
  /** The normalised text, for display and for baselines. */
  readonly normalized: string;
  readonly tokens: readonly NameToken[];
  readonly honorifics: readonly string[];
  readonly legalForms: readonly string[];
}

export type NameStyle = 'person' | 'organization' | 'any';

const PATRONYMIC = /^[a-z]{3,}(ovich|evich|ovitch|ovna|evna|ich|ych|oglu|ogly|kyzy|uly|ovic|evic)$/;
const SUN_ARTICLE = /(^|[\s(])(a[rsdtzn]|ash|el|ul|ud|us|ur|ad)-(?=\p{L})/giu;
const MAX_TOKENS = 16;
// Abd-compounds written as one word: Abdulrahman, Abdurrahman, Abdelkader, Abdirahman.
const ABD_GLUED = /^abd(?:(ul|el|al|ol|oul|ou)([a-z]{2,})|(u|i|a|e)?([a-z]{3,}))$/;
const COMPOUND_TAIL = new Set(['din', 'deen', 'allah', 'lah', 'llah']);
const COMPOUND_GLUED = /^([a-z]{3,}?)(ud|ed|ad|al|ul|u|e|i|a|o)?(din|deen|dine|ullah|allah|llah)$/;
// Spellings of "Allah" after abd- (Latin and unvowelled Arabic): Abdullah, Abd Allah, عبد الله → abdallah.
const ALLAH = new Set([
  'allah',
  'laye',
  'aye',
  'lah',
  'llah',
  'la',
  'alla',
  'lh',
  'llh',
  'allh',
  'ullah',
  'ulla',
  'ullahi',
  'allahi',
  'lahi',
]);
// Long legal forms are recognised with one typo (LIMITED / LMITED, COMPANY / COMAPNY) at the end of a name.
const LONG_LEGAL = [...LEGAL_FORMS].filter((w) => w.length >= 5);
// Short legal forms that end company names often enough that a one-letter slip of them at the end is still one.
const SHORT_LEGAL = ['ltd', 'ltda', 'llc', 'inc', 'plc', 'gmbh', 'corp', 'pvt', 'jsc', 'pjsc', 'ojsc', 'cjsc', 'bhd', 'pte', 'fze', 'fzco'];
// Legal-form words as Arabic script writes them: شركة (company), مؤسسة (establishment).
const ABJAD_LEGAL_FORMS = new Set(['shrka', 'shrkt', 'muassa', 'muasst']);

/** A token from its written and canonical spelling. */
export function makeToken(text: string, canon: string, abjad: boolean, weak = false, legal = false): NameToken {
  return {
    text,
    canon,
    skel: skeleton(canon),
    fold: spellingFold(text),
    particle: PARTICLES.has(canon),
    generic: GENERIC.has(canon),
    initial: text.length === 1 && text >= 'a' && text <= 'z',
    abjad,
    weak: weak || legal || SUFFIXES.has(canon),
    legal,
  };
}

/** Reorders "FAMILY, Given" to "Given FAMILY" when a single comma separates two word groups. */
function uncomma(text: string, style: NameStyle): string {
  if (style === 'organization') return text;
  const parts = text.split(',');
  if (parts.length !== 2) return text;
  const [family, given] = parts as [string, string];
  const g = normalizeName(given);
  if (g === '' || normalizeName(family) === '') return text;
  if (g.split(' ').every((w) => LEGAL_FORMS.has(w) || SUFFIXES.has(w))) return text;
  if (g.split(' ').length > 5) return text;
  return `${given} ${family}`;
}

// Legal forms long enough that one slip anywhere in a name still reads as them (COMPAY, LIMTED, LABILITY), not as a name word.
const LONGER_LEGAL = [...LEGAL_FORMS].filter((w) => w.length >= 6);

function typoLongLegalForm(w: string): string | undefined {
  if (w.length < 6) return undefined;
  for (const f of LONGER_LEGAL) if (Math.abs(f.length - w.length) <= 1 && damerauLevenshtein(w, f, 1) <= 1) return f;
  return undefined;
}

/** "Joint stock" with a slip in one of its words (JOINT STOK, JpINT STOCK): short words, recognised only as the pair. */
function jointStockTypo(raw: readonly string[], i: number): string | undefined {
  const near = (w: string | undefined, f: string) => w !== undefined && w.length >= 4 && damerauLevenshtein(w, f, 1) <= 1;
  const w = raw[i];
  if (near(w, 'joint') && near(raw[i + 1], 'stock') && (w === 'joint' || raw[i + 1] === 'stock')) return 'joint';
  if (near(raw[i - 1], 'joint') && near(w, 'stock') && (w === 'stock' || raw[i - 1] === 'joint')) return 'stock';
  return undefined;
}

function typoLegalForm(w: string): string | undefined {
  if (w.length < 4) return undefined;
  for (const f of LONG_LEGAL) if (Math.abs(f.length - w.length) <= 1 && damerauLevenshtein(w, f, 1) <= 1) return f;
  return undefined;
}

/**
 * Parses a name: comma order, Arabic article forms (ar-, as-, ad- → al), legal-form phrases,
 * abbreviations, honorifics, abd- compounds, then tokens in canonical spelling.
 * "Abd" stays a token of its own (Abdul Rahman, Abd al-Rahman, Abdulrahman → abd rahman) so that a
 * reshuffled name still aligns; the scorer charges an unmatched "abd" as the compound it opens.
 * @example parseName('SALEK, Abdul-Hai').tokens.map((t) => t.text) // ['abd', 'hai', 'salek']
 */
export function parseName(text: string, style: NameStyle = 'any'): ParsedName {
  const abjad = isAbjad(text);
  let s = uncomma(text, style).replace(SUN_ARTICLE, '$1al-');
  s = normalizeName(s);
  for (const [re, rep] of LEGAL_PHRASES) s = s.replace(re, rep);
  const raw = s === '' ? [] : s.split(' ');
  const honorifics: string[] = [];
  const legalForms: string[] = [];
  const words: string[] = [];
  const weak = new Set<number>();
  const legalWeak = new Set<number>();
  const n = raw.length;
  for (let i = 0; i < n; i++) {
    let w = raw[i] as string;
    w = ABBREVIATIONS.get(w) ?? w;
    const nearEnd = i >= n - 2;
    const title = style === 'person' ? HONORIFICS.has(w) : style === 'any' && HONORIFICS.has(w) && !GENERIC.has(w);
    if (title && i < n - 1 && (words.length === 0 || HONORIFICS_ANYWHERE.has(w))) {
      honorifics.push(w);
      continue;
    }
    // Legal forms are Latin abbreviations; an unvowelled Arabic-script word (ولل, wll) only looks like one.
    if (style !== 'person' && n > 1 && (!abjad || ABJAD_LEGAL_FORMS.has(w))) {
      const legal =
        LEGAL_FORMS.has(w) || ABJAD_LEGAL_FORMS.has(w)
          ? w
          : ((nearEnd && style === 'organization' ? typoLegalForm(w) : undefined) ?? typoLongLegalForm(w) ?? jointStockTypo(raw, i));
      if (legal !== undefined) {
        if (style === 'organization' || !AMBIGUOUS_LEGAL_FORMS.has(legal)) {
          legalForms.push(legal);
          continue;
        }
        // "SA", "AB", "Co" with no schema: maybe a legal form, maybe a name word.
        legalWeak.add(words.length);
      } else if (nearEnd && words.length > 0) {
        const typo = style === 'any' ? typoLegalForm(w) : undefined;
        if (typo !== undefined && !AMBIGUOUS_LEGAL_FORMS.has(typo)) {
          legalForms.push(typo);
          continue;
        }
        // LTTA, LSTD: a short legal form with a typo at the very end is weak against an organisation.
        if (i === n - 1 && w.length >= 3 && w.length <= 5 && SHORT_LEGAL.some((f) => f[0] === w[0] && damerauLevenshtein(w, f, 1) <= 1)) {
          legalWeak.add(words.length);
        }
      }
    }
    if (title) weak.add(words.length);
    words.push(w);
  }
  // A name of only honorifics or legal forms keeps them as its tokens rather than becoming empty.
  if (words.length === 0 && raw.length > 0) {
    words.push(...raw.map((w) => ABBREVIATIONS.get(w) ?? w));
    honorifics.length = 0;
    legalForms.length = 0;
  }

  const tokens: NameToken[] = [];
  const push = (t: string, c: string, isWeak: boolean, isLegal = false) => {
    if (tokens.length < MAX_TOKENS) tokens.push(makeToken(t, c, abjad, isWeak, isLegal));
  };
  for (let i = 0; i < words.length; i++) {
    const raw = words[i] as string;
    const isWeak = weak.has(i);
    let w = canonicalToken(raw);
    if (w === 'abd') {
      // abd al-Rahman / Abdul Rahman / Abd-ul-Rahman → "abd" + "rahman", as Abdulrahman becomes; Abd Allah → abdallah.
      let j = i + 1;
      while (j < words.length && PARTICLES.has(words[j] as string)) j++;
      const next = words[j];
      if (next !== undefined && ALLAH.has(next)) {
        push('abdallah', 'abdallah', false);
        i = j;
        continue;
      }
      push('abd', 'abd', false);
      i = j - 1;
      continue;
    }
    if (
      (words[i + 1] === 'al' || words[i + 1] === 'ud' || words[i + 1] === 'ul' || words[i + 1] === 'ad') &&
      COMPOUND_TAIL.has(words[i + 2] ?? '')
    ) {
      // Saif al-Din / Nur ud-Din / Saifuddin / سيف الدين → "saifdin"; Nasr Allah / Nasrullah → "nasrallah"
      w = `${w}${(words[i + 2] as string) === 'deen' ? 'din' : (words[i + 2] as string).replace(/^(lah|llah|ullah)$/, 'allah')}`;
      i += 2;
      push(w, w, false);
      continue;
    }
    if (
      i + 1 < words.length &&
      (words[i + 1] === 'uddin' || words[i + 1] === 'ullah' || words[i + 1] === 'allah' || words[i + 1] === 'uddeen')
    ) {
      w = `${w}${words[i + 1] === 'ullah' || words[i + 1] === 'allah' ? 'allah' : 'din'}`;
      i += 1;
      push(w, w, false);
      continue;
    }
    const m = ABD_GLUED.exec(w);
    if (m && w !== 'abdallah') {
      // Abdurrahman → u + rrahman → rahman: the doubled letter is the article assimilated (ar-Rahman).
      const link = m[1] ?? m[3] ?? '';
      const rest = (m[2] ?? m[4] ?? '').replace(/^([a-z])\1/, '$1');
      if (ALLAH.has(rest) || ALLAH.has(`${link}${rest}`)) push('abdallah', 'abdallah', false);
      else {
        push('abd', 'abd', false);
        push(rest, canonicalToken(rest), false);
      }
      continue;
    }
    const glued = COMPOUND_GLUED.exec(w);
    if (glued) {
      const c = `${canonicalToken(glued[1] as string)}${glued[3] === 'din' || glued[3] === 'deen' || glued[3] === 'dine' ? 'din' : 'allah'}`;
      push(c, c, false);
      continue;
    }
    // A patronymic between given and family name (Vladimirovich, Ivanovna) is often left out.
    const patronymic = i > 0 && i < words.length - 1 && PATRONYMIC.test(raw);
    // A plain token keeps its spelling (typos are measured against it) and its variant class as canon.
    push(raw, w, isWeak || patronymic, legalWeak.has(i));
  }
  return { normalized: s, tokens, honorifics, legalForms };
}
