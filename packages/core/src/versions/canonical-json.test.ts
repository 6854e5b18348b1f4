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

  it('writes the same text as JSON.stringify for key-sorted input, escapes included', () => {
    const v = { a: 'quote " backslash \\ newline \n', b: [1, null, true, 'é'], c: { e: [], 'odd key"': -0.5 } };
    expect(canonicalJson(v)).toBe(JSON.stringify(v));
    expect(canonicalJson([undefined, () => 1, Number.NaN])).toBe('[null,null,null]');
    expect(canonicalJson(undefined)).toBe('null');
  });
});
