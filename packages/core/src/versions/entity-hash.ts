/** The stored form of an entity: canonical JSON without its version, and a SHA-256 over it. */

import { createHash } from 'node:crypto';
import type { Entity } from '../model/entity.js';
import { canonicalJson } from './canonical-json.js';

export interface StoredEntity {
  readonly id: string;
  readonly schema: string;
  /** Canonical JSON of the entity with `source.version` left out, so an unchanged entity stores identically in every version. */
  readonly json: string;
  /** SHA-256 (hex) of `json`: equal hashes mean the list says exactly the same thing about the entity. */
  readonly hash: string;
}

/** The entity as the list says it, independent of which version carried it. */
export function versionless(entity: Entity): Entity {
  if (entity.source.version === undefined) return entity;
  const { version: _version, ...source } = entity.source;
  return { ...entity, source };
}

export function storedEntity(entity: Entity): StoredEntity {
  const json = canonicalJson(versionless(entity));
  return { id: entity.id, schema: entity.schema, json, hash: sha256Hex(json) };
}

/** Reads an entity back from its stored JSON and stamps the version it was read from. */
export function entityFromStored(json: string, versionId: string): Entity {
  const entity = JSON.parse(json) as Entity;
  return { ...entity, source: { ...entity.source, version: versionId } };
}

export function entityHash(entity: Entity): string {
  return sha256Hex(canonicalJson(versionless(entity)));
}

export function sha256Hex(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex');
}
