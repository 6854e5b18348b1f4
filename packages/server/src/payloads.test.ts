import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { person, seedList, type TestServer, testServer } from './server.test-helpers.js';

const csrf = { 'x-argus-csrf': '1' };
const SQL = "Robert'); DROP TABLE users; --";
const SCRIPT = '<script>alert("x")</script><img src=x onerror=alert(1)>';

describe('injection and script payloads are stored and returned inertly', () => {
  let t: TestServer;
  let cookie = '';
  beforeAll(async () => {
    t = await testServer();
    await seedList(t.store, 'public', 'ofac-sdn', [person('ofac-sdn', '9', `${SCRIPT} ${SQL}`)]);
    await t.user('default', 'rev', 'reviewer');
    cookie = await t.login('rev');
  });
  afterAll(async () => t.close());

  it('returns a listed name with markup and SQL as plain JSON text', async () => {
    const r = await t.app.inject({ url: '/api/entities/ofac-sdn:9', headers: { cookie } });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/^application\/json/);
    expect(r.json().entity.names[0].full).toBe(`${SCRIPT} ${SQL}`);
  });

  it('screens, reviews and lists reviews with payloads in the query and reason, verbatim', async () => {
    const s = await t.app.inject({
      method: 'POST',
      url: '/api/screen',
      headers: { cookie, ...csrf },
      payload: { name: 'DROP TABLE', country: SQL },
    });
    expect(s.statusCode).toBe(200);
    expect(s.json().query).toEqual({ name: 'DROP TABLE', country: SQL });
    expect(s.json().matches[0].name).toBe(`${SCRIPT} ${SQL}`);
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/reviews',
      headers: { cookie, ...csrf },
      payload: { query: { name: SQL }, entityId: 'ofac-sdn:9', decision: 'false_positive', reason: SCRIPT },
    });
    expect(r.statusCode).toBe(201);
    const list = (await t.app.inject({ url: '/api/reviews', headers: { cookie } })).json().reviews;
    expect(list[0]).toMatchObject({ reason: SCRIPT, query: { name: SQL } });
    // The tables are all still there.
    expect(await t.store.auth().countUsers()).toBe(1);
  });

  it('refuses a username made of SQL, and a login with one finds nobody', async () => {
    const admin = await t.user('default', 'adm', 'admin');
    expect(admin).toBeTruthy();
    const ac = await t.login('adm');
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/admin/users',
      headers: { cookie: ac, ...csrf },
      payload: { username: "x' OR '1'='1", password: 'long enough password', role: 'admin' },
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().field).toBe('username');
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: csrf,
      payload: { username: "adm' --", password: "' OR '1'='1" },
    });
    expect(login.statusCode).toBe(401);
  });

  it('serves problems as JSON with the payload escaped, never as HTML', async () => {
    const r = await t.app.inject({ url: `/api/entities/${encodeURIComponent(`x:${SCRIPT}`)}`, headers: { cookie } });
    expect(r.statusCode).toBe(404);
    expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(r.body).not.toContain('<script>alert');
  });
});
