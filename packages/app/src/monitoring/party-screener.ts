/**
 * Counterparty screening for monitoring: originator and beneficiary names screened against the agency's
 * current lists with the screening engine, each distinct party once (a payroll feed names the same
 * employer a million times). The cache is dropped when the lists change.
 */

import { isArgusError, type Party } from '@argus/core';
import type { PartyScreener } from '@argus/core/monitoring';
import type { Screener, Thresholds } from '@argus/core/screening';
import type { AgencyStore } from '../ports/store.js';
import { currentVersionKey, type EntityIndexCache } from '../screening/entity-index-cache.js';

export interface PartyHit {
  readonly entityId: string;
  readonly name: string;
  readonly score: number;
}

const MAX_CACHED = 200_000;

/** Screens parties with one Screener; `undefined` for a party without a name or without a hit at review level or above. */
export class CachedPartyScreener implements PartyScreener {
  #screener: Screener;
  readonly #thresholds: Thresholds | undefined;
  readonly #cache = new Map<string, PartyHit | null>();
  #screened = 0;

  constructor(screener: Screener, thresholds?: Thresholds) {
    this.#screener = screener;
    this.#thresholds = thresholds;
  }

  /** Swaps in a screener over newer lists and forgets every cached answer. */
  replace(screener: Screener): void {
    this.#screener = screener;
    this.#cache.clear();
  }

  /** How many distinct parties went to the screener (the rest came from the cache). */
  get screened(): number {
    return this.#screened;
  }

  screenParty(party: Party): PartyHit | undefined {
    const name = party.name?.trim();
    if (!name) return undefined;
    const key = `${name.toLowerCase()}\u0000${party.country ?? ''}`;
    const cached = this.#cache.get(key);
    if (cached !== undefined) return cached ?? undefined;
    let hit: PartyHit | null = null;
    try {
      this.#screened++;
      const best = this.#screener.screen(
        { name, ...(party.country ? { country: party.country } : {}) },
        { limit: 1, ...(this.#thresholds ? { thresholds: this.#thresholds } : {}) },
      )[0];
      if (best && best.band !== 'no_match') hit = { entityId: best.entityId, name: best.name, score: best.score };
    } catch (e) {
      // A name with nothing to search on ("X", "N/A") cannot match a list entry.
      if (!isArgusError(e)) throw e;
    }
    if (this.#cache.size >= MAX_CACHED) this.#cache.delete(this.#cache.keys().next().value as string);
    this.#cache.set(key, hit);
    return hit ?? undefined;
  }
}

/**
 * A party screener over the agency's current lists, or undefined when it reads no list at all (nothing to
 * screen against, and no index worth building). `refresh` re-checks the list versions before each batch.
 */
export async function partyScreenerFor(
  store: AgencyStore,
  cache: EntityIndexCache,
  thresholds?: Thresholds,
): Promise<{ readonly screener: CachedPartyScreener; refresh(): Promise<void> } | undefined> {
  if ((await currentVersionKey(store)) === '') return undefined;
  let built = await cache.get(store);
  if (built.data.entities.length === 0) return undefined;
  const screener = new CachedPartyScreener(built.screener, thresholds);
  return {
    screener,
    async refresh() {
      const next = await cache.get(store);
      if (next.key !== built.key) {
        built = next;
        screener.replace(next.screener);
      }
    },
  };
}
