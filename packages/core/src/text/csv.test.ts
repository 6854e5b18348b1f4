import { describe, expect, it } from 'vitest';
import { readCsv } from './csv.js';

async function* chunked(text: string, size: number): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

async function records(text: string, size = 1 << 20) {
  const out: { fields: string[]; line: number }[] = [];
  for await (const r of readCsv(chunked(text, size), { file: 't.csv' })) out.push(r);
  return out;
}

describe('readCsv', () => {
  const sample = 'a,b,c\r\n1,"x, y","he said ""hi"""\n2,"multi\nline",\n3,,last';
  const expected = [
    { fields: ['a', 'b', 'c'], line: 1 },
    { fields: ['1', 'x, y', 'he said "hi"'], line: 2 },
    { fields: ['2', 'multi\nline', ''], line: 3 },
    { fields: ['3', '', 'last'], line: 5 },
  ];

  it('reads quoted fields, doubled quotes, embedded newlines and CRLF with record line numbers', async () => {
    expect(await records(sample)).toEqual(expected);
  });

  it('gives the same records whatever the chunk boundaries', async () => {
    for (const size of [1, 2, 3, 5, 7, 11]) expect(await records(sample, size)).toEqual(expected);
  });

  it('skips blank lines and keeps a quote inside an unquoted field', async () => {
    expect(await records('x,ab"c\n\n\ny,2\n')).toEqual([
      { fields: ['x', 'ab"c'], line: 1 },
      { fields: ['y', '2'], line: 4 },
    ]);
  });

  it('names the line of a quote that is never closed', async () => {
    await expect(records('a,b\n1,"open\n2,3\n')).rejects.toThrow(/t\.csv: line 2: a quoted field is never closed/);
  });

  it('reads an empty quoted field at the end of a record', async () => {
    expect(await records('1,""\n2,"z"')).toEqual([
      { fields: ['1', ''], line: 1 },
      { fields: ['2', 'z'], line: 2 },
    ]);
  });
});
