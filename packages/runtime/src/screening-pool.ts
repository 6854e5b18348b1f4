/**
 * A worker_threads pool for batch screening: the index's typed arrays are copied once into
 * SharedArrayBuffers every worker maps; each worker rebuilds only its small lookup maps. Rows go out
 * in chunks, results come back in input order, with a bounded number of chunks in flight.
 */

import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { ErrorLocation } from '@argus/core';
import { type BatchResult, type BatchRow, screenRow } from '@argus/app/screening';
import { type ScreenOptions, ScreeningIndex, type ScreeningIndexData, Screener } from '@argus/core/screening';

export interface PoolRow {
  readonly row: number;
  readonly values: BatchRow;
  readonly where?: ErrorLocation;
}

export interface ScreeningPoolOptions {
  /** Worker threads (default: every core). 0 screens on the calling thread. */
  readonly workers?: number;
  /** Rows per message (default 256). */
  readonly chunkSize?: number;
  readonly screen?: ScreenOptions;
}

interface WorkerInit {
  readonly argusScreeningPool: true;
  readonly data: ScreeningIndexData;
  readonly screen: ScreenOptions;
}

type Job = { readonly seq: number; readonly rows: readonly PoolRow[] };
// Results travel as one JSON string per chunk: cloning thousands of small explanation objects costs the
// main thread more than parsing one string, and the main thread is what limits a pool on few cores.
type Reply = { readonly seq: number; readonly json: string } | { readonly seq: number; readonly fatal: string };

function shareArray<T extends Int32Array | Uint8Array>(a: T): T {
  const sab = new SharedArrayBuffer(a.byteLength);
  const copy = new (a.constructor as new (b: SharedArrayBuffer) => T)(sab);
  copy.set(a);
  return copy;
}

/** Index data whose typed arrays live in SharedArrayBuffers (posting it to a worker copies no array). */
export function shareIndexData(d: ScreeningIndexData): ScreeningIndexData {
  return {
    ...d,
    df: shareArray(d.df),
    nameEntity: shareArray(d.nameEntity),
    nameStart: shareArray(d.nameStart),
    nameTokens: shareArray(d.nameTokens),
    nameFlags: shareArray(d.nameFlags),
    postStart: shareArray(d.postStart),
    postNames: shareArray(d.postNames),
  };
}

function runChunk(screener: Screener, rows: readonly PoolRow[], options: ScreenOptions): BatchResult[] {
  return rows.map((r) => screenRow(r.row, r.values, (q, where) => screener.screen(q, options, where), r.where ?? {}));
}

/**
 * The module a worker runs: this one. When this module is the TypeScript source (tests run sources),
 * a worker cannot load it, so it runs the build of the same module instead.
 */
function workerScript(): URL {
  const self = new URL(import.meta.url);
  if (!self.pathname.endsWith('.ts')) return self;
  const built = new URL(self.href.replace(/\/src\/([^/]+)\.ts$/, '/dist/$1.js'));
  if (!existsSync(built)) throw new Error(`screening workers need the build of ${self.pathname} (run \`npx tsc -b\`)`);
  return built;
}

export class ScreeningPool {
  readonly #workers: Worker[] = [];
  readonly #local: Screener | undefined;
  readonly #chunkSize: number;
  readonly #screen: ScreenOptions;

  private constructor(workers: Worker[], local: Screener | undefined, chunkSize: number, screen: ScreenOptions) {
    this.#workers = workers;
    this.#local = local;
    this.#chunkSize = chunkSize;
    this.#screen = screen;
  }

