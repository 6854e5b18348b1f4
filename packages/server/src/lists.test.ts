import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_LAYOUT, listsConfig } from './list-loader.js';
import { person, seedList, type TestServer, testServer } from './server.test-helpers.js';

describe('list routes', () => {
  let t: TestServer;
  let cookie = '';
  beforeAll(async () => {
    t = await testServer();
    await seedList(t.store, 'public', 'ofac-sdn', [person('ofac-sdn', '1', 'Ivan Petrov'), person('ofac-sdn', '2', 'Old Name')]);
    await seedList(t.store, 'public', 'ofac-sdn', [
      person('ofac-sdn', '1', 'Ivan Petrov', { birthDates: [{ kind: 'exact', date: '1970' }] }),
      person('ofac-sdn', '3', 'New Person'),
    ]);
    await t.user('default', 'ana', 'analyst');
    cookie = await t.login('ana');
  });
  afterAll(async () => t.close());

  it('lists sources with their current version', async () => {
    const r = await t.app.inject({ url: '/api/lists', headers: { cookie } });
    const sdn = r.json().sources.find((s: { id: string }) => s.id === 'ofac-sdn');
    expect(sdn.currentVersion).toMatchObject({ id: 'ofac-sdn@2', seq: 2, status: 'current' });
  });

  it('lists versions newest first and diffs them field by field', async () => {
    const v = await t.app.inject({ url: '/api/lists/ofac-sdn/versions', headers: { cookie } });
    expect(v.json().versions.map((x: { seq: number }) => x.seq)).toEqual([2, 1]);
    const d = (await t.app.inject({ url: '/api/lists/ofac-sdn/diff?from=1&to=2', headers: { cookie } })).json();
    expect(d.from.seq).toBe(1);
    expect(d.to.seq).toBe(2);
    expect(d.added.map((e: { id: string }) => e.id)).toEqual(['ofac-sdn:3']);
    expect(d.removed.map((e: { id: string }) => e.id)).toEqual(['ofac-sdn:2']);
    expect(d.changed[0].id).toBe('ofac-sdn:1');
    expect(d.changed[0].changes.length).toBeGreaterThan(0);
  });

  it('answers an unknown source with LIST_SOURCE_UNKNOWN', async () => {
    const r = await t.app.inject({ url: '/api/lists/nope/versions', headers: { cookie } });
    expect(r.statusCode).toBe(404);
    expect(r.json().code).toBe('LIST_SOURCE_UNKNOWN');
  });

  it('returns an entity with its source and version', async () => {
    const r = (await t.app.inject({ url: '/api/entities/ofac-sdn:1', headers: { cookie } })).json();
    expect(r.entity.names[0].full).toBe('Ivan Petrov');
    expect(r.source.id).toBe('ofac-sdn');
    expect(r.version).toMatchObject({ id: 'ofac-sdn@2', seq: 2 });
  });
});

describe('start-up list configuration', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'argus-cfg-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('downloads every official source by default', () => {
    const c = listsConfig(dir, {});
    expect(c.lists.every((e) => e.path === undefined)).toBe(true);
    expect(c.lists.map((e) => e.source)).toContain('un-sc');
  });

  it('maps ARGUS_LISTS_DIR onto the shared layout, skipping what is absent', () => {
    writeFileSync(join(dir, 'x.xml'), '');
    const c = listsConfig(dir, { ARGUS_LISTS_DIR: dir });
    expect(c.lists).toEqual([]);
    expect(LOCAL_LAYOUT.map((e) => e.source)).toContain('ofac-sdn');
  });

  it('reads argus.config.json with paths relative to it', () => {
    writeFileSync(join(dir, 'argus.config.json'), JSON.stringify({ lists: [{ source: 'un-sc', path: 'x.xml' }, { source: 'eu-fsf' }] }));
    const c = listsConfig(dir, {});
    expect(c.lists).toEqual([{ source: 'un-sc', path: join(dir, 'x.xml') }, { source: 'eu-fsf' }]);
  });
});
