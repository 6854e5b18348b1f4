/** The CaseRepo port: one agency's case files, and evidence bytes stored content-addressed by SHA-256. */

import type { CaseFile, CaseStatus } from '@argus/core/cases';

export interface CaseFilter {
  readonly status?: CaseStatus | readonly CaseStatus[];
  readonly assignee?: string;
  /** Cases linking this alert. */
  readonly alertId?: string;
  readonly limit?: number;
  readonly offset?: number;
}

export interface StoredEvidence {
  readonly sha256: string;
  readonly size: number;
  readonly contentType: string;
  readonly bytes: Uint8Array;
}

export interface CaseRepo {
  /** Fails with CONFLICT when the id exists. */
  create(c: CaseFile): Promise<void>;
  get(id: string): Promise<CaseFile | undefined>;
  /**
   * Saves a changed case whose `version` is one more than the stored one (optimistic concurrency).
   * Returns false, changing nothing, when someone else saved in between.
   */
  update(c: CaseFile): Promise<boolean>;
  /** Newest first (by updatedAt, then id). */
  list(filter?: CaseFilter): Promise<CaseFile[]>;
  count(filter?: Omit<CaseFilter, 'limit' | 'offset'>): Promise<number>;
  /** Idempotent: the same bytes are stored once per agency. */
  putEvidence(e: Omit<StoredEvidence, 'size'>): Promise<void>;
  getEvidence(sha256: string): Promise<StoredEvidence | undefined>;
}
