import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { argon2Hasher } from './argon2-hasher.js';
import { PASSWORD, type TestServer, testServer } from './server.test-helpers.js';

describe('login, sessions and CSRF', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await testServer();
    await t.user('default', 'ana', 'analyst');
    await t.user('default', 'boss', 'admin');
  });
  afterAll(async () => t.close());

  it('logs in with an HttpOnly SameSite=Strict cookie and answers /me', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'x-argus-csrf': '1' },
      payload: { username: 'ana', password: PASSWORD },
    });
    expect(r.statusCode).toBe(200);
    expect(r.json().user).toMatchObject({ username: 'ana', role: 'analyst', agencyId: 'default', agencyName: 'Default agency' });
    expect(r.json().user.passwordHash).toBeUndefined();
    const c = r.cookies.find((k) => k.name === 'argus_session');
    expect(c).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(c?.value.length).toBeGreaterThanOrEqual(43); // 256 bits, base64url
    const me = await t.app.inject({ url: '/api/auth/me', headers: { cookie: `argus_session=${c?.value}` } });
    expect(me.json().user.username).toBe('ana');
  });

  it('stores only a hash of the session id', async () => {
    const cookie = await t.login('ana');
    const id = cookie.split('=')[1] as string;
    expect(await t.store.auth().getSession(id)).toBeUndefined();
  });

  it('answers a wrong password with AUTH_INVALID problem+json, the same as an unknown user', async () => {
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'x-argus-csrf': '1' },
      payload: { username: 'boss', password: 'nope' },
    });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'x-argus-csrf': '1' },
      payload: { username: 'ghost', password: 'nope' },
    });
    for (const r of [wrong, unknown]) {
      expect(r.statusCode).toBe(401);
      expect(r.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(Object.keys(r.json()).sort()).toEqual(['code', 'detail', 'field', 'instance', 'status', 'title', 'type']);
      expect(r.json()).toMatchObject({ code: 'AUTH_INVALID', status: 401, instance: '/api/auth/login' });
    }
    expect(wrong.json().detail).toBe(unknown.json().detail);
  });

  it('rejects a login body that does not validate, naming the field', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'x-argus-csrf': '1' },
      payload: { username: 'ana' },
    });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toMatchObject({ code: 'INPUT_INVALID', field: 'password' });
  });

  it('throttles a username after five failures, even with the right password', async () => {
    await t.user('default', 'victim', 'analyst');
    for (let i = 0; i < 5; i++) {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'x-argus-csrf': '1' },
        payload: { username: 'victim', password: `guess-${i}` },
      });
      expect(r.statusCode).toBe(401);
    }
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'x-argus-csrf': '1' },
      payload: { username: 'victim', password: PASSWORD },
    });
    expect(r.statusCode).toBe(429);
    expect(r.json().code).toBe('AUTH_THROTTLED');
    expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('refuses a state-changing cookie request without x-argus-csrf, and login without it', async () => {
    const cookie = await t.login('ana');
    const r = await t.app.inject({ method: 'POST', url: '/api/screen', headers: { cookie }, payload: { name: 'x' } });
    expect(r.statusCode).toBe(403);
    expect(r.json().code).toBe('AUTH_FORBIDDEN');
    expect(r.json().detail).toMatch(/x-argus-csrf/);
    const withHeader = await t.app.inject({
      method: 'POST',
      url: '/api/screen',
      headers: { cookie, 'x-argus-csrf': '1' },
      payload: { name: 'x' },
    });
    expect(withHeader.statusCode).toBe(200);
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'ana', password: PASSWORD } });
    expect(login.statusCode).toBe(403);
    // A GET needs no header.
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(200);
  });

  it('ends the session on logout', async () => {
    const cookie = await t.login('ana');
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie, 'x-argus-csrf': '1' } });
    expect(out.statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('ends sessions when an admin disables the user', async () => {
    const id = await t.user('default', 'leaver', 'analyst');
    const cookie = await t.login('leaver');
    const admin = await t.login('boss');
    const r = await t.app.inject({
      method: 'PATCH',
      url: `/api/admin/users/${id}`,
      headers: { cookie: admin, 'x-argus-csrf': '1' },
      payload: { disabled: true },
    });
    expect(r.statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'x-argus-csrf': '1' },
      payload: { username: 'leaver', password: PASSWORD },
    });
    expect(again.statusCode).toBe(401);
  });
});

describe('API keys', () => {
  let t: TestServer;
  let admin = '';
  beforeAll(async () => {
    t = await testServer();
    await t.user('default', 'boss', 'admin');
    admin = await t.login('boss');
  });
  afterAll(async () => t.close());

  async function newKey(scopes: string[]) {
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/admin/api-keys',
      headers: { cookie: admin, 'x-argus-csrf': '1' },
      payload: { name: 'bot', scopes },
    });
    expect(r.statusCode).toBe(201);
    return r.json() as { key: string; apiKey: { id: string; prefix: string } };
  }

  it('shows a key once, stores its hash, and limits it to its scopes', async () => {
    const { key, apiKey } = await newKey(['screen']);
    expect(key.startsWith(apiKey.prefix)).toBe(true);
    const list = await t.app.inject({ url: '/api/admin/api-keys', headers: { cookie: admin } });
    expect(JSON.stringify(list.json())).not.toContain(key);
    const auth = { authorization: `Bearer ${key}` };
    // Bearer clients need no CSRF header: a browser cannot attach the key cross-site.
    expect((await t.app.inject({ method: 'POST', url: '/api/screen', headers: auth, payload: { name: 'x' } })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/lists', headers: auth })).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/admin/users', headers: auth })).statusCode).toBe(403);
  });

  it('stops working once revoked', async () => {
    const { key, apiKey } = await newKey(['lists:read']);
    const auth = { authorization: `Bearer ${key}` };
    expect((await t.app.inject({ url: '/api/reviews', headers: auth })).statusCode).toBe(403);
    const del = await t.app.inject({
      method: 'DELETE',
      url: `/api/admin/api-keys/${apiKey.id}`,
      headers: { cookie: admin, 'x-argus-csrf': '1' },
    });
    expect(del.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'POST', url: '/api/screen', headers: auth, payload: { name: 'x' } })).statusCode).toBe(401);
  });

  it('refuses scopes beyond the creator role and unknown scopes', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/admin/api-keys',
      headers: { cookie: admin, 'x-argus-csrf': '1' },
      payload: { name: 'x', scopes: ['root'] },
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().code).toBe('INPUT_INVALID');
  });
});

describe('argon2 passwords', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await testServer({ hasher: argon2Hasher });
    await t.user('default', 'real', 'analyst');
  });
  afterAll(async () => t.close());

  it('stores argon2id hashes and verifies them at login', async () => {
    const u = await t.store.auth().findUserByUsername('real');
    expect(u?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await t.login('real')).toMatch(/^argus_session=/);
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'x-argus-csrf': '1' },
      payload: { username: 'real', password: 'wrong password' },
    });
    expect(bad.statusCode).toBe(401);
  });
});
