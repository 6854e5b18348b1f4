import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../program.js';

const fixture = (name: string) => join(import.meta.dirname, 'fixtures', name);
let dir = '';
let db = '';

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
  const code = await run(['node', 'argus', '--db', db, ...args], { stdout: sink((s) => (out += s)), stderr: sink((s) => (err += s)) });
  return { code, out, err };
}

const jsonLines = (path: string) =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'argus-cli-screen-'));
  db = join(dir, 'argus.db');
  expect((await cli('lists', 'import', fixture('screen-sdn.csv'), '--source', 'ofac-sdn')).code).toBe(0);
  expect((await cli('lists', 'import', fixture('screen-un.xml'), '--source', 'un-sc')).code).toBe(0);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('argus screen "<name>"', () => {
  it('ranks the listed person first and explains the alignment', async () => {
    const r = await cli('screen', 'Abdulhai Salek');
    expect(r.code).toBe(0);
    const first = r.out.split('\n')[0] ?? '';
    expect(first).toMatch(/^1\. \d\.\d{3} MATCH\s+SALEK, Abdulhai\s+\[ofac-sdn:7001, Person\]/);
    expect(r.out).toMatch(/name [\d.]+ via "SALEK, Abdulhai": abd, hai, salek/);
  });

  it('records every screening on the audit trail, with who asked and what was found', async () => {
    expect((await cli('screen', 'Abdulhai Salek')).code).toBe(0);
    const r = await cli('audit', 'export', '--action', 'screening.query');
    expect(r.code).toBe(0);
    const last = JSON.parse(r.out.trim().split('\n').at(-1) ?? '{}');
    expect(last).toMatchObject({ action: 'screening.query', subject: 'Abdulhai Salek', actor: 'cli' });
    expect(JSON.stringify(last.after)).toContain('ofac-sdn:7001');
    expect((await cli('audit', 'verify')).code).toBe(0);
  });

  it('prints JSON with the publisher id, band and explanation; order and comma form agree', async () => {
    const r = await cli('screen', 'SALEK, ABDULHAI', '--json');
    expect(r.code).toBe(0);
    const body = JSON.parse(r.out);
    expect(body.matches[0]).toMatchObject({ entity_id: 'ofac-sdn:7001', source: 'ofac-sdn', source_id: '7001', band: 'match' });
    expect(body.matches[0].explanation.name.pairs.map((p: { name: string }) => p.name).sort()).toEqual(['abd', 'hai', 'salek']);
  });

  it('uses date of birth, country, schema and limit', async () => {
    const agree = JSON.parse(
      (
        await cli(
          'screen',
          'Abdul Hai Salek',
          '--dob',
          '1971-03-12',
          '--country',
          'Afghanistan',
          '--schema',
          'Person',
          '--limit',
          '1',
          '--json',
        )
      ).out,
    );
    expect(agree.matches).toHaveLength(1);
    const features = agree.matches[0].explanation.features.map((f: { feature: string; contribution: number }) => [
      f.feature,
      f.contribution > 0,
    ]);
    expect(features).toEqual(
      expect.arrayContaining([
        ['dob', true],
        ['country', true],
      ]),
    );
    const conflict = JSON.parse((await cli('screen', 'Abdul Hai Salek', '--dob', '1950-06-01', '--country', 'DE', '--json')).out);
    const score = (b: { matches: { entity_id: string; score: number }[] }) =>
      b.matches.find((m) => m.entity_id === 'ofac-sdn:7001')?.score ?? 0;
    expect(score(conflict)).toBeLessThan(score(agree));
  });

  it('finds a vessel by its IMO number and a person by a passport number', async () => {
    const vessel = JSON.parse((await cli('screen', 'Pearl of the North', '--id', 'IMO 9187629', '--schema', 'Vessel', '--json')).out);
    expect(vessel.matches[0]).toMatchObject({ entity_id: 'ofac-sdn:7004', band: 'match' });
    // --id repeats and never swallows the name that follows it
    const person = JSON.parse((await cli('screen', '--id', 'X-1', '--id', 'oa-7731902', 'A. Salek', '--json')).out);
    expect(person.matches[0].entity_id).toBe('ofac-sdn:7001');
  });

  it('finds the Latin list entry from the original script and the UN reference number as source_id', async () => {
    const r = JSON.parse((await cli('screen', 'أسامة حامد القرشي', '--json')).out);
    expect(r.matches[0]).toMatchObject({ entity_id: 'un-sc:QDi.901', source: 'un-sc', source_id: 'QDi.901' });
    const latin = JSON.parse((await cli('screen', 'Osama Hamed Qurashi', '--json')).out);
    expect(latin.matches[0].entity_id).toBe('un-sc:QDi.901');
  });

  it('says so when nothing is a candidate', async () => {
    const r = await cli('screen', 'Eleanor Whitcombe');
    expect(r.code).toBe(0);
    expect(r.out).toBe('no match or review candidates\n');
  });

  it.each([
    ['an empty name', ['']],
    ['a name of only punctuation', ['?!.,;--']],
    ['a 10 kB name', ['Salek '.repeat(1700)]],
    ['an impossible date', ['Abdulhai Salek', '--dob', '1990-13-45']],
    ['an unknown country', ['Abdulhai Salek', '--country', 'Narnia']],
    ['an unknown schema', ['Abdulhai Salek', '--schema', 'Spaceship']],
  ])('rejects %s with SCREEN_QUERY_INVALID and exit code 1', async (_what, args) => {
    const r = await cli('screen', ...args);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^argus: SCREEN_QUERY_INVALID: /);
    expect(r.out).toBe('');
  });
});

