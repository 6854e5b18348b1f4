import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: [2, { d: undefined, c: 3 }] })).toBe('{"a":[2,{"c":3}],"b":1}');
  });

  it('gives the same text whatever order properties were built in', () => {
    expect(canonicalJson({ x: 'é', y: { q: true, p: null } })).toBe(canonicalJson({ y: { p: null, q: true }, x: 'é' }));
  });

  it('keeps array order, and reads back as the same value', () => {
    const v = { names: ['B', 'A'], n: 1.5 };
    expect(JSON.parse(canonicalJson(v))).toEqual(v);
    expect(canonicalJson(['B', 'A'])).not.toBe(canonicalJson(['A', 'B']));
  });
});
