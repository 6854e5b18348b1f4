/** ListFetcher over HTTP: conditional requests, verified lengths, timeouts, retries with backoff, bodies streamed to a temp file. */

import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ArgusError, isArgusError } from '@argus/core';
import type { FetchRequest, FetchResult, ListFetcher } from '@argus/app';
import { fileSource } from './file-source.js';

export interface HttpListFetcherOptions {
  /** Longest wait for response headers, and for each next chunk of the body (ms). Default 60 000. */
  readonly timeoutMs?: number;
  /** Further attempts after a failure that may pass (network error, timeout, 5xx, 408, 429, truncation). Default 3. */
  readonly retries?: number;
  /** First pause before a retry (ms); doubles each time. Default 1 000. */
  readonly backoffMs?: number;
  /** Where bodies are written while they download. Default os.tmpdir(). */
  readonly tmpDir?: string;
  readonly userAgent?: string;
}

/** A failure worth trying again, as opposed to one that will fail the same way (404, 403…). */
class Retryable extends Error {}

export class HttpListFetcher implements ListFetcher {
  readonly #timeoutMs: number;
  readonly #retries: number;
  readonly #backoffMs: number;
  readonly #tmpDir: string;
  readonly #userAgent: string;

  constructor(options: HttpListFetcherOptions = {}) {
    this.#timeoutMs = options.timeoutMs ?? 60_000;
    this.#retries = options.retries ?? 3;
    this.#backoffMs = options.backoffMs ?? 1_000;
    this.#tmpDir = options.tmpDir ?? tmpdir();
    this.#userAgent = options.userAgent ?? 'Argus list fetcher (+https://github.com/argus)';
  }

  async fetch(request: FetchRequest): Promise<FetchResult> {
    let attempt = 0;
    for (;;) {
      try {
        return await this.#attempt(request);
      } catch (e) {
        if (request.signal?.aborted) {
          throw new ArgusError('LIST_FETCH_FAILED', `${request.url}: download cancelled`, { details: { url: request.url }, cause: e });
        }
        const reason = e instanceof Error ? e.message : String(e);
        if (!(e instanceof Retryable) || attempt >= this.#retries) {
          if (isArgusError(e)) throw e;
          const tries = attempt + 1;
          throw new ArgusError('LIST_FETCH_FAILED', `${request.url}: ${reason}${tries > 1 ? ` (after ${tries} attempts)` : ''}`, {
            details: { url: request.url, attempts: tries },
            cause: e,
          });
        }
        await sleep(this.#backoffMs * 2 ** attempt, request.signal);
        attempt++;
      }
    }
  }

  async #attempt(request: FetchRequest): Promise<FetchResult> {
    const { url } = request;
    const timeout = new AbortController();
    const signal = request.signal ? AbortSignal.any([request.signal, timeout.signal]) : timeout.signal;
    let timedOut = false;
    let timer: NodeJS.Timeout | undefined;
    // One timer re-armed on every sign of life: a stalled server fails, a slow but steady one does not.
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        timedOut = true;
        timeout.abort();
      }, this.#timeoutMs);
    };
    const headers: Record<string, string> = { 'user-agent': this.#userAgent, 'accept-encoding': 'identity' };
    if (request.etag) headers['if-none-match'] = request.etag;
    if (request.lastModified) headers['if-modified-since'] = request.lastModified;

    let dir: string | undefined;
    try {
      arm();
      let res: Response;
      try {
        res = await fetch(url, { headers, signal, redirect: 'follow' });
      } catch (e) {
        throw new Retryable(timedOut ? `no response within ${this.#timeoutMs} ms` : `cannot connect: ${causeOf(e)}`);
      }
      if (res.status === 304) {
        await res.body?.cancel().catch(() => {});
        return { status: 'not-modified', url };
      }
      if (!res.ok) {
        await res.body?.cancel().catch(() => {});
        const msg = `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`;
        if (res.status >= 500 || res.status === 408 || res.status === 429) throw new Retryable(msg);
        throw new ArgusError('LIST_FETCH_FAILED', `${url}: ${msg}`, { details: { url, status: res.status } });
      }
      const lengthHeader = res.headers.get('content-length');
      // With a content encoding the header counts compressed bytes; the decoder catches truncation then.
      const expected = lengthHeader !== null && !res.headers.get('content-encoding') ? Number(lengthHeader) : undefined;
      const name = request.name ?? (decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '') || 'download');

      dir = await mkdtemp(join(this.#tmpDir, 'argus-fetch-'));
      const path = join(dir, `${randomBytes(4).toString('hex')}-${name.replace(/[^A-Za-z0-9._-]/g, '_')}`);
      const hash = createHash('sha256');
      let size = 0;
      const out = await open(path, 'w');
      try {
        if (res.body) {
          try {
            for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
              arm();
              hash.update(chunk);
              size += chunk.byteLength;
              await out.write(chunk);
            }
          } catch (e) {
            if (timedOut) throw new Retryable(`download stalled for ${this.#timeoutMs} ms after ${size} bytes`);
            throw new Retryable(
              `truncated download: the connection broke after ${size}${expected !== undefined ? ` of ${expected}` : ''} bytes (${causeOf(e)})`,
            );
          }
        }
      } finally {
        await out.close();
      }
      if (expected !== undefined && size !== expected) {
        throw new Retryable(`truncated download: ${size} of ${expected} bytes (Content-Length)`);
      }
      const tmp = dir;
      dir = undefined; // the caller owns it now, through dispose()
      const etag = res.headers.get('etag');
      const lastModified = res.headers.get('last-modified');
      return {
        status: 'fetched',
        url,
        file: fileSource(path, size, name),
        size,
        checksum: hash.digest('hex'),
        ...(etag ? { etag } : {}),
        ...(lastModified ? { lastModified } : {}),
        dispose: () => rm(tmp, { recursive: true, force: true }),
      };
    } finally {
      clearTimeout(timer);
      if (dir) await rm(dir, { recursive: true, force: true }).catch(() => {});
    }
  }
}

function causeOf(e: unknown): string {
  const cause = e instanceof Error && e.cause instanceof Error ? e.cause : e;
  const code = (cause as { code?: string }).code;
  const msg = cause instanceof Error ? cause.message : String(cause);
  return code && !msg.includes(code) ? `${code} ${msg}` : msg;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
