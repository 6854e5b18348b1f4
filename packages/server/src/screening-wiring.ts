/** Connects the server's ScreeningService to the app's screening use case (one index per agency and list-version set). */

import { ArgusError, isArgusError } from '@argus/core';
import type { ScreeningMatch } from '@argus/core/screening';
import type { Store } from '@argus/app';
import { type BatchRow, batchRowQuery, EntityIndexCache, screen } from '@argus/app/screening';
import type { ScreeningService, ScreenMatch, ScreenQuery } from './screening-service.js';

/** Batch-row field names → the single-screen API's names, so an error names the field the client sent. */
const FIELD_NAMES: Record<string, string> = { full_name: 'name', date_of_birth: 'dob', nationality: 'country', id_number: 'id' };

function toRow(q: ScreenQuery): BatchRow {
  return {
    full_name: q.name,
    ...(q.dob !== undefined ? { date_of_birth: q.dob } : {}),
    ...(q.country !== undefined ? { nationality: q.country } : {}),
    ...(q.schema !== undefined ? { schema: q.schema } : {}),
    ...(q.id !== undefined ? { id_number: q.id } : {}),
    ...(q.gender !== undefined ? { gender: q.gender } : {}),
  };
}

function toMatch(m: ScreeningMatch): ScreenMatch {
  return {
    entity_id: m.entityId,
    source: m.source,
    source_id: m.sourceId,
    name: m.name,
    schema: m.schema,
    score: m.score,
    band: m.band,
    explanation: m.explanation,
  };
}

export function screeningService(store: Store, cache: EntityIndexCache = new EntityIndexCache()): ScreeningService {
  return {
    async screen(agencyId, query, limit) {
      let prepared: ReturnType<typeof batchRowQuery>;
      try {
        prepared = batchRowQuery(toRow(query));
      } catch (e) {
        if (!isArgusError(e)) throw e;
        const field = e.location?.field;
        throw new ArgusError(e.code, e.message, { location: { field: (field && FIELD_NAMES[field]) ?? field ?? 'name' } });
      }
      const matches = await screen({ store, agencyId, cache }, prepared, { limit });
      return matches.map(toMatch);
    },
  };
}

/**
 * Builds the service and warms the index of the root agency (public lists), so the first analyst
 * does not wait for it. Other agencies' indexes are built on their first screening.
 */
export async function loadScreening(store: Store, log: (msg: string) => void, warmAgency = 'default'): Promise<ScreeningService> {
  const cache = new EntityIndexCache();
  const t0 = performance.now();
  const built = await cache.get(store.forAgency(warmAgency));
  log(`screening: index of ${built.data.entities.length} entities built in ${Math.round(performance.now() - t0)} ms`);
  return screeningService(store, cache);
}
