/** getEntity: one entity with everything its list says, and the source and version it comes from. */

import { ArgusError, type Entity } from '@argus/core';
import type { ListSourceRecord, ListVersionRecord } from '../ports/list-repo.js';
import { requireSource, resolveVersion } from './diff-versions.js';
import { type ListsDeps, readRepo } from './lists-deps.js';

export interface GetEntityRequest {
  /** `${source}:${sourceId}`, e.g. `ofac-sdn:306`. */
  readonly id: string;
  /** A version id or seq number of the entity's source; the current version by default. */
  readonly version?: string;
}

export interface EntityView {
  readonly entity: Entity;
  readonly source: ListSourceRecord;
  readonly version: ListVersionRecord;
}

export async function getEntity(deps: ListsDeps, request: GetEntityRequest): Promise<EntityView> {
  const repo = readRepo(deps);
  const colon = request.id.indexOf(':');
  const notFound = () => new ArgusError('ENTITY_NOT_FOUND', `no entity "${request.id}"`, { location: { field: 'id' } });
  if (colon <= 0) throw notFound();
  const source = await repo.getSource(request.id.slice(0, colon));
  if (!source) throw notFound();
  let versionId = source.currentVersionId;
  if (request.version !== undefined) {
    versionId = resolveVersion(await requireSource(repo, source.id), await repo.listVersions(source.id), request.version).id;
  }
  if (!versionId) throw notFound();
  const entity = await repo.getEntity(request.id, versionId);
  const version = await repo.getVersion(versionId);
  if (!entity || !version) throw notFound();
  return { entity, source, version };
}
