import { describe, expect, it } from 'vitest';
import { bytesSource } from './byte-source.js';
import { type JsonLine, readJsonLines, readLines } from './json-lines.js';

async function* chunks(text: string, size: number): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

async function lines(text: string, size: number) {
  const out: [number, string][] = [];
  for await (const l of readLines(chunks(text, size), 'f')) out.push([l.line, l.text]);
  return out;
}

async function jsonLines(text: string, skip?: (t: string) => boolean) {
  const out: JsonLine[] = [];
  for await (const l of readJsonLines(bytesSource('f.json', text), skip ? { skip } : {})) out.push(l);
  return out;
}

describe('readLines', () => {
  it('splits LF and CRLF lines, skips blank ones and keeps line numbers, whatever the chunking', async () => {
    const text = 'a\r\nbb\n\n  \nccc\r\nd';
    for (const size of [1, 2, 3, 100]) {
      expect(await lines(text, size)).toEqual([
        [1, 'a'],
        [2, 'bb'],
        [5, 'ccc'],
        [6, 'd'],
      ]);
    }
  });
});

describe('readJsonLines', () => {
  it('yields objects and reports bad lines (also those before the first good one) with their numbers', async () => {
    const got = await jsonLines('{oops\n{"a":1}\n[1,2]\n\n{"b":2}\n');
    expect(got.map((l) => (l.ok ? [l.line, l.value] : [l.line, l.message]))).toEqual([
      [1, expect.stringMatching(/^invalid JSON/)],
      [2, { a: 1 }],
      [3, 'the line is JSON but not an object'],
      [5, { b: 2 }],
    ]);
  });

  it('does not parse lines the caller skips, yet counts them as records', async () => {
    const got = await jsonLines('{"skip":1}\n{"keep":2}\n', (t) => t.includes('skip'));
    expect(got).toEqual([{ ok: true, line: 2, text: '{"keep":2}', value: { keep: 2 } }]);
  });

  it('fails a file where no line is a JSON object, naming the first line', async () => {
    await expect(jsonLines('a,b\n1,2\n')).rejects.toThrow(/f\.json: line 1: not a JSON lines file/);
    await expect(jsonLines(Array.from({ length: 30 }, () => 'x').join('\n'))).rejects.toThrow(/line 1: not a JSON lines file/);
    await expect(jsonLines('  \n')).rejects.toThrow(/f\.json: the file is empty/);
  });
});
