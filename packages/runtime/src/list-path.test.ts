import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readListPath } from './list-path.js';

const dir = mkdtempSync(join(tmpdir(), 'argus-list-path-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function text(open: () => AsyncIterable<Uint8Array>): Promise<string> {
  const parts: Buffer[] = [];
  for await (const c of open()) parts.push(Buffer.from(c));
  return Buffer.concat(parts).toString('utf8');
}

describe('readListPath', () => {
  it('reads one file under its base name, with its size', async () => {
    writeFileSync(join(dir, 'one.xml'), '<x/>');
    const p = readListPath(join(dir, 'one.xml'));
    expect(p.files.map((f) => [f.name, f.size])).toEqual([['one.xml', 4]]);
    expect(await text(() => (p.files[0] as (typeof p.files)[number]).open())).toBe('<x/>');
  });

  it('reads a directory as a set: visible files in name order', () => {
    const set = join(dir, 'set');
    mkdirSync(set);
    for (const f of ['sdn.csv', 'add.csv', '.DS_Store', 'alt.csv']) writeFileSync(join(set, f), f);
    mkdirSync(join(set, 'sub'));
    expect(readListPath(set).files.map((f) => f.name)).toEqual(['add.csv', 'alt.csv', 'sdn.csv']);
  });

  it('names a missing path and an empty directory', () => {
    expect(() => readListPath(join(dir, 'nope.csv'))).toThrow(/nope\.csv: no such file or directory/);
    mkdirSync(join(dir, 'empty'));
    expect(() => readListPath(join(dir, 'empty'))).toThrow(expect.objectContaining({ code: 'LIST_EMPTY' }));
  });
});
