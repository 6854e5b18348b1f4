/** Storage of list sources, their versions and the entities of every version. */

import type { Entity } from '@argus/core';
import type { VersionCounts } from '@argus/core/versions';

/** pending: being imported, invisible to readers; current: what screening uses; superseded: an older edition; failed: rows removed. */
export type ListVersionStatus = 'pending' | 'current' | 'superseded' | 'failed';

export interface ListSourceRecord {
  readonly id: string;
  /** The agency whose list this is: `public` for official lists every agency reads. */
  readonly agencyId: string;
  readonly name: string;
  /** Parser format id (`ofac-csv`, `un-xml`, …) when fixed for the source. */
  readonly format?: string;
  /** Publisher URL(s) for `lists update`. */
  readonly urls: readonly string[];
  readonly currentVersionId?: string;
  readonly createdAt: string;
}

export type ListVersionCounts = VersionCounts;

/** One file of an edition: what was read, and the HTTP validators of its download for the next conditional request. */
export interface ListFileRecord {
  readonly name: string;
  readonly size: number;
  readonly url?: string;
  readonly etag?: string;
  readonly lastModified?: string;
}

/** How a version differs from the version that was current when it was imported (entity counts). */
export interface ListVersionChanges {
  readonly fromVersionId: string;
  readonly added: number;
  readonly removed: number;
  readonly changed: number;
  readonly unchanged: number;
}

export interface ListVersionRecord {
  /** `${sourceId}@${seq}`: readable, and unique among the sources an agency can see. */
  readonly id: string;
  readonly sourceId: string;
  readonly agencyId: string;
  /** 1, 2, 3… per source, in import order (failed imports take a number too). */
  readonly seq: number;
  readonly status: ListVersionStatus;
  /** SHA-256 of the imported bytes (see checksumSources in @argus/core/versions). */
  readonly checksum: string;
  /** The file (or directory) name the edition was imported from. */
  readonly fileName: string;
  readonly files: readonly ListFileRecord[];
  readonly format: string;
  /** The publisher's own date for this edition, where the file states it. */
  readonly publishedAt?: string;
  /** What the file itself declares (OFAC Record_Count…), to compare with what was parsed. */
  readonly declaredCount?: number;
  readonly importedAt: string;
  /** When it became current, or failed. */
  readonly completedAt?: string;
  readonly counts?: ListVersionCounts;
  readonly changes?: ListVersionChanges;
  readonly error?: string;
}

export interface ListWarningRecord {
  readonly versionId: string;
  /** Where in the input: `file, line 12` (ArgusError.where). */
  readonly location: string;
  readonly message: string;
}

export interface NewListVersion {
  readonly sourceId: string;
  readonly checksum: string;
  readonly fileName: string;
  readonly files: readonly ListFileRecord[];
  readonly format: string;
  readonly importedAt: string;
}

export interface CompletedListVersion {
  readonly counts: ListVersionCounts;
  readonly completedAt: string;
  readonly publishedAt?: string;
  readonly declaredCount?: number;
  readonly changes?: ListVersionChanges;
}

export interface ListRepo {
  /**
   * Creates or renames one of this agency's sources. An agency cannot create a source whose id a
   * public (official) source already has: entity ids are `${source}:${id}` and must stay unambiguous.
   */
  upsertSource(
    source: Pick<ListSourceRecord, 'id' | 'name' | 'urls'> & { readonly format?: string; readonly createdAt: string },
  ): Promise<ListSourceRecord>;
  /** A source this agency can read (its own or a public one). */
  getSource(id: string): Promise<ListSourceRecord | undefined>;
  /** Every source this agency can read, by id. */
  listSources(): Promise<ListSourceRecord[]>;

  /** Opens a pending version of one of this agency's sources; its entities are invisible to readers until `completeVersion`. */
  beginVersion(version: NewListVersion): Promise<ListVersionRecord>;
  /** Appends a batch of parsed entities to a pending version. Ids already in the version are left alone and returned. */
  addEntities(versionId: string, entities: readonly Entity[]): Promise<{ readonly duplicates: readonly string[] }>;
  addWarnings(versionId: string, warnings: readonly Omit<ListWarningRecord, 'versionId'>[]): Promise<void>;
  /** Counts added / removed / changed entities of `versionId` against `fromVersionId` by their stored hashes. */
  compareVersions(fromVersionId: string, versionId: string): Promise<ListVersionChanges>;
  /** In one short transaction makes a pending version current (the previous one superseded). */
  completeVersion(versionId: string, summary: CompletedListVersion): Promise<ListVersionRecord>;
  /** Marks a pending version failed and drops its entities and warnings; the current version is untouched. */
  failVersion(versionId: string, error: string, at: string): Promise<void>;
  /** Records new HTTP validators on a version (a download gave the same bytes under a new ETag). */
  updateFiles(versionId: string, files: readonly ListFileRecord[]): Promise<void>;

  getVersion(versionId: string): Promise<ListVersionRecord | undefined>;
  /** Every version of a source this agency can read, newest first. */
  listVersions(sourceId: string): Promise<ListVersionRecord[]>;
  warnings(versionId: string, limit?: number): Promise<ListWarningRecord[]>;

  /** Entities of one version (any status but failed), in id order. */
  versionEntities(versionId: string): AsyncIterable<Entity>;
  /** Entities of the current version of every source (or of the named ones) this agency may read: public lists and its own. */
  currentEntities(sourceIds?: readonly string[]): AsyncIterable<Entity>;
  /** One entity as its source's current version (or the given version) has it. */
  getEntity(entityId: string, versionId?: string): Promise<Entity | undefined>;
}
