import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from './build-server.js';
import { screeningService } from './screening-wiring.js';
import { person, seedList, type TestServer, testServer } from './server.test-helpers.js';

const csrf = { 'x-argus-csrf': '1' };

describe('POST /api/screen with the real matcher', () => {
  let t: TestServer;
  let app: Awaited<ReturnType<typeof buildServer>>;
  let cookie = '';
  beforeAll(async () => {
    t = await testServer();
    await seedList(t.store, 'public', 'un-sc', [
      person('un-sc', 'QDi.1', 'Abdul Rahman Yasin', {
        birthDates: [{ kind: 'exact', date: '1960-04-10' }],
        countries: [{ code: 'IQ', role: 'nationality' }],
      }),
      person('un-sc', 'QDi.2', 'Maria Gonzalez Lopez'),
    ]);
    const service = screeningService(t.store);
    app = await buildServer({ ...t.deps, screening: () => service });
    await app.listen({ port: 0, host: '127.0.0.1' });
    await t.user('default', 'ana', 'analyst');
    const r = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: csrf,
      payload: { username: 'ana', password: 'correct horse battery' },
    });
    cookie = `argus_session=${r.cookies[0]?.value}`;
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  it('ranks the listed person first, with a band and an explanation', async () => {
    const r = await app.inject({
      method: 'POST',
      url: '/api/screen',
      headers: { cookie, ...csrf },
      payload: { name: 'Abdul Rahman Yaseen', dob: '1960', country: 'Iraq' },
    });
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.query).toEqual({ name: 'Abdul Rahman Yaseen', dob: '1960', country: 'Iraq' });
    expect(body.matches[0]).toMatchObject({
      entity_id: 'un-sc:QDi.1',
      source: 'un-sc',
      source_id: 'QDi.1',
      name: 'Abdul Rahman Yasin',
      schema: 'Person',
    });
    expect(body.matches[0].score).toBeGreaterThan(0.7);
    expect(['match', 'review']).toContain(body.matches[0].band);
    expect(body.matches[0].explanation.name.pairs.length).toBeGreaterThan(0);
    expect(typeof body.took_ms).toBe('number');
    const audited = (await t.store.forAgency('default').audit.list()).filter((e) => e.action === 'screening.query');
    expect(audited.at(-1)).toMatchObject({ actor: 'ana', subject: 'Abdul Rahman Yaseen' });
    expect(JSON.stringify(audited.at(-1))).toContain('un-sc:QDi.1');
  });

  it('answers a query it cannot screen with SCREEN_QUERY_INVALID naming the API field', async () => {
    const r = await app.inject({
      method: 'POST',
      url: '/api/screen',
      headers: { cookie, ...csrf },
      payload: { name: 'Maria Gonzalez', country: 'Narnia' },
    });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toMatchObject({ code: 'SCREEN_QUERY_INVALID', field: 'country' });
    const empty = await app.inject({ method: 'POST', url: '/api/screen', headers: { cookie, ...csrf }, payload: { name: '   ' } });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().field).toBe('name');
  });

  it('answers SERVICE_STARTING while the index is not ready', async () => {
    const starting = await buildServer({ ...t.deps, screening: () => undefined });
    try {
      const r = await starting.inject({ method: 'POST', url: '/api/screen', headers: { cookie, ...csrf }, payload: { name: 'x' } });
      expect(r.statusCode).toBe(503);
      expect(r.json().code).toBe('SERVICE_STARTING');
    } finally {
      await starting.close();
    }
  });
});

describe('audit of logins and admin actions', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await testServer();
    await t.user('default', 'boss', 'admin');
  });
  afterAll(async () => t.close());

  it('appends logins, failed logins and user creation to the agency audit chain', async () => {
    const cookie = await t.login('boss');
    await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: csrf, payload: { username: 'boss', password: 'wrong' } });
    await t.app.inject({
      method: 'POST',
      url: '/api/admin/users',
      headers: { cookie, ...csrf },
      payload: { username: 'newbie', password: 'long enough password', role: 'auditor' },
    });
    const actions = (await t.store.forAgency('default').audit.list()).map((e) => `${e.action} ${e.actor}`);
    expect(actions).toEqual(expect.arrayContaining(['auth.login boss', 'auth.login.failed boss', 'admin.user.create boss']));
  });
});
