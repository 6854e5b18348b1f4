import { describe, expect, it } from 'vitest';
import { tokenSimilarity } from '../screening/token-similarity.js';
import { parseName } from './parse-name.js';
import { spellingFold } from './spelling-fold.js';

const token = (s: string) => parseName(s).tokens[0] as NonNullable<ReturnType<typeof parseName>['tokens'][0]>;

describe('spellingFold', () => {
  it('folds long vowels, doubled letters, a final -h, q/k and dj/j', () => {
    for (const [a, b] of [
      ['yaseen', 'yasin'],
      ['mahmood', 'mahmud'],
      ['haroon', 'harun'],
      ['yousef', 'yusef'],
      ['hassan', 'hasan'],
      ['fatimah', 'fatima'],
      ['farooq', 'faruk'],
      ['djamel', 'jamel'],
    ]) {
      expect(spellingFold(a as string)).toBe(spellingFold(b as string));
    }
  });

  it('keeps different names apart', () => {
    expect(spellingFold('yasir')).not.toBe(spellingFold('yasin'));
    expect(spellingFold('karim')).not.toBe(spellingFold('karima'));
    expect(spellingFold('li')).toBe('li');
  });

  it('makes two romanisations a variant pair, and known different names no phonetic pair', () => {
    expect(tokenSimilarity(token('Yaseen'), token('Yasin'))).toEqual({ sim: 0.95, kind: 'variant' });
    expect(tokenSimilarity(token('Mahmood'), token('Mohammad')).sim).toBe(0);
  });
});
