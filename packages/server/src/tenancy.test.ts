import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { person, seedList, type TestServer, testServer } from './server.test-helpers.js';

const csrf = { 'x-argus-csrf': '1' };

describe('agencies see and change only their own rows', () => {
  let t: TestServer;
  let a = '';
  let b = '';
  let aAdmin = '';
  let bAdmin = '';
  let aUserId = '';
  beforeAll(async () => {
    t = await testServer();
    await seedList(t.store, 'public', 'ofac-sdn', [person('ofac-sdn', '1', 'Ivan Petrov')]);
    await seedList(t.store, 'default', 'own-a', [person('own-a', '7', 'Secret Informant')]);
    aUserId = await t.user('default', 'rev-a', 'reviewer');
    await t.user('agency-b', 'rev-b', 'reviewer');
    await t.user('default', 'adm-a', 'admin');
    await t.user('agency-b', 'adm-b', 'admin');
    a = await t.login('rev-a');
    b = await t.login('rev-b');
    aAdmin = await t.login('adm-a');
    bAdmin = await t.login('adm-b');
  });
  afterAll(async () => t.close());

  it("hides one agency's own list from another, in entities and in screening", async () => {
    expect((await t.app.inject({ url: '/api/entities/own-a:7', headers: { cookie: a } })).statusCode).toBe(200);
    const other = await t.app.inject({ url: '/api/entities/own-a:7', headers: { cookie: b } });
    expect(other.statusCode).toBe(404);
    expect(other.json().code).toBe('ENTITY_NOT_FOUND');
    const sa = await t.app.inject({
      method: 'POST',
      url: '/api/screen',
      headers: { cookie: a, ...csrf },
      payload: { name: 'secret informant' },
    });
    const sb = await t.app.inject({
      method: 'POST',
      url: '/api/screen',
      headers: { cookie: b, ...csrf },
      payload: { name: 'secret informant' },
    });
    expect(sa.json().matches.map((m: { entity_id: string }) => m.entity_id)).toEqual(['own-a:7']);
    expect(sb.json().matches).toEqual([]);
    // Public lists are read by both.
    expect((await t.app.inject({ url: '/api/entities/ofac-sdn:1', headers: { cookie: b } })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/lists/own-a/versions', headers: { cookie: b } })).statusCode).toBe(404);
    const listsB = (await t.app.inject({ url: '/api/lists', headers: { cookie: b } })).json();
    expect(listsB.sources.map((s: { id: string }) => s.id)).not.toContain('own-a');
  });

  it('keeps review decisions to the agency that made them (reads and writes)', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/reviews',
      headers: { cookie: a, ...csrf },
      payload: { query: { name: 'Ivan Petrov' }, entityId: 'ofac-sdn:1', decision: 'false_positive', reason: 'different person' },
    });
    expect(r.statusCode).toBe(201);
    expect((await t.app.inject({ url: '/api/reviews', headers: { cookie: b } })).json().reviews).toEqual([]);
    const sb = await t.app.inject({
      method: 'POST',
      url: '/api/screen',
      headers: { cookie: b, ...csrf },
      payload: { name: 'Ivan Petrov' },
    });
    expect(sb.json().matches[0].review).toBeUndefined();
    const sa = await t.app.inject({
      method: 'POST',
      url: '/api/screen',
      headers: { cookie: a, ...csrf },
      payload: { name: 'Ivan Petrov' },
    });
    expect(sa.json().matches[0].review).toMatchObject({ decision: 'false_positive', by: 'rev-a' });
    // B cannot review A's own entity: it does not exist for B.
    const w = await t.app.inject({
      method: 'POST',
      url: '/api/reviews',
      headers: { cookie: b, ...csrf },
      payload: { query: { name: 'x' }, entityId: 'own-a:7', decision: 'true_match', reason: 'x' },
    });
    expect(w.statusCode).toBe(404);
  });

  it('refuses admin reads and writes across agencies', async () => {
    const users = (await t.app.inject({ url: '/api/admin/users', headers: { cookie: bAdmin } })).json().users;
    expect(users.map((u: { username: string }) => u.username).sort()).toEqual(['adm-b', 'rev-b']);
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/admin/users/${aUserId}`,
      headers: { cookie: bAdmin, ...csrf },
      payload: { role: 'admin' },
    });
    expect(patch.statusCode).toBe(404);
    const create = await t.app.inject({
      method: 'POST',
      url: '/api/admin/users',
      headers: { cookie: bAdmin, ...csrf },
      payload: { username: 'mole', password: 'long enough password', role: 'admin', agencyId: 'default' },
    });
    expect(create.statusCode).toBe(403);
    const agency = await t.app.inject({
      method: 'POST',
      url: '/api/admin/agencies',
      headers: { cookie: bAdmin, ...csrf },
      payload: { id: 'c', name: 'C' },
    });
    expect(agency.statusCode).toBe(403);
    expect(
      (await t.app.inject({ url: '/api/admin/agencies', headers: { cookie: bAdmin } })).json().agencies.map((x: { id: string }) => x.id),
    ).toEqual(['agency-b']);
    // A's key cannot be revoked by B.
    const key = await t.app.inject({
      method: 'POST',
      url: '/api/admin/api-keys',
      headers: { cookie: aAdmin, ...csrf },
      payload: { name: 'k', scopes: ['screen'] },
    });
    const del = await t.app.inject({
      method: 'DELETE',
      url: `/api/admin/api-keys/${key.json().apiKey.id}`,
      headers: { cookie: bAdmin, ...csrf },
    });
    expect(del.statusCode).toBe(404);
    expect((await t.app.inject({ url: '/api/admin/api-keys', headers: { cookie: bAdmin } })).json().apiKeys).toEqual([]);
  });

  it("hides one agency's batch jobs from another", async () => {
    const boundary = 'xyz';
    const payload = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="b.csv"\r\nContent-Type: text/csv\r\n\r\nid,full_name\r\n1,Ivan Petrov\r\n2,Nobody Here\r\n--${boundary}--\r\n`;
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/screen/batch',
      headers: { cookie: a, ...csrf, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload,
    });
    expect(r.statusCode).toBe(202);
    const id = r.json().job.id as string;
    let job = r.json().job;
    for (let i = 0; i < 50 && job.status !== 'done'; i++) {
      await new Promise((res) => setTimeout(res, 10));
      job = (await t.app.inject({ url: `/api/screen/batch/${id}`, headers: { cookie: a } })).json().job;
    }
    expect(job).toMatchObject({ status: 'done', total: 2, done: 2, errors: 0 });
    const rows = (await t.app.inject({ url: `/api/screen/batch/${id}/results?offset=0&limit=10`, headers: { cookie: a } })).json();
    expect(rows.total).toBe(2);
    expect(rows.rows[0].matches[0].entity_id).toBe('ofac-sdn:1');
    const csv = await t.app.inject({ url: `/api/screen/batch/${id}/download?format=csv`, headers: { cookie: a } });
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.body.split('\n')[1]).toContain('ofac-sdn:1');
    for (const path of ['', '/results', '/download?format=jsonl']) {
      expect((await t.app.inject({ url: `/api/screen/batch/${id}${path}`, headers: { cookie: b } })).statusCode).toBe(404);
    }
  });
});

