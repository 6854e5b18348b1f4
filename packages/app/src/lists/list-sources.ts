/** listSources: every list an agency can read, official or its own, with its current version. */

import { ArgusError } from '@argus/core';
import { PUBLIC_AGENCY } from '../ports/store.js';
import type { ListVersionRecord } from '../ports/list-repo.js';
import { type ListsDeps, readRepo, registryOf } from './lists-deps.js';

export interface SourceOverview {
  readonly id: string;
  readonly name: string;
  /** `public`, or the agency whose own list it is. */
  readonly agencyId: string;
  /** In the registry of official publishers (updatable with `argus lists update`). */
  readonly official: boolean;
  readonly format?: string;
  readonly urls: readonly string[];
  readonly current?: ListVersionRecord;
  /** Versions imported so far, failed ones included. */
  readonly versions: number;
}

/** Official sources first (in registry order, imported or not), then the rest by id. */
export async function listSources(deps: ListsDeps): Promise<SourceOverview[]> {
  const repo = readRepo(deps);
  const registry = registryOf(deps);
  const stored = await repo.listSources();
  const out: SourceOverview[] = [];
  for (const s of stored) {
    const versions = await repo.listVersions(s.id);
    const current = versions.find((v) => v.id === s.currentVersionId);
    out.push({
      id: s.id,
      name: s.name,
      agencyId: s.agencyId,
      official: registry.some((r) => r.id === s.id) && s.agencyId === PUBLIC_AGENCY,
      ...(s.format !== undefined ? { format: s.format } : {}),
      urls: s.urls,
      ...(current ? { current } : {}),
      versions: versions.length,
    });
  }
  for (const r of registry) {
    if (out.some((s) => s.id === r.id)) continue;
    out.push({
      id: r.id,
      name: r.name,
      agencyId: PUBLIC_AGENCY,
      official: true,
      format: r.format,
      urls: r.files.map((f) => f.url),
      versions: 0,
    });
  }
  const rank = (s: SourceOverview) => {
    const i = registry.findIndex((r) => r.id === s.id);
    return s.official && i >= 0 ? i : registry.length;
  };
  return out.sort((a, b) => rank(a) - rank(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Every version of one source, newest first (failed ones with their error). */
export async function sourceVersions(
  deps: ListsDeps,
  sourceId: string,
): Promise<{ source: SourceOverview; versions: ListVersionRecord[] }> {
  const repo = readRepo(deps);
  const all = await listSources(deps);
  const source = all.find((s) => s.id === sourceId);
  if (!source) throw new ArgusError('LIST_SOURCE_UNKNOWN', `no list source "${sourceId}"`, { location: { field: 'source' } });
  return { source, versions: await repo.listVersions(sourceId) };
}
