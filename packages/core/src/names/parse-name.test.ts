import { describe, expect, it } from 'vitest';
import { normalizeName } from './normalize.js';
import { parseName } from './parse-name.js';
import { skeleton } from './phonetic.js';
import { transliterate } from './transliterate.js';
import { canonicalToken } from './variants.js';

const canons = (s: string, style?: 'person' | 'organization' | 'any') => parseName(s, style).tokens.map((t) => t.canon);

describe('normalizeName', () => {
  it('folds case, marks, apostrophes and punctuation', () => {
    expect(normalizeName("  Abd al-Raḥmān O'Brien ")).toBe('abd al rahman obrien');
    expect(normalizeName('Smith & Sons')).toBe('smith and sons');
    expect(normalizeName('Straße')).toBe('strasse');
  });

  it('folds Arabic presentation forms through NFKC', () => {
    expect(normalizeName('ﻣﺤﻤﺪ')).toBe(normalizeName('محمد'));
  });

  it('keeps letters of scripts it has no table for as distinct words', () => {
    expect(normalizeName('さくら')).not.toBe('');
  });
});

describe('transliterate', () => {
  it('writes Arabic, Persian and Urdu letters in Latin', () => {
    expect(transliterate('محمد')).toBe('mhmd');
    expect(transliterate('عبد الله')).toBe('abd allah');
    expect(transliterate('پاکستان')).toBe('pakstan');
  });
  it('writes Cyrillic, Greek and Hangul', () => {
    expect(transliterate('Владимир Путин')).toBe('vladimir putin');
    expect(transliterate('Ψαρρός').normalize('NFD').replace(/\p{M}/gu, '')).toBe('psarros');
    expect(transliterate('김정은').trim().split(/\s+/)).toEqual(['gim', 'jeong', 'eun']);
  });
});

describe('parseName', () => {
  it('reorders "FAMILY, Given"', () => {
    expect(canons('SALEK, ABDULHAI')).toEqual(canons('ABDULHAI SALEK'));
  });

  it('folds abd al- compounds to one token', () => {
    const want = canons('Abdulrahman');
    expect(canons('Abd al-Rahman')).toEqual(want);
    expect(canons('Abdul Rahman')).toEqual(want);
    expect(canons('Abdurrahman')).toEqual(want);
    expect(canons('عبد الرحمن').map(skeleton)).toEqual(want.map(skeleton));
    expect(canons('Abd Allah')).toEqual(canons('Abdullah'));
  });

  it('folds X al-Din and X-ullah compounds', () => {
    expect(canons('Saif al-Din')).toEqual(canons('Saifuddin'));
    expect(canons('Nasrullah')).toEqual(canons('Nasr Allah'));
  });

  it('moves honorifics and legal forms into their own features', () => {
    const p = parseName('Haji Mullah Muhammad Omar');
    expect(p.honorifics).toEqual(['haji', 'mullah']);
    expect(p.tokens.map((t) => t.canon)).toEqual(['muhammad', 'umar']);
    const c = parseName('Acme Trading Co., Ltd.', 'organization');
    expect(c.legalForms).toEqual(['co', 'ltd']);
    expect(c.tokens.find((t) => t.text === 'trading')?.generic).toBe(true);
  });

  it('keeps ambiguous short legal forms in person names', () => {
    expect(canons('Thomas Sa', 'any')).toEqual(['thomas', 'sa']);
  });

  it('marks particles and initials', () => {
    const p = parseName('M. bin Laden');
    expect(p.tokens.map((t) => [t.text, t.initial, t.particle])).toEqual([
      ['m', true, false],
      ['bin', false, true],
      ['laden', false, false],
    ]);
  });
});

describe('variants and skeletons', () => {
  it('maps transliteration variants to one class', () => {
    for (const v of ['mohammed', 'mohamad', 'mohd', 'muhammad']) expect(canonicalToken(v)).toBe('muhammad');
    expect(canonicalToken('osama')).toBe(canonicalToken('usama'));
    expect(canonicalToken('hossein')).toBe(canonicalToken('husain'));
    expect(canonicalToken('josef')).toBe(canonicalToken('yousef'));
  });

  it('gives Arabic-script and Latin spellings one skeleton', () => {
    expect(skeleton('mhmd')).toBe(skeleton('muhammad'));
    expect(skeleton('hsin')).toBe(skeleton('hussein'));
    expect(skeleton('tkriti')).toBe(skeleton('tikriti'));
    expect(skeleton('hamada')).not.toBe(skeleton('muhammad'));
  });
});
