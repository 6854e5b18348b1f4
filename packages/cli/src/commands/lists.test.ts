import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
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

async function currentOf(source: string): Promise<string | undefined> {
  const r = await cli('lists', '--json');
  const sources = JSON.parse(r.out) as { id: string; current?: { id: string } }[];
  return sources.find((s) => s.id === source)?.current?.id;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'argus-cli-lists-'));
  db = join(dir, 'argus.db');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('argus lists', () => {
  it('shows the official sources before anything is imported', async () => {
    const r = await cli('lists');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^SOURCE\s+VERSION\s+ENTITIES/);
    for (const id of ['ofac-sdn', 'ofac-sdn-xml', 'ofac-cons', 'un-sc', 'eu-fsf', 'uk-ofsi']) expect(r.out).toContain(id);
    expect(r.out).toContain('never');
  });

  it('imports a file with a detected format and prints its summary', async () => {
    const r = await cli('lists', 'import', fixture('sdn-v1.csv'), '--source', 'ofac-sdn');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Imported ofac-sdn@1 from');
    expect(r.out).toContain('(ofac-csv), now the current version of ofac-sdn (public list)');
    expect(r.out).toMatch(/entities\s+4/);
    expect(r.out).toMatch(/by schema\s+.*Person 1/);
    expect(r.out).toMatch(/names\s+\d+ \(\d+ aliases\)/);
    expect(r.out).toMatch(/dates of birth\s+1/);
    expect(await currentOf('ofac-sdn')).toBe('ofac-sdn@1');
  });

  it('creates no version for the same bytes, and says so', async () => {
    const r = await cli('lists', 'import', fixture('sdn-v1.csv'), '--source', 'ofac-sdn');
    expect(r.code).toBe(0);
    expect(r.out).toContain('ofac-sdn: unchanged — these bytes are the current version ofac-sdn@1');
  });

  it('imports a second edition as JSON and diffs it against the first', async () => {
    const r = await cli('lists', 'import', fixture('sdn-v2.csv'), '--source', 'ofac-sdn', '--format', 'ofac-csv', '--json');
    expect(r.code).toBe(0);
    const result = JSON.parse(r.out);
    expect(result).toMatchObject({ status: 'imported', version: { id: 'ofac-sdn@2', seq: 2, status: 'current', counts: { entities: 4 } } });
    expect(result.version.changes).toEqual({ fromVersionId: 'ofac-sdn@1', added: 1, removed: 1, changed: 2, unchanged: 1 });

    const text = await cli('lists', 'diff', 'ofac-sdn');
    expect(text.code).toBe(0);
    expect(text.out).toContain('ofac-sdn: ofac-sdn@1 → ofac-sdn@2');
    expect(text.out).toContain('added 1 · removed 1 · changed 2 · unchanged 1');
    expect(text.out).toMatch(/\+ ofac-sdn:7160\s+Person/);
    expect(text.out).toMatch(/- ofac-sdn:36\s+/);
    expect(text.out).toMatch(/names \+ NATIONAL BANK OF CUBA/);
    expect(text.out).toMatch(/birthDates − 1948-12-10/);
    expect(text.out).toMatch(/birthDates \+ 1949-12-10/);

    const data = JSON.parse((await cli('lists', 'diff', 'ofac-sdn', '--from', '1', '--to', 'ofac-sdn@2', '--json')).out);
    expect(data.diff.added.map((e: { id: string }) => e.id)).toEqual(['ofac-sdn:7160']);
    expect(data.diff.removed.map((e: { id: string }) => e.id)).toEqual(['ofac-sdn:36']);
    expect(data.diff.changed.map((e: { id: string }) => e.id).sort()).toEqual(['ofac-sdn:2674', 'ofac-sdn:306']);
  });

  it('fails on a malformed file naming file and line, exits non-zero, and leaves the current version', async () => {
    const r = await cli('lists', 'import', fixture('sdn-malformed.csv'), '--source', 'ofac-sdn');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^argus: LIST_PARSE_FAILED: sdn-malformed\.csv: line 2: /);
    expect(r.out).toBe('');
    expect(await currentOf('ofac-sdn')).toBe('ofac-sdn@2');
    const audited = (await cli('audit', 'export', '--action', 'lists.import')).out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(audited.at(-1)).toMatchObject({ subject: 'ofac-sdn', after: { status: 'failed', error: 'LIST_PARSE_FAILED' } });
    expect(audited.some((e) => e.after.status === 'imported')).toBe(true);
  });

  it('fails on a truncated XML file and leaves the current version', async () => {
    expect((await cli('lists', 'import', fixture('un-small.xml'), '--source', 'un-sc')).code).toBe(0);
    const r = await cli('lists', 'import', fixture('un-truncated.xml'), '--source', 'un-sc');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^argus: LIST_PARSE_FAILED: un-truncated\.xml: (line \d+|.*byte \d+)/);
    expect(await currentOf('un-sc')).toBe('un-sc@1');
    const versions = JSON.parse((await cli('lists', '--json')).out).find((s: { id: string }) => s.id === 'un-sc');
    expect(versions).toMatchObject({ versions: 2, current: { id: 'un-sc@1' } });
  });

  it('refuses an unknown format and a missing file with stable codes', async () => {
    const fmt = await cli('lists', 'import', fixture('sdn-v1.csv'), '--source', 'x', '--format', 'pdf');
    expect(fmt.code).toBe(1);
    expect(fmt.err).toMatch(/^argus: LIST_FORMAT_UNKNOWN: unknown list format "pdf"/);
    const missing = await cli('lists', 'import', join(dir, 'nope.csv'), '--source', 'x');
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/^argus: INPUT_INVALID: .*nope\.csv: no such file or directory/);
    const usage = await cli('lists', 'import', fixture('sdn-v1.csv'));
    expect(usage.code).toBe(2);
    writeFileSync(join(dir, 'empty.csv'), '');
    const empty = await cli('lists', 'import', join(dir, 'empty.csv'), '--source', 'x');
    expect(empty.code).toBe(1);
    expect(empty.err).toMatch(/^argus: LIST_PARSE_FAILED: .*empty\.csv: the file is empty\n$/);
  });

  it('lists every version of a source, failed ones with their error', async () => {
    const r = await cli('lists', 'versions', 'ofac-sdn');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/ofac-sdn@3\s+failed\s+.*LIST_PARSE_FAILED: sdn-malformed\.csv: line 2/);
    expect(r.out).toMatch(/ofac-sdn@2\s+current\s+4/);
    expect(r.out).toMatch(/ofac-sdn@1\s+superseded/);
  });

  it('detects and imports OpenSanctions Senzing and FtM JSON lines and an agency CSV, with their warnings', async () => {
    const senzing = await cli('lists', 'import', fixture('os-peps.senzing.json'), '--source', 'os-peps');
    expect(senzing.code).toBe(0);
    expect(senzing.out).toContain('(senzing-json), now the current version of os-peps');
    expect(senzing.out).toMatch(/entities\s+2\n\s+by schema\s+Person 2/);
    expect(senzing.out).toMatch(/os-peps\.senzing\.json, line 2, record Q900: record Q900 has no RECORD_TYPE/);

    const ftm = await cli('lists', 'import', fixture('os-sanctions.ftm.json'), '--source', 'os-sanctions', '--json');
    expect(ftm.code).toBe(0);
    expect(JSON.parse(ftm.out)).toMatchObject({
      version: { format: 'ftm-json', counts: { entities: 2, bySchema: { Company: 1, Person: 1 }, scripts: { Cyrl: 1, Latn: 2 } } },
    });
    const person = JSON.parse((await cli('entity', 'os-sanctions:NK-a1', '--json')).out);
    expect(person.entity.sanctions).toEqual([
      { authority: 'Office of Foreign Assets Control', program: 'UKRAINE-EO13660', listedOn: '2022-02-24' },
    ]);
    expect(person.entity.properties['Ownership.asset']).toEqual(['os-sanctions:NK-c1']);

    const agency = await cli('lists', 'import', fixture('agency-watchlist.csv'), '--source', 'fiu-watch');
    expect(agency.code).toBe(0);
    expect(agency.out).toContain('(argus-csv), now the current version of fiu-watch');
    expect(agency.out).toMatch(/entities\s+2\n\s+by schema\s+(Company 1 · Person 1|Person 1 · Company 1)\n/);
    expect(agency.out).toMatch(/agency-watchlist\.csv, line 4, record FIU-3, field name: row FIU-3 has no name; not imported/);
  });

  it('diff names an unknown source or version', async () => {
    expect((await cli('lists', 'diff', 'nope')).err).toMatch(/^argus: LIST_SOURCE_UNKNOWN: /);
    expect((await cli('lists', 'diff', 'ofac-sdn', '--from', '7')).err).toMatch(
      /^argus: LIST_VERSION_UNKNOWN: ofac-sdn has no version "7"/,
    );
  });
});

