/** diffVersions: what changed in a list between two of its versions, entity by entity and field by field. */

import { ArgusError } from '@argus/core';
import { type VersionDiff, diffVersions as diffEntityStreams } from '@argus/core/versions';
import type { ListRepo, ListSourceRecord, ListVersionRecord } from '../ports/list-repo.js';
import { type ListsDeps, readRepo } from './lists-deps.js';

export interface DiffVersionsRequest {
  readonly source: string;
  /** A version id or seq number; the version before `to` by default. */
  readonly from?: string;
  /** A version id or seq number; the current version by default. */
  readonly to?: string;
}

export interface DiffVersionsResult {
  readonly source: ListSourceRecord;
  readonly from: ListVersionRecord;
  readonly to: ListVersionRecord;
  readonly diff: VersionDiff;
}

export async function diffVersions(deps: ListsDeps, request: DiffVersionsRequest): Promise<DiffVersionsResult> {
  const repo = readRepo(deps);
  const source = await requireSource(repo, request.source);
  const versions = await repo.listVersions(source.id);
  const usable = versions.filter((v) => v.status === 'current' || v.status === 'superseded');
  const to =
    request.to !== undefined ? resolveVersion(source, versions, request.to) : versions.find((v) => v.id === source.currentVersionId);
  if (!to) throw new ArgusError('LIST_VERSION_UNKNOWN', `${source.id} has no current version yet`);
  let from: ListVersionRecord | undefined;
  if (request.from !== undefined) from = resolveVersion(source, versions, request.from);
  else {
    from = usable.filter((v) => v.seq < to.seq).sort((a, b) => b.seq - a.seq)[0];
    if (!from) throw new ArgusError('LIST_VERSION_UNKNOWN', `${source.id} has no version before ${to.id} to compare with (give --from)`);
  }
  const diff = await diffEntityStreams(repo.versionEntities(from.id), repo.versionEntities(to.id));
  return { source, from, to, diff };
}

export async function requireSource(repo: ListRepo, id: string): Promise<ListSourceRecord> {
  const source = await repo.getSource(id);
  if (!source) throw new ArgusError('LIST_SOURCE_UNKNOWN', `no list source "${id}"`, { location: { field: 'source' } });
  return source;
}

/** A version by id (`ofac-sdn@3`) or by its number (`3`); failed versions hold no entities and are refused. */
export function resolveVersion(source: ListSourceRecord, versions: readonly ListVersionRecord[], ref: string): ListVersionRecord {
  const v = /^\d+$/.test(ref) ? versions.find((x) => x.seq === Number(ref)) : versions.find((x) => x.id === ref);
  if (!v) throw new ArgusError('LIST_VERSION_UNKNOWN', `${source.id} has no version "${ref}"`, { location: { field: 'version' } });
  if (v.status === 'failed' || v.status === 'pending') {
    throw new ArgusError('LIST_VERSION_UNKNOWN', `${v.id} is ${v.status}: it holds no entities`, { location: { field: 'version' } });
  }
  return v;
}
