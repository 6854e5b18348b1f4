/** Similarity of two name tokens, with the reason a reviewer reads: exact, variant, initial, typo, phonetic or script. */

import { abjadSimilarity, damerauLevenshtein, isKnownSpelling, jaroWinkler, type NameToken } from '../names/index.js';

export type TokenMatchKind = 'exact' | 'variant' | 'initial' | 'fuzzy' | 'phonetic' | 'script' | 'joined';

export interface TokenSimilarity {
  readonly sim: number;
  readonly kind: TokenMatchKind;
}

const NONE: TokenSimilarity = { sim: 0, kind: 'fuzzy' };
const HAS_DIGIT = /[0-9]/;
/** Below this Jaro-Winkler two tokens are different names ("john" / "joan" is 0.88; "smith" / "smyth" 0.89). */
const JW_FLOOR = 0.86;
/** Below this an unvowelled spelling and a Latin one are different names (Wassaf / Yusuf 0.68, Ahmad / Hamid 0.8). */
const ABJAD_FLOOR = 0.86;

/** What one typo leaves of a token's identity: a letter off in a short name changes it more often (Maria / Mario, Li / Lu). */
function typoSim(len: number): number {
  if (len >= 8) return 0.93;
  if (len >= 6) return 0.9;
  if (len === 5) return 0.87;
  if (len === 4) return 0.82;
  return 0.78;
}

/**
 * Scores two tokens in [0, 1]. Equal spellings 1; one variant class (Mohammed / Muhammad) 0.97; one
 * typo 0.82–0.93 by length; Jaro-Winkler rescaled so only close spellings count (1 − 2.5·(1 − jw));
 * equal consonant skeletons within Latin 0.8 (phonetic); an unvowelled spelling from Arabic script
 * against a Latin one by consonant alignment (script, at most 0.95); an initial against its name 0.75.
 */
export function tokenSimilarity(a: NameToken, b: NameToken): TokenSimilarity {
  if (a.text === b.text) return { sim: 1, kind: 'exact' };
  if (a.canon === b.canon) return { sim: 0.97, kind: 'variant' };
  // Numbers are identifiers (Snow Storm 1 / Snow Storm 2, Brigade 44): equal or different, never close.
  if (HAS_DIGIT.test(a.text) || HAS_DIGIT.test(b.text)) return NONE;
  if (a.initial || b.initial) {
    return a.text.charCodeAt(0) === b.text.charCodeAt(0) && !(a.initial && b.initial) ? { sim: 0.75, kind: 'initial' } : NONE;
  }
  // One name in two romanisations (Yaseen / Yasin, Mahmood / Mahmud, Hassan / Hasan): nearly a variant.
  if (!a.abjad && !b.abjad && a.fold === b.fold && a.fold.length >= 3) return { sim: 0.95, kind: 'variant' };
  if (a.abjad !== b.abjad) {
    const [ab, la] = a.abjad ? [a, b] : [b, a];
    let s = abjadSimilarity(ab.text, la.text);
    if (s < 1 && la.canon !== la.text) s = Math.max(s, abjadSimilarity(ab.text, la.canon));
    if (s < 1 && ab.canon !== ab.text) s = Math.max(s, abjadSimilarity(ab.canon, la.text) * 0.98);
    return s >= ABJAD_FLOOR ? { sim: Math.round(s * 0.95 * 1000) / 1000, kind: 'script' } : NONE;
  }
  let best = NONE;
  const minLen = Math.min(a.text.length, b.text.length);
  const maxLen = Math.max(a.text.length, b.text.length);
  // A much shorter token is a different name, however well its prefix agrees (Dan / Daniel, And / Andrews).
  if (minLen >= 0.7 * maxLen) {
    const jw = jaroWinkler(a.text, b.text);
    // Short tokens (Chinese syllables, Jia / Jian, Li / Lin) differ by one letter between different names.
    if (jw >= JW_FLOOR) best = { sim: 1 - (minLen <= 4 ? 3.5 : 2.5) * (1 - jw), kind: 'fuzzy' };
  }
  if (maxLen >= 4 && minLen >= 3) {
    const d = damerauLevenshtein(a.text, b.text, 2);
    // A three-letter token is within one edit of too many others; it may only lose or gain a letter (Aqa / Aqsa).
    if (d === 1 && (minLen >= 4 || maxLen === 4)) {
      const s = typoSim(minLen);
      if (s > best.sim) best = { sim: s, kind: 'fuzzy' };
    } else if (d === 2 && minLen >= 6 && best.sim < 0.8) {
      // Two slips in a long token (Ovrobev / Vorobev) still leave most of it: a weak pair, never a match alone.
      best = { sim: minLen >= 8 ? 0.8 : 0.78, kind: 'fuzzy' };
    }
  }
  // Both spellings belong to known, different name classes (Mahmood / Mohammad, Karim / Kareem's class vs another):
  // a shared consonant skeleton is then a coincidence of the script, not one name.
  const knownApart = isKnownSpelling(a.text) && isKnownSpelling(b.text);
  if (a.skel === b.skel && a.skel.length >= 3 && best.sim < 0.8 && maxLen - minLen <= 1 && !knownApart) {
    if (a.abjad) best = { sim: 0.9, kind: 'script' };
    else if (jaroWinkler(a.text, b.text) >= 0.8) best = { sim: 0.8, kind: 'phonetic' };
  }
  return best;
}

/**
 * Other skeletons an unvowelled spelling may have: ض ذ ظ are written d/dh in Arabic style and z in
 * Persian, Urdu and Pashto names (Fadl / Fazl), ث th or s, ج j or g (Jamal / Gamal).
 */
export function abjadAlternatives(skel: string): string[] {
  const out: string[] = [];
  if (skel.includes('d')) out.push(skel.replace(/d/g, 's'));
  if (skel.includes('t')) out.push(skel.replace(/t/g, 's'));
  if (skel.includes('j')) out.push(skel.replace(/j/g, 'g'));
  if (skel.includes('k')) out.push(skel.replace(/k/g, 'g'));
  return out;
}
