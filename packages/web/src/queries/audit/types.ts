/** The shapes of the audit endpoints (see /api/openapi.json, tag audit). */

export interface AuditEntry {
  readonly seq: number;
  readonly agencyId: string;
  readonly actor: string;
  readonly action: string;
  readonly subject: string;
  readonly before?: unknown;
  readonly after?: unknown;
  readonly time: string;
  readonly prevHash: string;
  readonly hash: string;
}

export interface AuditPage {
  readonly items: readonly AuditEntry[];
  readonly nextAfterSeq?: number;
  readonly total: number;
  readonly headSeq: number;
}

export interface AuditVerification {
  readonly intact: boolean;
  readonly entries: number;
  readonly headHash?: string;
  readonly firstBadSeq?: number;
  readonly reason?: string;
  readonly message?: string;
  readonly verifiedAt: string;
}

export interface AuditFilter {
  readonly actor?: string;
  readonly action?: string;
  readonly subject?: string;
  /** ISO date or instant. */
  readonly from?: string;
  readonly to?: string;
}
