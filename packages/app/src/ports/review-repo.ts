/** The ReviewRepo port: an agency's decisions on screening hits, keyed by (normalised query, entity). */

export type ReviewDecision = 'true_match' | 'false_positive';

export interface ReviewRecord {
  readonly id: string;
  readonly agencyId: string;
  /** The normalised query (see reviewQueryKey): the same person asked about again finds the decision. */
  readonly queryKey: string;
  /** The query as the reviewer saw it. */
  readonly query: Readonly<Record<string, string>>;
  readonly entityId: string;
  /** The entity's content hash when decided: a changed entity in a new list version voids the decision. */
  readonly entityHash: string;
  readonly decision: ReviewDecision;
  readonly reason: string;
  readonly userId: string;
  readonly username: string;
  readonly decidedAt: string;
}

export interface ReviewRepo {
  /** Appends a decision (earlier ones stay, as history); the newest per (query, entity) is the one in force. */
  add(review: Omit<ReviewRecord, 'agencyId'>): Promise<ReviewRecord>;
  /** The newest decision per entity for this query, among the given entities. */
  latest(queryKey: string, entityIds: readonly string[]): Promise<Map<string, ReviewRecord>>;
  /** This agency's decisions, newest first. */
  list(limit: number): Promise<ReviewRecord[]>;
}
