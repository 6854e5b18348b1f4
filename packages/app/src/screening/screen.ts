/** Screening use cases: one query, a batch of rows, and a two-name comparison — over the store's current lists. */

import { type ErrorLocation, isArgusError, type Schema } from '@argus/core';
import {
  compareNames,
  type PairComparison,
  type ScreenOptions,
  type ScreeningMatch,
  type ScreeningQuery,
  type Thresholds,
} from '@argus/core/screening';
import type { Store } from '../ports/store.js';
import { type BatchRow, batchRowQuery } from './batch-row.js';
import type { EntityIndexCache } from './entity-index-cache.js';

export interface ScreeningDeps {
  readonly store: Store;
  readonly agencyId: string;
  readonly cache: EntityIndexCache;
  readonly thresholds?: Thresholds;
}

/** Screens one query against every current list the agency reads. */
export async function screen(deps: ScreeningDeps, query: ScreeningQuery, options: ScreenOptions = {}): Promise<ScreeningMatch[]> {
  const { screener } = await deps.cache.get(deps.store.forAgency(deps.agencyId));
  return screener.screen(query, { ...options, ...(deps.thresholds ? { thresholds: deps.thresholds } : {}) });
}

/** One batch row's outcome: its matches, or the error that row raised (the batch goes on). */
export type BatchResult =
  | { readonly row: number; readonly id?: string; readonly matches: readonly ScreeningMatch[] }
  | {
      readonly row: number;
      readonly id?: string;
      readonly error: { readonly code: string; readonly message: string; readonly field?: string };
    };

/**
 * Screens rows in order, one result per row; a row that cannot be screened yields an error result.
 * Single-threaded: `@argus/runtime`'s ScreeningPool spreads a batch over every core.
 */
export async function* screenBatch(
  deps: ScreeningDeps,
  rows: AsyncIterable<{ readonly row: number; readonly values: BatchRow; readonly where?: ErrorLocation }>,
  options: ScreenOptions = {},
): AsyncGenerator<BatchResult> {
  const { screener } = await deps.cache.get(deps.store.forAgency(deps.agencyId));
  const opts = { ...options, ...(deps.thresholds ? { thresholds: deps.thresholds } : {}) };
  for await (const r of rows) {
    yield screenRow(r.row, r.values, (q, where) => screener.screen(q, opts, where), r.where);
  }
}

/** Screens one batch row with the given screen function, turning ArgusErrors into an error result. */
export function screenRow(
  row: number,
  values: BatchRow,
  run: (q: ScreeningQuery, where: ErrorLocation) => readonly ScreeningMatch[],
  where: ErrorLocation = {},
): BatchResult {
  const id = values.id?.trim() || undefined;
  const base = id === undefined ? { row } : { row, id };
  try {
    const loc = { ...where, record: id ?? String(row) };
    return { ...base, matches: run(batchRowQuery(values, loc), loc) };
  } catch (e) {
    if (!isArgusError(e)) throw e;
    const field = e.location?.field;
    return { ...base, error: field === undefined ? { code: e.code, message: e.message } : { code: e.code, message: e.message, field } };
  }
}

/** Compares two names directly, without lists. */
export function compare(a: string, b: string, schema?: Schema, thresholds?: Thresholds): PairComparison {
  return compareNames(a, b, schema, thresholds);
}
