import { describe, expect, it } from 'vitest';
import { damerauLevenshtein, levenshtein } from './levenshtein.js';

describe('edit distances', () => {
  it('counts edits', () => {
    expect(levenshtein('kitten', 'sitting')).toBe(3);
    expect(damerauLevenshtein('kitten', 'sitting')).toBe(3);
    expect(levenshtein('ab', 'ba')).toBe(2);
    expect(damerauLevenshtein('ab', 'ba')).toBe(1);
    expect(damerauLevenshtein('hussein', 'husein')).toBe(1);
  });

  it('stops early once the bound is exceeded', () => {
    expect(damerauLevenshtein('muhammad', 'xyzxyzxyz', 1)).toBe(2);
    expect(levenshtein('abcdef', 'a', 2)).toBe(3);
  });
});
