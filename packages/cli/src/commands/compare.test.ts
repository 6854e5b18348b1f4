import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../program.js';

let dir = '';

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const sink = (append: (s: string) => void) =>
    ({
      write: (s: string | Uint8Array) => {
        append(String(s));
        return true;
      },
    }) as unknown as NodeJS.WritableStream;
  const code = await run(['node', 'argus', '--db', join(dir, 'argus.db'), ...args], {
    stdout: sink((s) => (out += s)),
    stderr: sink((s) => (err += s)),
  });
  return { code, out, err };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'argus-cli-compare-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('argus compare "A" "B"', () => {
  it('prints score, decision and the aligned tokens', async () => {
    const r = await cli('compare', 'Mohammed Yaseen Rahimi', 'RAHIMI, Muhammad Yasin');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^\d\.\d{3} match\n/);
    expect(r.out).toContain('mohammed ~ muhammad: 0.97 (variant');
    expect(r.out).toContain('yaseen ~ yasin: 0.95 (variant');
  });

  it('prints JSON with score, decision and explanation, and reads --schema', async () => {
    const r = await cli('compare', 'Global Comm Grp LLC', 'GLOBAL COMMUNICATIONS GROUP', '--schema', 'Company', '--json');
    expect(r.code).toBe(0);
    const body = JSON.parse(r.out);
    expect(body.decision).toBe('match');
    expect(body.score).toBeGreaterThanOrEqual(0.85);
    expect(body.explanation.pairs.length).toBe(3);
    // Only the generic words agree: never a candidate.
    const generic = JSON.parse(
      (await cli('compare', 'Alpha General Trading Corp', 'Omega General Trading Corp', '--schema', 'Company', '--json')).out,
    );
    expect(generic.decision).toBe('no_match');
  });

  it.each([
    ['an empty name', ['', 'Ali Khan']],
    ['a name of only punctuation', ['Ali Khan', '?!.,;']],
    ['a 10 kB name', ['Khan '.repeat(2000), 'Ali Khan']],
    ['an unknown schema', ['Ali Khan', 'Ali Khan', '--schema', 'Planet']],
  ])('rejects %s with SCREEN_QUERY_INVALID', async (_what, args) => {
    const r = await cli('compare', ...args);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^argus: SCREEN_QUERY_INVALID: /);
  });
});

describe('argus compare --input pairs.csv --output scored.csv', () => {
  it('passes every input column through and adds exactly score and decision; bad rows are named on stderr, the file goes on', async () => {
    const input = join(dir, 'pairs.csv');
    const output = join(dir, 'scored.csv');
    writeFileSync(
      input,
      [
        'pair_id,schema,name1,name2,note',
        'p1,Person,Usama bin Ladin,Osama Bin Laden,"transliteration, particle"',
        'p2,Person,John Smith,Peter Smith,different given name',
        'p3,Person,,Ali Khan,empty',
        'p4,Planet,Ali Khan,Ali Khan,bad schema',
        'p5,person,Ali Khan,Ali Khan,extra,fields',
        'p6,company,Acme Trading LLC,ACME TRADING,lower-case schema',
      ].join('\n'),
    );
    const r = await cli('compare', '--input', input, '--output', output);
    expect(r.code).toBe(0);
    expect(r.err).toContain('compared 6 pairs, 3 errors');
    const lines = readFileSync(output, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('pair_id,schema,name1,name2,note,score,decision');
    expect(lines[1]).toMatch(/^p1,Person,Usama bin Ladin,Osama Bin Laden,"transliteration, particle",[\d.]+,match$/);
    expect(lines[2]).toMatch(/^p2,Person,John Smith,Peter Smith,different given name,[\d.]+,no_match$/);
    expect(lines[3]).toBe('p3,Person,,Ali Khan,empty,,');
    expect(lines[4]).toBe('p4,Planet,Ali Khan,Ali Khan,bad schema,,');
    expect(lines[5]).toBe('p5,person,Ali Khan,Ali Khan,extra,,');
    expect(r.err).toMatch(/SCREEN_QUERY_INVALID: .*pairs\.csv:4: name1: the name is empty/);
    expect(r.err).toMatch(/SCREEN_QUERY_INVALID: .*pairs\.csv:5: unknown schema "Planet"/);
    expect(r.err).toMatch(/SCREEN_QUERY_INVALID: .*pairs\.csv:6: malformed row: 6 fields, the header has 5/);
    expect(lines[6]).toMatch(/^p6,company,Acme Trading LLC,ACME TRADING,lower-case schema,[\d.]+,match$/);
  });

  it('needs name1 and name2 columns', async () => {
    const input = join(dir, 'bad-head.csv');
    writeFileSync(input, 'a,b\n1,2\n');
    const r = await cli('compare', '--input', input, '--output', join(dir, 'x.csv'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/INPUT_INVALID: .*name1 and name2/);
  });
});
