/**
 * A short-lived cache of resolved principals (session or API key hash → principal), so a busy client
 * does not cost three store reads per request. Every change this process makes to users, keys or
 * sessions clears it at once; other processes (scale-out) see a change within `ttlMs`.
 */

import type { Principal } from '@argus/core/sharing';

export class PrincipalCache {
  readonly #ttl: number;
  readonly #max: number;
  readonly #entries = new Map<string, { readonly principal: Principal; readonly until: number }>();

  constructor(options: { readonly ttlMs?: number; readonly maxEntries?: number } = {}) {
    this.#ttl = options.ttlMs ?? 1000;
    this.#max = options.maxEntries ?? 10_000;
  }

  get(hash: string, now: number): Principal | undefined {
    const e = this.#entries.get(hash);
    if (!e) return undefined;
    if (e.until <= now) {
      this.#entries.delete(hash);
      return undefined;
    }
    return e.principal;
  }

  set(hash: string, principal: Principal, now: number, notAfter?: number): void {
    if (this.#entries.size >= this.#max) this.#entries.clear();
    this.#entries.set(hash, { principal, until: Math.min(now + this.#ttl, notAfter ?? Number.POSITIVE_INFINITY) });
  }

  clear(): void {
    this.#entries.clear();
  }
}