describe('argus screen batch', () => {
  const rows = [
    'id,schema,full_name,first_name,middle_name,last_name,gender,date_of_birth,place_of_birth,nationality,id_number',
    'c-1,,Abdulhai Salek,,,,,1971-03-12,,Afghanistan,',
    'c-2,,,Eleanor,,Whitcombe,female,,,,',
    'c-3,,,Mohammed,Yousef,Haqqani,m,1965,,PK,',
    'c-4,,,,,,,,,,',
    'c-5,,"?!.,;",,,,,,,,',
    `c-6,,${'Salek '.repeat(1700)},,,,,,,,`,
    'c-7,,Abdulhai Salek,,,,,1990-13-45,,,',
    'c-8,,Abdulhai Salek,,,,,,,Narnia,',
    'c-9,,Abdulhai Salek,,,,,,,,,,extra,fields',
    'c-10,Vessel,Northern Perl,,,,,,,,IMO 9187629',
    'c-11,,أسامة حامد القرشي,,,,,,,,',
  ];

  it('writes one JSONL line per row, in input order, with only match/review candidates and per-row errors', async () => {
    const input = join(dir, 'rows.csv');
    const output = join(dir, 'out.jsonl');
    writeFileSync(input, `${rows.join('\n')}\n`);
    const r = await cli('screen', 'batch', '--input', input, '--output', output, '--workers', '2');
    expect(r.code).toBe(0);
    expect(r.err).toContain('screened 11 rows');
    const audited = (await cli('audit', 'export', '--action', 'screening.batch')).out.trim().split('\n').at(-1) ?? '{}';
    expect(JSON.parse(audited)).toMatchObject({ subject: input, after: { rows: 11 } });
    const lines = jsonLines(output);
    expect(lines.map((l) => [l.row, l.id])).toEqual(rows.slice(1).map((_, i) => [i + 1, `c-${i + 1}`]));
    for (const l of lines) {
      expect(Object.keys(l).slice(0, 3)).toEqual(['row', 'id', 'matches']);
      for (const m of l.matches) {
        expect(Object.keys(m)).toEqual(['entity_id', 'source', 'source_id', 'name', 'score', 'band', 'explanation']);
        expect(['match', 'review']).toContain(m.band);
      }
      const scores = l.matches.map((m: { score: number }) => m.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    }
    const [c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11] = lines;
    expect(c1.matches[0]).toMatchObject({
      entity_id: 'ofac-sdn:7001',
      source: 'ofac-sdn',
      source_id: '7001',
      name: 'SALEK, Abdulhai',
      band: 'match',
    });
    expect(c2.matches).toEqual([]);
    expect(c3.matches[0].entity_id).toBe('ofac-sdn:7002');
    expect(c10.matches[0]).toMatchObject({ entity_id: 'ofac-sdn:7004', band: 'match' });
    expect(c11.matches[0]).toMatchObject({ source: 'un-sc', source_id: 'QDi.901' });
    for (const [line, field] of [
      [c4, 'name'],
      [c5, 'name'],
      [c6, 'name'],
      [c7, 'date_of_birth'],
      [c8, 'nationality'],
      [c9, 'row'],
    ] as const) {
      expect(line.matches).toEqual([]);
      expect(line.error).toMatchObject({ code: 'SCREEN_QUERY_INVALID', field });
      expect(line.error.message.length).toBeGreaterThan(5);
    }
  });

  it('gives the same lines on the calling thread as on worker threads', async () => {
    const input = join(dir, 'rows.csv');
    const a = join(dir, 'threads.jsonl');
    const b = join(dir, 'local.jsonl');
    expect((await cli('screen', 'batch', '--input', input, '--output', a)).code).toBe(0);
    expect((await cli('screen', 'batch', '--input', input, '--output', b, '--workers', '0')).code).toBe(0);
    expect(readFileSync(a, 'utf8')).toBe(readFileSync(b, 'utf8'));
  });

  it('reports a quote never closed as an error on its row, after the rows before it', async () => {
    const input = join(dir, 'open-quote.csv');
    const output = join(dir, 'open-quote.jsonl');
    writeFileSync(input, 'id,full_name\nk-1,Abdulhai Salek\nk-2,"Salek, Abdul\nk-3,Eleanor Whitcombe\n');
    const r = await cli('screen', 'batch', '--input', input, '--output', output, '--workers', '0');
    expect(r.code).toBe(0);
    const lines = jsonLines(output);
    expect(lines).toHaveLength(2);
    expect(lines[0].matches[0].entity_id).toBe('ofac-sdn:7001');
    expect(lines[1]).toMatchObject({ row: 2, id: null, matches: [], error: { code: 'SCREEN_QUERY_INVALID', field: 'row' } });
    expect(lines[1].error.message).toMatch(/never closed/);
  });

  it('writes CSV output with one line per candidate and the row error in its own column', async () => {
    const input = join(dir, 'rows.csv');
    const output = join(dir, 'out.csv');
    expect((await cli('screen', 'batch', '--input', input, '--output', output, '--workers', '0')).code).toBe(0);
    const lines = readFileSync(output, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('row,id,entity_id,source,source_id,name,score,band,error');
    expect(lines[1]).toMatch(/^1,c-1,ofac-sdn:7001,ofac-sdn,7001,"SALEK, Abdulhai",[\d.]+,match,$/);
    expect(lines.find((l) => l.startsWith('2,c-2,'))).toBe('2,c-2,,,,,,no_match,');
    expect(lines.find((l) => l.startsWith('7,c-7,'))).toMatch(/,"SCREEN_QUERY_INVALID: .*1990-13-45/);
  });

  it('refuses an input whose header names no name column', async () => {
    const input = join(dir, 'nohead.csv');
    writeFileSync(input, 'foo,bar\n1,2\n');
    const r = await cli('screen', 'batch', '--input', input, '--output', join(dir, 'x.jsonl'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/INPUT_INVALID/);
  });
});