describe('roles', () => {
  let t: TestServer;
  const cookies: Record<string, string> = {};
  beforeAll(async () => {
    t = await testServer();
    await seedList(t.store, 'public', 'ofac-sdn', [person('ofac-sdn', '1', 'Ivan Petrov')]);
    for (const role of ['admin', 'analyst', 'reviewer', 'auditor'] as const) {
      await t.user('default', role, role);
      cookies[role] = await t.login(role);
    }
  });
  afterAll(async () => t.close());

  const review = { query: { name: 'Ivan Petrov' }, entityId: 'ofac-sdn:1', decision: 'true_match', reason: 'same DOB' };

  it('lets an auditor read but not write', async () => {
    const h = { cookie: cookies.auditor as string, ...csrf };
    expect((await t.app.inject({ url: '/api/lists', headers: h })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/reviews', headers: h })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: '/api/screen', headers: h, payload: { name: 'x' } })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: '/api/reviews', headers: h, payload: review })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: '/api/lists/update', headers: h, payload: {} })).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/admin/users', headers: h })).statusCode).toBe(403);
  });

  it('lets an analyst screen but neither decide hits nor administer', async () => {
    const h = { cookie: cookies.analyst as string, ...csrf };
    expect((await t.app.inject({ method: 'POST', url: '/api/screen', headers: h, payload: { name: 'Ivan' } })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: '/api/reviews', headers: h, payload: review })).statusCode).toBe(403);
    for (const [method, url] of [
      ['GET', '/api/admin/users'],
      ['POST', '/api/admin/users'],
      ['GET', '/api/admin/api-keys'],
      ['POST', '/api/admin/agencies'],
    ] as const) {
      const r = await t.app.inject({ method, url, headers: h, payload: method === 'POST' ? {} : undefined });
      expect(r.statusCode, url).toBe(403);
      expect(r.json().code).toBe('AUTH_FORBIDDEN');
    }
  });

  it('lets a reviewer record decisions and an admin manage users', async () => {
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/reviews',
          headers: { cookie: cookies.reviewer as string, ...csrf },
          payload: review,
        })
      ).statusCode,
    ).toBe(201);
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/admin/users',
      headers: { cookie: cookies.admin as string, ...csrf },
      payload: { username: 'newbie', password: 'a long enough one', role: 'analyst' },
    });
    expect(r.statusCode).toBe(201);
    expect(r.json().user).toMatchObject({ username: 'newbie', role: 'analyst', agencyId: 'default', disabled: false });
    expect(r.json().user.passwordHash).toBeUndefined();
    const dup = await t.app.inject({
      method: 'POST',
      url: '/api/admin/users',
      headers: { cookie: cookies.admin as string, ...csrf },
      payload: { username: 'newbie', password: 'a long enough one', role: 'analyst' },
    });
    expect(dup.statusCode).toBe(409);
  });
});
