/**
 * Batch screening jobs held in memory per process: a CSV upload is screened row by row in the
 * background; results are paged and downloaded. Jobs belong to the agency that started them and
 * are invisible to every other agency.
 */

import { ArgusError } from '@argus/core';
import { bytesSource, decodeText, readCsvObjects } from '@argus/core/text';
import type { ScreenMatch, ScreenQuery } from '../../screening-service.js';

export interface BatchRow {
  readonly row: number;
  readonly id: string;
  readonly query: ScreenQuery;
  readonly matches: readonly ScreenMatch[];
  readonly error?: string;
}

export interface BatchJob {
  readonly id: string;
  readonly agencyId: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  total?: number;
  done: number;
  errors: number;
  readonly rows: BatchRow[];
  error?: string;
  readonly createdAt: string;
}

export type ScreenRow = (query: ScreenQuery) => Promise<readonly ScreenMatch[]>;

const MAX_JOBS = 50;

/** The query a batch CSV row asks: full_name, or first/middle/last joined. */
export function rowQuery(r: Record<string, string>): ScreenQuery | undefined {
  const full =
    r.full_name?.trim() ||
    [r.first_name, r.middle_name, r.last_name]
      .map((s) => s?.trim() ?? '')
      .filter(Boolean)
      .join(' ');
  if (!full) return undefined;
  const opt = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);
  const q: Record<string, string> = { name: full };
  const dob = opt(r.date_of_birth);
  const country = opt(r.nationality);
  const schema = opt(r.schema);
  const id = opt(r.id_number);
  const gender = opt(r.gender);
  if (dob) q.dob = dob;
  if (country) q.country = country;
  if (schema) q.schema = schema;
  if (id) q.id = id;
  if (gender) q.gender = gender;
  return q as unknown as ScreenQuery;
}

export class BatchJobs {
  readonly #jobs = new Map<string, BatchJob>();

  /** Starts screening in the background; returns at once. */
  start(id: string, agencyId: string, fileName: string, bytes: Uint8Array, screen: ScreenRow, now: string): BatchJob {
    const job: BatchJob = { id, agencyId, status: 'queued', done: 0, errors: 0, rows: [], createdAt: now };
    this.#jobs.set(id, job);
    this.#evict();
    void this.#run(job, fileName, bytes, screen);
    return job;
  }

  /** A job of this agency, or undefined (another agency's job does not exist for it). */
  get(agencyId: string, id: string): BatchJob | undefined {
    const j = this.#jobs.get(id);
    return j && j.agencyId === agencyId ? j : undefined;
  }

  async #run(job: BatchJob, fileName: string, bytes: Uint8Array, screen: ScreenRow): Promise<void> {
    job.status = 'running';
    try {
      const records: { row: Record<string, string>; line: number }[] = [];
      for await (const r of readCsvObjects(decodeText(bytesSource(fileName, bytes).open(), fileName), { file: fileName })) records.push(r);
      job.total = records.length;
      let n = 0;
      for (const { row } of records) {
        n++;
        const q = rowQuery(row);
        const rowId = row.id ?? String(n);
        if (!q) {
          job.rows.push({ row: n, id: rowId, query: { name: '' }, matches: [], error: 'no name (full_name or first/last name)' });
          job.errors++;
        } else {
          try {
            job.rows.push({ row: n, id: rowId, query: q, matches: await screen(q) });
          } catch (e) {
            job.rows.push({ row: n, id: rowId, query: q, matches: [], error: e instanceof Error ? e.message : String(e) });
            job.errors++;
          }
        }
        job.done = n;
        // Yield between rows so a large batch never starves interactive requests.
        if (n % 50 === 0) await new Promise((r) => setImmediate(r));
      }
      job.status = 'done';
    } catch (e) {
      job.status = 'failed';
      job.error = e instanceof ArgusError || e instanceof Error ? e.message : String(e);
    }
  }

  #evict(): void {
    if (this.#jobs.size <= MAX_JOBS) return;
    for (const [id, j] of this.#jobs) {
      if (j.status === 'done' || j.status === 'failed') {
        this.#jobs.delete(id);
        if (this.#jobs.size <= MAX_JOBS) return;
      }
    }
  }
}

/**
 * A row without explanations: the best match and the count per band. A 100k-row batch with ten explained
 * matches a row is hundreds of megabytes; its summary is what a results table needs.
 */
export interface BatchRowSummary {
  readonly row: number;
  readonly id: string;
  readonly query: ScreenQuery;
  readonly matchCount: number;
  readonly bands: Readonly<Record<string, number>>;
  readonly top?: Omit<ScreenMatch, 'explanation'> & { readonly review?: unknown };
  readonly error?: string;
}

export function summaryRow(r: BatchRow): BatchRowSummary {
  const bands: Record<string, number> = {};
  for (const m of r.matches) bands[m.band] = (bands[m.band] ?? 0) + 1;
  const best = r.matches[0];
  let top: BatchRowSummary['top'];
  if (best) {
    const { explanation: _explanation, ...rest } = best;
    top = rest;
  }
  return {
    row: r.row,
    id: r.id,
    query: r.query,
    matchCount: r.matches.length,
    bands,
    ...(top ? { top } : {}),
    ...(r.error !== undefined ? { error: r.error } : {}),
  };
}

const CSV_HEADER = ['row', 'id', 'query_name', 'rank', 'entity_id', 'source', 'name', 'schema', 'score', 'band', 'error'];

function csvCell(v: unknown): string {
  const s = v === undefined || v === null ? '' : String(v);
  // Cells starting with = + - @ are neutralised: a spreadsheet would run them as formulas.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function* batchCsv(job: BatchJob): Generator<string> {
  yield `${CSV_HEADER.join(',')}\n`;
  for (const r of job.rows) {
    if (r.matches.length === 0) {
      yield `${[r.row, r.id, r.query.name, '', '', '', '', '', '', '', r.error ?? ''].map(csvCell).join(',')}\n`;
      continue;
    }
    let rank = 0;
    for (const m of r.matches) {
      rank++;
      yield `${[r.row, r.id, r.query.name, rank, m.entity_id, m.source, m.name, m.schema, m.score, m.band, ''].map(csvCell).join(',')}\n`;
    }
  }
}

export function* batchJsonl(job: BatchJob): Generator<string> {
  for (const r of job.rows) yield `${JSON.stringify(r)}\n`;
}
