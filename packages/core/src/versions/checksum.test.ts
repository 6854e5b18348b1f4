import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bytesSource } from '../text/byte-source.js';
import { checksumSources } from './checksum.js';

describe('checksumSources', () => {
  it('hashes a single file as its bytes', async () => {
    const r = await checksumSources([bytesSource('a.csv', 'hello')]);
    expect(r).toEqual({ checksum: createHash('sha256').update('hello').digest('hex'), bytes: 5 });
  });

  it('hashes a set the same in any order, and differently when bytes move between files', async () => {
    const one = await checksumSources([bytesSource('sdn.csv', 'x'), bytesSource('alt.csv', 'y')]);
    const two = await checksumSources([bytesSource('alt.csv', 'y'), bytesSource('sdn.csv', 'x')]);
    const moved = await checksumSources([bytesSource('alt.csv', 'x'), bytesSource('sdn.csv', 'y')]);
    expect(one.checksum).toBe(two.checksum);
    expect(moved.checksum).not.toBe(one.checksum);
  });
});