  static async create(data: ScreeningIndexData, options: ScreeningPoolOptions = {}): Promise<ScreeningPool> {
    const n = options.workers ?? availableParallelism();
    const screen = options.screen ?? {};
    const chunk = options.chunkSize ?? 256;
    if (n <= 0) return new ScreeningPool([], new Screener(new ScreeningIndex(data)), chunk, screen);
    const shared = shareIndexData(data);
    const init: WorkerInit = { argusScreeningPool: true, data: shared, screen };
    const workers: Worker[] = [];
    const ready: Promise<void>[] = [];
    for (let i = 0; i < n; i++) {
      const w = new Worker(workerScript(), { workerData: init });
      workers.push(w);
      ready.push(
        new Promise((resolve, reject) => {
          w.once('message', () => resolve());
          w.once('error', reject);
        }),
      );
    }
    await Promise.all(ready);
    return new ScreeningPool(workers, undefined, chunk, screen);
  }

  get size(): number {
    return this.#workers.length;
  }

  /** Screens rows; yields one result per row, in input order, keeping at most 4 chunks per worker in flight. */
  async *run(rows: AsyncIterable<PoolRow> | Iterable<PoolRow>): AsyncGenerator<BatchResult> {
    if (this.#local) {
      let buf: PoolRow[] = [];
      for await (const r of rows) {
        buf.push(r);
        if (buf.length >= this.#chunkSize) {
          yield* runChunk(this.#local, buf, this.#screen);
          buf = [];
        }
      }
      yield* runChunk(this.#local, buf, this.#screen);
      return;
    }
    const maxInFlight = this.#workers.length * 4;
    const pending = new Map<number, { resolve: (r: readonly BatchResult[]) => void; reject: (e: Error) => void }>();
    const done = new Map<number, Promise<readonly BatchResult[]>>();
    const listeners: (() => void)[] = [];
    let workerTurn = 0;
    for (const w of this.#workers) {
      const onMessage = (m: Reply) => {
        const p = pending.get(m.seq);
        if (!p) return;
        pending.delete(m.seq);
        if ('fatal' in m) p.reject(new Error(m.fatal));
        else p.resolve(JSON.parse(m.json) as BatchResult[]);
      };
      const onError = (e: Error) => {
        for (const p of pending.values()) p.reject(e);
        pending.clear();
      };
      w.on('message', onMessage);
      w.on('error', onError);
      listeners.push(() => {
        w.off('message', onMessage);
        w.off('error', onError);
      });
    }
    let seq = 0;
    let next = 0;
    const submit = (chunk: PoolRow[]) => {
      const s = seq++;
      done.set(
        s,
        new Promise((resolve, reject) => {
          pending.set(s, { resolve, reject });
        }),
      );
      const w = this.#workers[workerTurn++ % this.#workers.length] as Worker;
      w.postMessage({ seq: s, rows: chunk } satisfies Job);
    };
    try {
      let buf: PoolRow[] = [];
      for await (const r of rows) {
        buf.push(r);
        if (buf.length < this.#chunkSize) continue;
        submit(buf);
        buf = [];
        while (seq - next >= maxInFlight) {
          const results = await (done.get(next) as Promise<readonly BatchResult[]>);
          done.delete(next++);
          yield* results;
        }
      }
      if (buf.length > 0) submit(buf);
      while (next < seq) {
        const results = await (done.get(next) as Promise<readonly BatchResult[]>);
        done.delete(next++);
        yield* results;
      }
    } finally {
      for (const off of listeners) off();
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.#workers.map((w) => w.terminate()));
    this.#workers.length = 0;
  }
}

// Worker side: the same module, started with the pool's workerData.
if (!isMainThread && parentPort && (workerData as Partial<WorkerInit> | undefined)?.argusScreeningPool) {
  const init = workerData as WorkerInit;
  const screener = new Screener(new ScreeningIndex(init.data));
  const port = parentPort;
  port.on('message', (job: Job) => {
    try {
      port.postMessage({ seq: job.seq, json: JSON.stringify(runChunk(screener, job.rows, init.screen)) } satisfies Reply);
    } catch (e) {
      port.postMessage({ seq: job.seq, fatal: e instanceof Error ? e.message : String(e) } satisfies Reply);
    }
  });
  port.postMessage('ready');
}
