/** Wires the list use cases for a shell: the store, the real parsers, the HTTP fetcher and the publisher registry. */

import type { Clock, Store } from '@argus/app';
import { systemClock } from '@argus/app';
import { type ListParser, type ListsDeps, officialSources } from '@argus/app/lists';
import { HttpListFetcher } from '@argus/fetch';
import { detectFormat, parseList } from '@argus/core/lists';

export interface ListsAppOptions {
  readonly store: Store;
  readonly agencyId: string;
  readonly clock?: Clock;
  /** Where `lists update` downloads from instead of the publishers (env ARGUS_LISTS_BASE_URL). */
  readonly baseUrl?: string;
  /** Download timeout and retries (env ARGUS_FETCH_TIMEOUT_MS, ARGUS_FETCH_RETRIES). */
  readonly fetchTimeoutMs?: number;
  readonly fetchRetries?: number;
  /** The parsers; `@argus/core/lists` by default. */
  readonly parser?: ListParser;
}

export async function createListsApp(options: ListsAppOptions): Promise<ListsDeps> {
  const env = process.env;
  const baseUrl = options.baseUrl ?? env.ARGUS_LISTS_BASE_URL;
  const timeoutMs = options.fetchTimeoutMs ?? numberEnv(env.ARGUS_FETCH_TIMEOUT_MS);
  const retries = options.fetchRetries ?? numberEnv(env.ARGUS_FETCH_RETRIES);
  return {
    store: options.store,
    agencyId: options.agencyId,
    clock: options.clock ?? systemClock,
    parser: options.parser ?? (await coreParser()),
    fetcher: new HttpListFetcher({
      ...(timeoutMs !== undefined ? { timeoutMs } : {}),
      ...(retries !== undefined ? { retries } : {}),
      ...(retries !== undefined && retries > 0 && timeoutMs !== undefined ? { backoffMs: Math.min(1000, timeoutMs) } : {}),
    }),
    registry: officialSources(baseUrl ? { baseUrl } : {}),
  };
}

async function coreParser(): Promise<ListParser> {
  return { detectFormat, parseList };
}

function numberEnv(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}