describe('argus entity', () => {
  it('shows one entity with its source and version', async () => {
    const r = await cli('entity', 'ofac-sdn:306');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^ofac-sdn:306 {2}\w+/);
    expect(r.out).toContain('BANCO NACIONAL DE CUBA');
    expect(r.out).toContain('NATIONAL BANK OF CUBA');
    expect(r.out).toMatch(/version\s+ofac-sdn@2 \(current/);
    const old = JSON.parse((await cli('entity', 'ofac-sdn:36', '--version', '1', '--json')).out);
    expect(old).toMatchObject({
      entity: { id: 'ofac-sdn:36', source: { version: 'ofac-sdn@1' } },
      version: { id: 'ofac-sdn@1', status: 'superseded' },
    });
  });

  it('says ENTITY_NOT_FOUND for an unknown id', async () => {
    const r = await cli('entity', 'ofac-sdn:36');
    expect(r.code).toBe(1);
    expect(r.err).toBe('argus: ENTITY_NOT_FOUND: no entity "ofac-sdn:36"\n');
  });
});

describe('argus lists update', () => {
  const un = readFileSync(fixture('un-small.xml'));
  let server: Server;
  let mode: 'ok' | 'error' | 'truncated' | 'silent' = 'ok';
  let requests: { url: string; etag?: string }[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      requests.push({ url: req.url ?? '', ...(req.headers['if-none-match'] ? { etag: String(req.headers['if-none-match']) } : {}) });
      if (req.url !== '/un-sc/consolidated.xml') return void res.writeHead(404).end();
      if (mode === 'error') return void res.writeHead(500).end();
      if (mode === 'silent') return; // never answers: the client's timeout must end the wait
      if (mode === 'truncated') {
        res.writeHead(200, { 'content-length': un.length });
        return void res.write(un.subarray(0, 200), () => res.destroy());
      }
      if (req.headers['if-none-match'] === '"v2"') return void res.writeHead(304).end();
      res.writeHead(200, { etag: '"v2"', 'content-length': un.length }).end(un);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    process.env.ARGUS_LISTS_BASE_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    process.env.ARGUS_FETCH_RETRIES = '1';
    process.env.ARGUS_FETCH_TIMEOUT_MS = '500';
  });

  afterAll(async () => {
    delete process.env.ARGUS_LISTS_BASE_URL;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('downloads, finds the bytes unchanged, then asks conditionally and gets 304', async () => {
    requests = [];
    const first = await cli('lists', 'update', 'un-sc');
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/un-sc\s+unchanged\s+same bytes as un-sc@1; no new version/);
    const second = await cli('lists', 'update', 'un-sc', '--json');
    expect(JSON.parse(second.out)).toMatchObject([{ source: 'un-sc', status: 'not-modified', version: { id: 'un-sc@1' } }]);
    expect(requests).toEqual([{ url: '/un-sc/consolidated.xml' }, { url: '/un-sc/consolidated.xml', etag: '"v2"' }]);
  });

  it('reports a 500, a truncated download and a timeout as failed, exits non-zero, keeps the current version', async () => {
    const expected = {
      error: /un-sc\s+FAILED\s+LIST_FETCH_FAILED: .*HTTP 500/,
      truncated: /un-sc\s+FAILED\s+LIST_FETCH_FAILED: .*truncated download/,
      silent: /un-sc\s+FAILED\s+LIST_FETCH_FAILED: .*no response within 500 ms/,
    };
    for (const m of ['error', 'truncated', 'silent'] as const) {
      mode = m;
      const r = await cli('lists', 'update', 'un-sc');
      expect(r.code).toBe(3);
      expect(r.out).toMatch(expected[m]);
      expect(r.err).toBe('argus: LIST_FETCH_FAILED: 1 of 1 sources failed to update: un-sc\n');
      expect(await currentOf('un-sc')).toBe('un-sc@1');
    }
    mode = 'ok';
  });

  it('refuses an unknown source', async () => {
    const r = await cli('lists', 'update', 'nope');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^argus: LIST_SOURCE_UNKNOWN: no official list source "nope"/);
  });
});
