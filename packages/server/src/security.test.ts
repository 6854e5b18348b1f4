import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestServer, testServer } from './server.test-helpers.js';

/** A concrete URL for a route pattern: every :param filled with a plausible value. */
function concrete(url: string): string {
  return url.replace(/:([A-Za-z]+)/g, (_m, p: string) => (p === 'id' ? 'ofac-sdn:1' : `x-${p}`)).replace(/\*$/, 'x');
}

describe('every route needs a principal (enumerated from the route table)', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await testServer();
  });
  afterAll(async () => t.close());

  it('has a route table covering the API contract', () => {
    const urls = new Set(t.app.argusRoutes.map((r) => `${r.method} ${r.url}`));
    for (const must of [
      'POST /api/screen',
      'POST /api/screen/batch',
      'GET /api/screen/batch/:jobId/results',
      'GET /api/entities/:id',
      'GET /api/lists',
      'GET /api/lists/:sourceId/diff',
      'POST /api/reviews',
      'PATCH /api/admin/users/:id',
      'DELETE /api/admin/api-keys/:id',
      'GET /api/auth/me',
    ]) {
      expect(urls, must).toContain(must);
    }
  });

  it('answers 401 problem+json on every non-public route without a session', async () => {
    const guarded = t.app.argusRoutes.filter((r) => !r.public);
    expect(guarded.length).toBeGreaterThan(15);
    for (const r of guarded) {
      const res = await t.app.inject({
        method: r.method as 'GET',
        url: concrete(r.url),
        payload: r.method === 'GET' || r.method === 'DELETE' ? undefined : {},
      });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.json().code).toBe('AUTH_REQUIRED');
    }
  });

  it('answers 401 with a forged cookie or an unknown API key', async () => {
    const guarded = t.app.argusRoutes.filter((r) => !r.public && r.method === 'GET');
    for (const r of guarded) {
      const forged = await t.app.inject({
        method: 'GET',
        url: concrete(r.url),
        headers: { cookie: 'argus_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' },
      });
      expect(forged.statusCode, r.url).toBe(401);
      const key = await t.app.inject({ method: 'GET', url: concrete(r.url), headers: { authorization: 'Bearer argus_not-a-real-key' } });
      expect(key.statusCode, r.url).toBe(401);
    }
  });

  it('keeps health, readiness, login and the API docs public', async () => {
    const publicUrls = t.app.argusRoutes.filter((r) => r.public && r.url.startsWith('/api/')).map((r) => r.url);
    expect(publicUrls).toEqual(expect.arrayContaining(['/api/health', '/api/ready', '/api/auth/login', '/api/openapi.json']));
    // /api/auth/session is the UI's start-up probe: public so a logged-out visitor sees no failed request (no console
    // error), and it reveals nothing but the caller's own session — null without one.
    const allowed = /^\/api\/(health|ready|auth\/login|auth\/session|openapi\.json|docs)(\/|$)/;
    expect(publicUrls.filter((u) => !allowed.test(u))).toEqual([]);
    expect((await t.app.inject('/api/auth/session')).json()).toEqual({ session: null });
    expect((await t.app.inject('/api/health')).json()).toEqual({ status: 'ok' });
    expect((await t.app.inject('/api/ready')).json()).toEqual({ status: 'ready', lists: { loaded: 1 } });
    const doc = (await t.app.inject('/api/openapi.json')).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.paths['/api/screen'].post.requestBody.content['application/json'].schema.properties.name).toBeDefined();
    expect((await t.app.inject('/api/docs')).statusCode).toBeLessThan(400);
  });

  it('answers an unknown API path with a 404 problem', async () => {
    const r = await t.app.inject('/api/nope');
    expect(r.statusCode).toBe(404);
    expect(r.json()).toMatchObject({ status: 404, code: 'NOT_FOUND', instance: '/api/nope', title: 'Not found' });
    expect(r.json().type).toMatch(/^urn:argus:problem:/);
  });
});
