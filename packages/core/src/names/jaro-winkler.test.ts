import { describe, expect, it } from 'vitest';
import { jaro, jaroWinkler } from './jaro-winkler.js';

describe('jaroWinkler', () => {
  it('matches the reference values of Winkler (1990) and the Apache Commons implementation', () => {
    expect(jaroWinkler('MARTHA', 'MARHTA')).toBeCloseTo(0.9611, 4);
    expect(jaroWinkler('DWAYNE', 'DUANE')).toBeCloseTo(0.84, 4);
    expect(jaroWinkler('DIXON', 'DICKSONX')).toBeCloseTo(0.8133, 4);
    expect(jaroWinkler('JELLYFISH', 'SMELLYFISH')).toBeCloseTo(0.8963, 4);
    expect(jaro('MARTHA', 'MARHTA')).toBeCloseTo(0.9444, 4);
  });

  it('gives no prefix boost at or below the 0.7 threshold', () => {
    const j = jaro('ABCXYZ', 'ABDQRS');
    expect(j).toBeLessThanOrEqual(0.7);
    expect(jaroWinkler('ABCXYZ', 'ABDQRS')).toBe(j);
  });

  it('handles empty and identical strings', () => {
    expect(jaroWinkler('', 'ABC')).toBe(0);
    expect(jaroWinkler('SAME', 'SAME')).toBe(1);
  });
});
