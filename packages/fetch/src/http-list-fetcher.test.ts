import { readFileSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpListFetcher } from './http-list-fetcher.js';

const body = readFileSync(new URL('./fixtures/un-small.xml', import.meta.url));
const ETAG = '"un-v1"';
const MODIFIED = 'Fri, 27 Feb 2026 00:00:00 GMT';
const hits = new Map<string, number>();
let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    const n = (hits.get(path) ?? 0) + 1;
    hits.set(path, n);
    if (path === '/un.xml' || (path === '/flaky.xml' && n > 1)) {
      if (req.headers['if-none-match'] === ETAG || req.headers['if-modified-since'] === MODIFIED) {
        res.writeHead(304).end();
        return;
      }
      res
        .writeHead(200, { 'content-type': 'application/xml', 'content-length': body.length, etag: ETAG, 'last-modified': MODIFIED })
        .end(body);
    } else if (path === '/flaky.xml' || path === '/error.xml') {
      res.writeHead(500).end('boom');
    } else if (path === '/truncated.xml') {
      // Promise the whole file, send half, hang up.
      res.writeHead(200, { 'content-length': body.length });
      res.write(body.subarray(0, 100), () => res.destroy());
    } else if (path === '/short.xml') {
      res.writeHead(200).end(body.subarray(0, 100));
    } else if (path === '/stall.xml') {
      res.writeHead(200, { 'content-length': body.length });
      res.write(body.subarray(0, 10)); // then nothing
    } else if (path === '/hang.xml') {
      // Never answer.
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const fetcher = (timeoutMs = 2000) => new HttpListFetcher({ retries: 2, backoffMs: 5, timeoutMs });

async function text(file: { open(): AsyncIterable<Uint8Array> }): Promise<string> {
  const parts: Buffer[] = [];
  for await (const c of file.open()) parts.push(Buffer.from(c));
  return Buffer.concat(parts).toString('utf8');
}

describe('HttpListFetcher', () => {
  it('downloads a file to a re-readable source with its checksum and validators, and disposes of it', async () => {
    const r = await fetcher().fetch({ url: `${base}/un.xml`, name: 'consolidated.xml' });
    if (r.status !== 'fetched') throw new Error('expected a download');
    expect(r).toMatchObject({ size: body.length, etag: ETAG, lastModified: MODIFIED });
    expect(r.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(r.file.name).toBe('consolidated.xml');
    expect(await text(r.file)).toBe(body.toString('utf8'));
    expect(await text(r.file)).toBe(body.toString('utf8'));
    await r.dispose();
    await expect(text(r.file)).rejects.toThrow(/ENOENT/);
  });

  it('asks conditionally and reports 304 as not modified', async () => {
    expect(await fetcher().fetch({ url: `${base}/un.xml`, etag: ETAG })).toEqual({ status: 'not-modified', url: `${base}/un.xml` });
    expect((await fetcher().fetch({ url: `${base}/un.xml`, lastModified: MODIFIED })).status).toBe('not-modified');
    const stale = await fetcher().fetch({ url: `${base}/un.xml`, etag: '"old"' });
    expect(stale.status).toBe('fetched');
    if (stale.status === 'fetched') await stale.dispose();
  });

  it('retries a 500 and succeeds when the server recovers', async () => {
    const r = await fetcher().fetch({ url: `${base}/flaky.xml` });
    expect(r.status).toBe('fetched');
    if (r.status === 'fetched') await r.dispose();
    expect(hits.get('/flaky.xml')).toBe(2);
  });

  it('gives up on a persistent 500 with LIST_FETCH_FAILED after every attempt', async () => {
    await expect(fetcher().fetch({ url: `${base}/error.xml` })).rejects.toMatchObject({
      code: 'LIST_FETCH_FAILED',
      message: `${base}/error.xml: HTTP 500 Internal Server Error (after 3 attempts)`,
    });
    expect(hits.get('/error.xml')).toBe(3);
  });

  it('does not retry a 404', async () => {
    await expect(fetcher().fetch({ url: `${base}/missing.xml` })).rejects.toMatchObject({
      code: 'LIST_FETCH_FAILED',
      message: `${base}/missing.xml: HTTP 404 Not Found`,
    });
    expect(hits.get('/missing.xml')).toBe(1);
  });

  it('detects a truncated body: the connection breaks before Content-Length bytes', async () => {
    await expect(fetcher().fetch({ url: `${base}/truncated.xml` })).rejects.toMatchObject({
      code: 'LIST_FETCH_FAILED',
      message: expect.stringMatching(/truncated\.xml: truncated download: .*of \d+ bytes.*\(after 3 attempts\)/),
    });
  });

  it('times out a server that never answers, and one that stalls mid-body', async () => {
    await expect(fetcher(150).fetch({ url: `${base}/hang.xml` })).rejects.toMatchObject({
      code: 'LIST_FETCH_FAILED',
      message: `${base}/hang.xml: no response within 150 ms (after 3 attempts)`,
    });
    await expect(fetcher(150).fetch({ url: `${base}/stall.xml` })).rejects.toMatchObject({
      code: 'LIST_FETCH_FAILED',
      message: expect.stringContaining('download stalled for 150 ms after 10 bytes'),
    });
  });

  it('fails fast when the caller cancels', async () => {
    const ac = new AbortController();
    const p = fetcher(5000).fetch({ url: `${base}/hang.xml`, signal: ac.signal });
    setTimeout(() => ac.abort(), 20);
    await expect(p).rejects.toMatchObject({ code: 'LIST_FETCH_FAILED', message: `${base}/hang.xml: download cancelled` });
  });

  it('names an unreachable host', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/x.xml`;
    await new Promise((resolve) => closed.close(resolve));
    await expect(new HttpListFetcher({ retries: 0 }).fetch({ url })).rejects.toMatchObject({
      code: 'LIST_FETCH_FAILED',
      message: expect.stringMatching(/: cannot connect: .*ECONNREFUSED/),
    });
  });
});
