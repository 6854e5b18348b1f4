/** The ListRepo contract and the list use cases on top of it, run against every store adapter. */

import { expect, it } from 'vitest';
import { ArgusError, type Entity, emptyEntity } from '@argus/core';
import { bytesSource } from '@argus/core/text';
import { type ListParser, type ListsDeps, diffVersions, getEntity, importList, listSources, updateLists } from '@argus/app/lists';
import { type FetchRequest, type FetchResult, type ListFetcher, type ListRepo, PUBLIC_AGENCY, type Store } from '@argus/app';
import { describeEachStore } from './harness.js';

const T = '2026-01-01T00:00:00.000Z';

function person(list: string, id: string, name: string, more: Partial<Entity> = {}): Entity {
  return { ...emptyEntity(list, id, 'Person'), names: [{ full: name, kind: 'primary' }], ...more };
}

async function all<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

async function newVersion(repo: ListRepo, source: string, checksum = 'c') {
  await repo.upsertSource({ id: source, name: source, urls: [], createdAt: T });
  return repo.beginVersion({
    sourceId: source,
    checksum,
    fileName: `${source}.txt`,
    files: [{ name: `${source}.txt`, size: 1 }],
    format: 'argus-csv',
    importedAt: T,
  });
}

const counts = (n: number) => ({
  entities: n,
  bySchema: { Person: n },
  names: n,
  aliases: 0,
  scripts: { Latn: n },
  birthDates: 0,
  identifiers: 0,
  warnings: 0,
});

/**
 * A parser-free stand-in for the real ones: one entity per line `id|name|dob`, a `#date` line for the
 * publisher's date, `?` lines as warnings, and `BAD` failing the parse with its line number.
 */
const lineParser: ListParser = {
  detectFormat: (names) => (names.every((n) => n.endsWith('.lines')) ? 'argus-csv' : undefined),
  async *parseList(_format, input, options) {
    for (const file of input.files) {
      let text = '';
      for await (const chunk of file.open()) text += new TextDecoder().decode(chunk);
      let line = 0;
      for (const raw of text.split('\n')) {
        line++;
        if (!raw.trim()) continue;
        if (raw.startsWith('#')) yield { type: 'meta', publishedAt: raw.slice(1), declaredCount: 2 };
        else if (raw.startsWith('?')) yield { type: 'warning', location: { file: file.name, line }, message: raw.slice(1) };
        else if (raw === 'BAD')
          throw new ArgusError('LIST_PARSE_FAILED', `${file.name}: line ${line}: unreadable record`, {
            location: { file: file.name, line },
          });
        else {
          const [id = '', name = '', dob] = raw.split('|');
          yield { type: 'entity', entity: person(options.list, id, name, dob ? { birthDates: [{ kind: 'exact', date: dob }] } : {}) };
        }
      }
    }
  },
};

function deps(store: Store, agencyId = 'agency-a', batchSize = 2): ListsDeps {
  return { store, agencyId, clock: { now: () => new Date(T) }, parser: lineParser, batchSize };
}

