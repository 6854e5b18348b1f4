/** Storage of list sources, their versions and the entities of every version. */

import type { Entity } from '@argus/core';

export type ListVersionStatus = 'pending' | 'current' | 'superseded' | 'failed';

export interface ListSourceRecord {
  readonly id: string;
  readonly name: string;
  /** Parser format id (`ofac-csv`, `un-xml`, …) when fixed for the source. */
  readonly format?: string;
  /** Publisher URL(s) for `lists update`. */
  readonly urls: readonly string[];
  readonly currentVersionId?: string;
  readonly createdAt: string;
}

export interface ListVersionCounts {
  readonly entities: number;
  readonly bySchema: Readonly<Record<string, number>>;
  readonly names: number;
  readonly aliases: number;
  readonly scripts: Readonly<Record<string, number>>;
  readonly birthDates: number;
  readonly identifiers: number;
  readonly warnings: number;
}

export interface ListVersionRecord {
  readonly id: string;
  readonly sourceId: string;
  /** 1, 2, 3… per source, in import order. */
  readonly seq: number;
  readonly status: ListVersionStatus;
  /** SHA-256 of the imported bytes (all files of a set, in name order). */
  readonly checksum: string;
  readonly fileName: string;
  readonly format: string;
  /** The publisher's own date for this edition, where the file states it. */
  readonly publishedAt?: string;
  /** What the file itself declares (OFAC Record_Count…), to compare with what was parsed. */
  readonly declaredCount?: number;
  readonly importedAt: string;
  readonly counts?: ListVersionCounts;
  readonly error?: string;
  /** HTTP validators of the download this version came from, for conditional requests. */
  readonly etag?: string;
  readonly lastModified?: string;
}

export interface ListWarningRecord {
  readonly versionId: string;
  readonly location: string;
  readonly message: string;
}

export interface ListRepo {
  upsertSource(source: Omit<ListSourceRecord, 'createdAt' | 'currentVersionId'>): Promise<ListSourceRecord>;
  getSource(id: string): Promise<ListSourceRecord | undefined>;
  listSources(): Promise<ListSourceRecord[]>;

  /** Opens a pending version; its entities are invisible to readers until `completeVersion`. */
  beginVersion(version: Omit<ListVersionRecord, 'id' | 'seq' | 'status' | 'importedAt' | 'counts' | 'error'>): Promise<ListVersionRecord>;
  /** Appends a batch of parsed entities to a pending version. */
  addEntities(versionId: string, entities: readonly Entity[]): Promise<void>;
  addWarnings(versionId: string, warnings: readonly Omit<ListWarningRecord, 'versionId'>[]): Promise<void>;
  /** Atomically makes a pending version current (the previous one superseded). */
  completeVersion(versionId: string, counts: ListVersionCounts): Promise<ListVersionRecord>;
  /** Marks a pending version failed and drops its entities; the current version is untouched. */
  failVersion(versionId: string, error: string): Promise<void>;

  getVersion(versionId: string): Promise<ListVersionRecord | undefined>;
  listVersions(sourceId: string): Promise<ListVersionRecord[]>;
  warnings(versionId: string, limit?: number): Promise<ListWarningRecord[]>;

  /** Entities of one version (any status but failed), in a stable order. */
  versionEntities(versionId: string): AsyncIterable<Entity>;
  /** Entities of the current version of every source (or of the named ones) this agency may read. */
  currentEntities(sourceIds?: readonly string[]): AsyncIterable<Entity>;
  /** One entity as its source's current version (or the given version) has it. */
  getEntity(entityId: string, versionId?: string): Promise<Entity | undefined>;
}
