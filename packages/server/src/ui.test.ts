import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from './build-server.js';
import { type TestServer, testServer } from './server.test-helpers.js';

describe('serving the web UI', () => {
  let t: TestServer;
  let dir = '';
  let app: Awaited<ReturnType<typeof buildServer>>;
  beforeAll(async () => {
    t = await testServer();
    dir = mkdtempSync(join(tmpdir(), 'argus-web-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
    app = await buildServer({ ...t.deps, webRoot: dir });
    await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await app.close();
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves index and assets without a session, and the SPA shell for client routes', async () => {
    const index = await app.inject('/');
    expect(index.body).toContain('id="root"');
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    expect(index.headers['x-frame-options']).toBe('DENY');
    expect((await app.inject('/assets/app.js')).body).toBe('console.log(1)');
    const deep = await app.inject('/lists/ofac-sdn/diff');
    expect(deep.statusCode).toBe(200);
    expect(deep.headers['content-type']).toMatch(/text\/html/);
  });

  it('keeps unknown API paths as problems, not the shell', async () => {
    const r = await app.inject('/api/unknown');
    expect(r.statusCode).toBe(404);
    expect(r.headers['content-type']).toMatch(/problem\+json/);
  });
});