describeEachStore('lists', ({ store }) => {
  it("creates sources, reads them back, and keeps a source id either public or one agency's own", async () => {
    const pub = store().forAgency(PUBLIC_AGENCY).lists;
    const a = store().forAgency('agency-a').lists;
    const s = await pub.upsertSource({ id: 'src-pub', name: 'Public list', urls: ['http://x/y.xml'], format: 'un-xml', createdAt: T });
    expect(s).toMatchObject({ id: 'src-pub', agencyId: PUBLIC_AGENCY, name: 'Public list', urls: ['http://x/y.xml'], format: 'un-xml' });
    expect(await a.getSource('src-pub')).toMatchObject({ id: 'src-pub', agencyId: PUBLIC_AGENCY });
    await expect(a.upsertSource({ id: 'src-pub', name: 'mine', urls: [], createdAt: T })).rejects.toMatchObject({ code: 'CONFLICT' });
    const renamed = await pub.upsertSource({ id: 'src-pub', name: 'Renamed', urls: [], createdAt: '2030-01-01T00:00:00.000Z' });
    expect(renamed).toMatchObject({ name: 'Renamed', createdAt: T });
  });

  it('keeps a pending version invisible, makes it current atomically, supersedes the previous one', async () => {
    const repo = store().forAgency('agency-a').lists;
    const v1 = await newVersion(repo, 'life', 'c1');
    expect(v1).toMatchObject({ id: 'life@1', seq: 1, status: 'pending', checksum: 'c1', files: [{ name: 'life.txt', size: 1 }] });
    expect(await repo.addEntities(v1.id, [person('life', '2', 'Bravo'), person('life', '1', 'Alpha')])).toEqual({ duplicates: [] });
    expect(await repo.addEntities(v1.id, [person('life', '1', 'Alpha again')])).toEqual({ duplicates: ['life:1'] });
    expect(await all(repo.currentEntities(['life']))).toEqual([]);
    expect(await repo.getEntity('life:1')).toBeUndefined();

    const done = await repo.completeVersion(v1.id, { counts: counts(2), completedAt: T, publishedAt: '2026-01-01', declaredCount: 2 });
    expect(done).toMatchObject({ status: 'current', publishedAt: '2026-01-01', declaredCount: 2, counts: counts(2), completedAt: T });
    expect((await repo.getSource('life'))?.currentVersionId).toBe('life@1');
    expect((await all(repo.versionEntities(v1.id))).map((e) => [e.id, e.names[0]?.full, e.source.version])).toEqual([
      ['life:1', 'Alpha', 'life@1'],
      ['life:2', 'Bravo', 'life@1'],
    ]);

    const v2 = await newVersion(repo, 'life', 'c2');
    await repo.addEntities(v2.id, [
      person('life', '1', 'Alpha', { birthDates: [{ kind: 'exact', date: '1970' }] }),
      person('life', '3', 'Charlie'),
    ]);
    expect(await repo.compareVersions(v1.id, v2.id)).toEqual({ fromVersionId: 'life@1', added: 1, removed: 1, changed: 1, unchanged: 0 });
    await repo.completeVersion(v2.id, { counts: counts(2), completedAt: T });
    expect((await repo.listVersions('life')).map((v) => [v.id, v.status])).toEqual([
      ['life@2', 'current'],
      ['life@1', 'superseded'],
    ]);
    expect((await repo.getEntity('life:1'))?.birthDates).toEqual([{ kind: 'exact', date: '1970' }]);
    expect((await repo.getEntity('life:1', 'life@1'))?.birthDates).toEqual([]);
    expect(await repo.getEntity('life:2')).toBeUndefined();
    await expect(repo.completeVersion(v2.id, { counts: counts(2), completedAt: T })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('fails a version: its rows go, the current version stays', async () => {
    const repo = store().forAgency('agency-a').lists;
    const v1 = await newVersion(repo, 'fail');
    await repo.addEntities(v1.id, [person('fail', '1', 'Alpha')]);
    await repo.completeVersion(v1.id, { counts: counts(1), completedAt: T });
    const v2 = await newVersion(repo, 'fail');
    await repo.addEntities(v2.id, [person('fail', '9', 'Zulu')]);
    await repo.addWarnings(v2.id, [{ location: 'x, line 3', message: 'odd' }]);
    await repo.failVersion(v2.id, 'LIST_PARSE_FAILED: x: line 4: broken', T);
    expect(await repo.getVersion(v2.id)).toMatchObject({ status: 'failed', error: 'LIST_PARSE_FAILED: x: line 4: broken' });
    expect(await all(repo.versionEntities(v2.id))).toEqual([]);
    expect(await repo.warnings(v2.id)).toEqual([]);
    expect((await repo.getSource('fail'))?.currentVersionId).toBe(v1.id);
    expect((await all(repo.currentEntities(['fail']))).map((e) => e.id)).toEqual(['fail:1']);
    await expect(repo.addEntities(v2.id, [person('fail', '8', 'Y')])).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('stores warnings with their locations, in order', async () => {
    const repo = store().forAgency('agency-a').lists;
    const v = await newVersion(repo, 'warn');
    await repo.addWarnings(v.id, [
      { location: 'w.csv, line 2', message: 'bad date "1990-13-45"' },
      { location: 'w.csv, line 7', message: 'unknown country "Atlantis"' },
    ]);
    expect(await repo.warnings(v.id)).toEqual([
      { versionId: v.id, location: 'w.csv, line 2', message: 'bad date "1990-13-45"' },
      { versionId: v.id, location: 'w.csv, line 7', message: 'unknown country "Atlantis"' },
    ]);
    expect(await repo.warnings(v.id, 1)).toHaveLength(1);
  });

  it("shows every agency the public lists and its own, never another agency's", async () => {
    const pub = store().forAgency(PUBLIC_AGENCY).lists;
    const a = store().forAgency('tenant-a').lists;
    const b = store().forAgency('tenant-b').lists;
    for (const [repo, src, name] of [
      [pub, 'ten-pub', 'Public Person'],
      [a, 'ten-a', 'A Person'],
      [b, 'ten-b', 'B Person'],
    ] as const) {
      const v = await newVersion(repo, src);
      await repo.addEntities(v.id, [person(src, '1', name)]);
      await repo.completeVersion(v.id, { counts: counts(1), completedAt: T });
    }
    const ids = async (repo: ListRepo) => (await all(repo.currentEntities())).map((e) => e.id).filter((id) => id.startsWith('ten-'));
    expect((await ids(a)).sort()).toEqual(['ten-a:1', 'ten-pub:1']);
    expect((await ids(b)).sort()).toEqual(['ten-b:1', 'ten-pub:1']);
    expect(await b.getEntity('ten-a:1')).toBeUndefined();
    expect(await b.getSource('ten-a')).toBeUndefined();
    expect(await b.getVersion('ten-a@1')).toBeUndefined();
    expect(await b.listVersions('ten-a')).toEqual([]);
    expect((await b.listSources()).map((s) => s.id)).not.toContain('ten-a');
    // Another agency cannot write into a version it does not own.
    await expect(b.addEntities('ten-a@1', [person('ten-a', '2', 'Intruder')])).rejects.toMatchObject({ code: 'LIST_VERSION_UNKNOWN' });
    await expect(
      b.beginVersion({ sourceId: 'ten-pub', checksum: 'x', fileName: 'f', files: [], format: 'un-xml', importedAt: T }),
    ).rejects.toMatchObject({
      code: 'LIST_SOURCE_UNKNOWN',
    });
  });

  it('pages through versions larger than a page, in id order', async () => {
    const repo = store().forAgency('agency-a').lists;
    const v = await newVersion(repo, 'big');
    const ids = Array.from({ length: 2345 }, (_, i) => String(i));
    for (let i = 0; i < ids.length; i += 500)
      await repo.addEntities(
        v.id,
        ids.slice(i, i + 500).map((id) => person('big', id, `N ${id}`)),
      );
    await repo.completeVersion(v.id, { counts: counts(ids.length), completedAt: T });
    const got = (await all(repo.versionEntities(v.id))).map((e) => e.id);
    expect(got).toEqual(ids.map((id) => `big:${id}`).sort());
  });

  it('importList: imports in batches, says when bytes are unchanged, and keeps the current version on a failed parse', async () => {
    const d = deps(store());
    const first = await importList(d, {
      source: 'imp',
      files: [bytesSource('imp.lines', '#2026-02-01\n1|Alpha|1970\n2|Bravo\n?odd row\n3|Charlie\n')],
    });
    expect(first.status).toBe('imported');
    if (first.status !== 'imported') return;
    expect(first.version).toMatchObject({
      id: 'imp@1',
      status: 'current',
      publishedAt: '2026-02-01',
      declaredCount: 2,
      format: 'argus-csv',
      agencyId: 'agency-a',
    });
    expect(first.version.counts).toMatchObject({ entities: 3, names: 3, birthDates: 1, warnings: 2 });
    expect(first.warnings.map((w) => [w.location, w.message])).toEqual([
      ['imp.lines, line 4', 'odd row'],
      ['imp.lines', 'the file declares 2 entities; 3 were read'],
    ]);
    expect(first.version.checksum).toMatch(/^[0-9a-f]{64}$/);

    const again = await importList(d, {
      source: 'imp',
      files: [bytesSource('imp.lines', '#2026-02-01\n1|Alpha|1970\n2|Bravo\n?odd row\n3|Charlie\n')],
    });
    expect(again).toMatchObject({ status: 'unchanged', version: { id: 'imp@1' } });

    await expect(importList(d, { source: 'imp', files: [bytesSource('imp.lines', '1|Alpha\n2|Bravo\n3|Charlie\nBAD\n')] })).rejects.toThrow(
      'imp.lines: line 4: unreadable record',
    );
    await expect(importList(d, { source: 'imp', files: [bytesSource('imp.lines', '\n?only a warning\n')] })).rejects.toMatchObject({
      code: 'LIST_EMPTY',
    });
    const repo = store().forAgency('agency-a').lists;
    expect((await repo.listVersions('imp')).map((v) => [v.seq, v.status])).toEqual([
      [3, 'failed'],
      [2, 'failed'],
      [1, 'current'],
    ]);
    expect((await all(repo.currentEntities(['imp']))).map((e) => e.id)).toEqual(['imp:1', 'imp:2', 'imp:3']);

    const second = await importList(d, {
      source: 'imp',
      files: [bytesSource('imp.lines', '1|Alpha|1971\n3|Charlie\n4|Delta\n4|Delta twin\n')],
    });
    expect(second.status === 'imported' && second.version.changes).toEqual({
      fromVersionId: 'imp@1',
      added: 1,
      removed: 1,
      changed: 1,
      unchanged: 1,
    });
    expect(second.status === 'imported' && second.warnings.map((w) => w.message)).toEqual([
      'entity imp:4 appears more than once; the later record was ignored',
    ]);
  });

  it('importList reclaims a version an import left pending hours ago, and leaves a recent one alone', async () => {
    const repo = store().forAgency('agency-a').lists;
    await repo.upsertSource({ id: 'reap', name: 'reap', urls: [], createdAt: T });
    const old = await repo.beginVersion({
      sourceId: 'reap',
      checksum: 'x',
      fileName: 'f',
      files: [],
      format: 'argus-csv',
      importedAt: '2025-12-31T00:00:00.000Z',
    });
    const recent = await repo.beginVersion({
      sourceId: 'reap',
      checksum: 'y',
      fileName: 'f',
      files: [],
      format: 'argus-csv',
      importedAt: T,
    });
    await repo.addEntities(old.id, [person('reap', '1', 'Ghost')]);
    await importList(deps(store()), { source: 'reap', files: [bytesSource('r.lines', '1|Alive\n')] });
    expect(await repo.getVersion(old.id)).toMatchObject({ status: 'failed', error: 'abandoned: the import never finished' });
    expect(await all(repo.versionEntities(old.id))).toEqual([]);
    expect(await repo.getVersion(recent.id)).toMatchObject({ status: 'pending' });
  });

  it('importList refuses an unknown format and a bad source id', async () => {
    const d = deps(store());
    await expect(importList(d, { source: 'fmt', files: [bytesSource('x.bin', 'zz')] })).rejects.toMatchObject({
      code: 'LIST_FORMAT_UNKNOWN',
    });
    await expect(importList(d, { source: 'fmt', format: 'pdf', files: [bytesSource('x.bin', 'zz')] })).rejects.toMatchObject({
      code: 'LIST_FORMAT_UNKNOWN',
    });
    await expect(importList(d, { source: 'Bad Id', files: [bytesSource('x.lines', '1|A')] })).rejects.toMatchObject({
      code: 'INPUT_INVALID',
    });
  });

  it('diffVersions and getEntity: field-level changes between any two versions; an entity with its source and version', async () => {
    const d = deps(store(), 'agency-d');
    await importList(d, { source: 'dif', files: [bytesSource('d.lines', '1|Alpha|1970\n2|Bravo\n3|Charlie\n')] });
    await importList(d, { source: 'dif', files: [bytesSource('d.lines', '1|Alpha|1971\n3|Charlie\n4|Delta\n')] });
    await importList(d, { source: 'dif', files: [bytesSource('d.lines', '1|Alpha|1971\n4|Delta\n')] });
    const latest = await diffVersions(d, { source: 'dif' });
    expect([latest.from.id, latest.to.id]).toEqual(['dif@2', 'dif@3']);
    expect(latest.diff.removed.map((e) => e.id)).toEqual(['dif:3']);
    const span = await diffVersions(d, { source: 'dif', from: '1', to: 'dif@3' });
    expect(span.diff.added.map((e) => e.id)).toEqual(['dif:4']);
    expect(span.diff.removed.map((e) => e.id)).toEqual(['dif:2', 'dif:3']);
    expect(span.diff.changed).toEqual([
      { id: 'dif:1', schema: 'Person', name: 'Alpha', changes: [{ field: 'birthDates', kind: 'set', added: ['1971'], removed: ['1970'] }] },
    ]);
    await expect(diffVersions(d, { source: 'dif', from: '9' })).rejects.toMatchObject({ code: 'LIST_VERSION_UNKNOWN' });
    await expect(diffVersions(d, { source: 'nope' })).rejects.toMatchObject({ code: 'LIST_SOURCE_UNKNOWN' });

    const view = await getEntity(d, { id: 'dif:1' });
    expect(view.version.id).toBe('dif@3');
    expect(view.source.id).toBe('dif');
    expect(view.entity.birthDates).toEqual([{ kind: 'exact', date: '1971' }]);
    expect((await getEntity(d, { id: 'dif:2', version: '1' })).entity.names[0]?.full).toBe('Bravo');
    await expect(getEntity(d, { id: 'dif:2' })).rejects.toMatchObject({ code: 'ENTITY_NOT_FOUND' });
    await expect(getEntity(deps(store(), 'agency-other'), { id: 'dif:1' })).rejects.toMatchObject({ code: 'ENTITY_NOT_FOUND' });

    const sources = await listSources(d);
    expect(sources.find((s) => s.id === 'dif')).toMatchObject({
      official: false,
      agencyId: 'agency-d',
      versions: 3,
      current: { id: 'dif@3' },
    });
    expect(sources.filter((s) => s.official).map((s) => s.id)).toContain('ofac-sdn');
  });

  it('imports an official source id as a public list every agency reads', async () => {
    const d = {
      ...deps(store(), 'agency-x'),
      registry: [{ id: 'off-list', name: 'Official', publisher: 'P', format: 'argus-csv', files: [] }],
    };
    const r = await importList(d, { source: 'off-list', files: [bytesSource('o.lines', '1|Official Person\n')] });
    expect(r.status === 'imported' && r.version.agencyId).toBe(PUBLIC_AGENCY);
    expect((await getEntity(deps(store(), 'agency-y'), { id: 'off-list:1' })).source.agencyId).toBe(PUBLIC_AGENCY);
  });
  it('updateLists: conditional requests per file, a changed file re-fetches the whole set, failures leave the current version', async () => {
    const served = new Map<string, { body: string; etag: string } | 'error'>([
      ['http://p/set/a.lines', { body: '1|Alpha\n', etag: '"a1"' }],
      ['http://p/set/b.lines', { body: '2|Bravo\n', etag: '"b1"' }],
    ]);
    const requests: string[] = [];
    const fetcher: ListFetcher = {
      async fetch(r: FetchRequest): Promise<FetchResult> {
        requests.push(`${r.url}${r.etag ? ` if-none-match ${r.etag}` : ''}`);
        const f = served.get(r.url);
        if (f === 'error' || !f) throw new ArgusError('LIST_FETCH_FAILED', `${r.url}: HTTP 500`);
        if (r.etag === f.etag) return { status: 'not-modified', url: r.url };
        const file = bytesSource(r.name ?? 'x', f.body);
        return { status: 'fetched', url: r.url, file, size: f.body.length, checksum: 'unused', etag: f.etag, dispose: async () => {} };
      },
    };
    const registry = [
      {
        id: 'upd-set',
        name: 'A set',
        publisher: 'P',
        format: 'argus-csv',
        files: [
          { name: 'a.lines', url: 'http://p/set/a.lines' },
          { name: 'b.lines', url: 'http://p/set/b.lines' },
        ],
      },
    ];
    const d: ListsDeps = { ...deps(store(), 'agency-u'), fetcher, registry };
    const first = await updateLists(d);
    expect(first).toMatchObject([
      { source: 'upd-set', status: 'imported', result: { version: { id: 'upd-set@1', agencyId: PUBLIC_AGENCY } } },
    ]);
    expect(requests.splice(0)).toEqual(['http://p/set/a.lines', 'http://p/set/b.lines']);

    expect(await updateLists(d, { sources: ['upd-set'] })).toMatchObject([{ status: 'not-modified', version: { id: 'upd-set@1' } }]);
    expect(requests.splice(0)).toEqual(['http://p/set/a.lines if-none-match "a1"', 'http://p/set/b.lines if-none-match "b1"']);

    served.set('http://p/set/b.lines', { body: '2|Bravo\n3|Charlie\n', etag: '"b2"' });
    const third = await updateLists(d);
    expect(third).toMatchObject([{ status: 'imported', result: { version: { id: 'upd-set@2', changes: { added: 1, unchanged: 2 } } } }]);
    expect(requests.splice(0)).toEqual([
      'http://p/set/a.lines if-none-match "a1"',
      'http://p/set/b.lines if-none-match "b1"',
      'http://p/set/a.lines',
    ]);

    served.set('http://p/set/a.lines', { body: '1|Alpha\n', etag: '"a2"' });
    expect(await updateLists(d)).toMatchObject([{ status: 'unchanged', version: { id: 'upd-set@2' } }]);
    requests.splice(0);
    expect(await updateLists(d)).toMatchObject([{ status: 'not-modified' }]);
    expect(requests.splice(0)).toEqual(['http://p/set/a.lines if-none-match "a2"', 'http://p/set/b.lines if-none-match "b2"']);

    served.set('http://p/set/a.lines', 'error');
    expect(await updateLists(d)).toEqual([
      { source: 'upd-set', status: 'failed', error: { code: 'LIST_FETCH_FAILED', message: 'http://p/set/a.lines: HTTP 500' } },
    ]);
    expect((await store().forAgency('agency-u').lists.getSource('upd-set'))?.currentVersionId).toBe('upd-set@2');
    await expect(updateLists(d, { sources: ['nope'] })).rejects.toMatchObject({ code: 'LIST_SOURCE_UNKNOWN' });
  });
});
