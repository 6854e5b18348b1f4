/** The case model: parties, linked alerts and transactions, notes, evidence, assignee, status and the report request. */

export const CASE_STATUSES = ['open', 'in_review', 'escalated', 'reported', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export type PartyKind = 'listed_entity' | 'account' | 'person' | 'company';

export interface CaseParty {
  readonly kind: PartyKind;
  /** Listed entity id (`ofac-sdn:306`), account identifier, or a free reference for persons/companies. */
  readonly ref: string;
  readonly name?: string;
  /** ISO 3166-1 alpha-2. */
  readonly country?: string;
  /** For accounts: the institution (BIC or bank name). */
  readonly institution?: string;
  /** Why the party is in the case: `originator`, `beneficiary`, `subject`, `watchlist_hit` … */
  readonly role?: string;
}

export interface CaseNote {
  readonly id: string;
  readonly author: string;
  readonly text: string;
  readonly at: string;
}

/** Evidence is stored content-addressed by sha256; the case keeps its metadata only. */
export interface EvidenceMeta {
  readonly id: string;
  readonly fileName: string;
  /** SHA-256 (hex) of the bytes: the storage key. */
  readonly sha256: string;
  readonly size: number;
  /** Sniffed from magic bytes, never taken from the upload; see sniffContentType. */
  readonly contentType: string;
  readonly uploadedBy: string;
  readonly uploadedAt: string;
}

export type ReportCode = 'STR' | 'SAR';

/** Four eyes: one user requests the report, a different user with an approving role approves it. */
export interface ReportRequest {
  readonly reportCode: ReportCode;
  /** The reason text sent to the FIU. */
  readonly reason: string;
  /** FIU indicator codes (from the FIU's lookup list). */
  readonly indicators: readonly string[];
  readonly requestedBy: string;
  readonly requestedAt: string;
  readonly approvedBy?: string;
  readonly approvedAt?: string;
}

export interface CaseFile {
  readonly id: string;
  readonly agencyId: string;
  readonly title: string;
  readonly status: CaseStatus;
  /** Set when closed: why (false positive, no further action, reported and filed …). */
  readonly closeReason?: string;
  readonly assignee?: string;
  readonly parties: readonly CaseParty[];
  readonly alertIds: readonly string[];
  readonly transactionIds: readonly string[];
  readonly notes: readonly CaseNote[];
  readonly evidence: readonly EvidenceMeta[];
  readonly report?: ReportRequest;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** Optimistic concurrency: incremented on every save. */
  readonly version: number;
}

export interface NewCaseInput {
  readonly id: string;
  readonly agencyId: string;
  readonly title: string;
  readonly createdBy: string;
  readonly at: string;
  readonly parties?: readonly CaseParty[];
  readonly alertIds?: readonly string[];
  readonly transactionIds?: readonly string[];
  readonly assignee?: string;
}

export function newCase(input: NewCaseInput): CaseFile {
  return {
    id: input.id,
    agencyId: input.agencyId,
    title: input.title,
    status: 'open',
    ...(input.assignee !== undefined ? { assignee: input.assignee } : {}),
    parties: dedupeParties(input.parties ?? []),
    alertIds: [...new Set(input.alertIds ?? [])],
    transactionIds: [...new Set(input.transactionIds ?? [])],
    notes: [],
    evidence: [],
    createdBy: input.createdBy,
    createdAt: input.at,
    updatedAt: input.at,
    version: 1,
  };
}

/** One party per (kind, ref): the first description wins, later ones fill gaps. */
export function dedupeParties(parties: readonly CaseParty[]): CaseParty[] {
  const byKey = new Map<string, CaseParty>();
  for (const p of parties) {
    const key = `${p.kind}\u0000${p.ref}`;
    const prior = byKey.get(key);
    byKey.set(key, prior ? { ...p, ...prior } : p);
  }
  return [...byKey.values()];
}
