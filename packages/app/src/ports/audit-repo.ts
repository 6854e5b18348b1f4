/**
 * The AuditRepo port: one agency's append-only, hash-chained audit log. `append` reads the head and
 * writes the next entry atomically, so concurrent writers never fork the chain.
 */

import type { AuditEvent, AuditEventInput } from '@argus/core/audit';

export interface AuditQuery {
  /** Entries with seq greater than this (paging); 0 by default. */
  readonly afterSeq?: number;
  readonly limit?: number;
  readonly actor?: string;
  readonly action?: string;
  readonly subject?: string;
}

export interface AuditRepo {
  append(input: Omit<AuditEventInput, 'agencyId'>): Promise<AuditEvent>;
  /** In seq order. Filters are for browsing; verification reads unfiltered. */
  list(query?: AuditQuery): Promise<AuditEvent[]>;
  head(): Promise<AuditEvent | undefined>;
  count(): Promise<number>;
}
