/** Builds the screening index once per set of current list versions and reuses it until a list changes. */

import { ScreeningIndex, ScreeningIndexBuilder, type ScreeningIndexData, Screener } from '@argus/core/screening';
import type { AgencyStore } from '../ports/store.js';

export interface CachedIndex {
  /** The sorted current version ids the index was built from. */
  readonly key: string;
  readonly data: ScreeningIndexData;
  readonly index: ScreeningIndex;
  readonly screener: Screener;
  readonly builtInMs: number;
}

/** The version-set key: every readable source's current version id, sorted. */
export async function currentVersionKey(store: AgencyStore): Promise<string> {
  const sources = await store.lists.listSources();
  return sources
    .map((s) => s.currentVersionId)
    .filter((v): v is string => v !== undefined)
    .sort()
    .join(',');
}

/**
 * One index per agency and version set: the first screen after an import rebuilds it, every other
 * screen reuses it. Concurrent callers share one build.
 */
export class EntityIndexCache {
  readonly #entries = new Map<string, Promise<CachedIndex>>();
  readonly #now: () => number;

  constructor(now: () => number = () => performance.now()) {
    this.#now = now;
  }

  async get(store: AgencyStore): Promise<CachedIndex> {
    const key = await currentVersionKey(store);
    const slot = `${store.agencyId}|${key}`;
    let entry = this.#entries.get(slot);
    if (!entry) {
      // Drop this agency's older builds: their lists are no longer current.
      for (const k of this.#entries.keys()) if (k.startsWith(`${store.agencyId}|`)) this.#entries.delete(k);
      entry = this.#build(store, key);
      this.#entries.set(slot, entry);
      entry.catch(() => this.#entries.delete(slot));
    }
    return entry;
  }

  async #build(store: AgencyStore, key: string): Promise<CachedIndex> {
    const t0 = this.#now();
    const builder = new ScreeningIndexBuilder();
    for await (const e of store.lists.currentEntities()) builder.add(e);
    const data = builder.build();
    const index = new ScreeningIndex(data);
    return { key, data, index, screener: new Screener(index), builtInMs: this.#now() - t0 };
  }
}
