/** Text normalisation for names: NFKC, transliteration to Latin, case fold, marks stripped, punctuation to spaces. */

import { transliterate } from './transliterate.js';

const SPECIAL: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  ø: 'o',
  đ: 'd',
  ł: 'l',
  ı: 'i',
  þ: 'th',
  œ: 'oe',
  ð: 'd',
  ħ: 'h',
  ŋ: 'ng',
  ĸ: 'k',
  ſ: 's',
};

/**
 * Folds a name to lower-case ASCII words separated by single spaces. Apostrophes vanish (O'Brien →
 * obrien, Ba'th → bath), "&" becomes "and", every other non-alphanumeric becomes a space.
 * @example normalizeName('  Abd al-Raḥmān ') // 'abd al rahman'
 */
export function normalizeName(text: string): string {
  let s = transliterate(text.normalize('NFKC'));
  s = s.normalize('NFD').replace(/\p{M}/gu, '');
  s = s.replace(/[ßæøđłıþœðħŋĸſ]/g, (c) => SPECIAL[c] ?? c);
  s = s.replace(/[''`´ʼʻ‘’ʾʿ]/g, '').replace(/&/g, ' and ');
  // Letters of scripts without a table (kana, Thai, Hebrew…) stay distinct one-letter words instead of vanishing.
  s = s.replace(/[^\u0000-\u007f\s]/gu, (c) => (/\p{L}/u.test(c) ? ` x${(c.codePointAt(0) ?? 0).toString(16)} ` : ' '));
  s = s.replace(/[^a-z0-9]+/g, ' ');
  return s.trim();
}

/** Normalises an identifier (passport, IMO…) for exact comparison: upper-case letters and digits only. */
export function normalizeIdentifier(text: string): string {
  return text
    .normalize('NFKC')
    .toUpperCase()
    .replace(/^(IMO|MMSI)\s*/, '')
    .replace(/[^A-Z0-9]/g, '');
}
