/** What the list use cases are composed from, and which agency's rows a source lives in. */

import { ArgusError } from '@argus/core';
import type { Clock } from '../ports/clock.js';
import type { ListFetcher } from '../ports/list-fetcher.js';
import type { ListRepo } from '../ports/list-repo.js';
import { PUBLIC_AGENCY, type Store } from '../ports/store.js';
import type { ListParser } from './list-parser.js';
import { OFFICIAL_SOURCES, type OfficialSource, findOfficialSource } from './source-registry.js';

export interface ListsDeps {
  readonly store: Store;
  /** The agency acting: it reads public lists and its own, and writes its own. */
  readonly agencyId: string;
  readonly clock: Clock;
  readonly parser: ListParser;
  readonly fetcher?: ListFetcher;
  /** The official publishers (default: OFFICIAL_SOURCES). */
  readonly registry?: readonly OfficialSource[];
  /** Entities per store write (default 1000). */
  readonly batchSize?: number;
}

/** Whose list a source is: `public` (every agency reads it) or the acting agency's own. */
export type ListVisibility = 'public' | 'agency';

const SOURCE_ID = /^[a-z0-9][a-z0-9._-]{0,63}$/;

export function checkSourceId(id: string): void {
  if (!SOURCE_ID.test(id)) {
    throw new ArgusError('INPUT_INVALID', `invalid list source id "${id}": use lower-case letters, digits, '.', '_' or '-' (up to 64)`, {
      location: { field: 'source' },
    });
  }
}

export function registryOf(deps: ListsDeps): readonly OfficialSource[] {
  return deps.registry ?? OFFICIAL_SOURCES;
}

/** The repository reading what the acting agency may see (public lists and its own). */
export function readRepo(deps: ListsDeps): ListRepo {
  return deps.store.forAgency(deps.agencyId).lists;
}

/** Official sources are public reference data; anything else is the agency's own list unless said otherwise. */
export function visibilityOf(deps: ListsDeps, sourceId: string, requested?: ListVisibility): ListVisibility {
  return requested ?? (findOfficialSource(registryOf(deps), sourceId) ? 'public' : 'agency');
}

export function writeRepo(deps: ListsDeps, visibility: ListVisibility): ListRepo {
  return deps.store.forAgency(visibility === 'public' ? PUBLIC_AGENCY : deps.agencyId).lists;
}
