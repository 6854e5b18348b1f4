/** ReviewRepo over PostgreSQL: one agency's review decisions, append-only. */

import type pg from 'pg';
import type { ReviewDecision, ReviewRecord, ReviewRepo } from '@argus/app';

interface Row {
  agency_id: string;
  id: string;
  query_key: string;
  query: Record<string, string>;
  entity_id: string;
  entity_hash: string;
  decision: ReviewDecision;
  reason: string;
  user_id: string;
  username: string;
  decided_at: string;
}

function record(r: Row): ReviewRecord {
  return {
    id: r.id,
    agencyId: r.agency_id,
    queryKey: r.query_key,
    query: r.query,
    entityId: r.entity_id,
    entityHash: r.entity_hash,
    decision: r.decision,
    reason: r.reason,
    userId: r.user_id,
    username: r.username,
    decidedAt: r.decided_at,
  };
}

export class PostgresReviewRepo implements ReviewRepo {
  readonly #pool: pg.Pool;
  readonly #agencyId: string;

  constructor(pool: pg.Pool, agencyId: string) {
    this.#pool = pool;
    this.#agencyId = agencyId;
  }

  async add(review: Omit<ReviewRecord, 'agencyId'>): Promise<ReviewRecord> {
    await this.#pool.query(
      `INSERT INTO reviews (agency_id, id, query_key, query, entity_id, entity_hash, decision, reason, user_id, username, decided_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        this.#agencyId,
        review.id,
        review.queryKey,
        JSON.stringify(review.query),
        review.entityId,
        review.entityHash,
        review.decision,
        review.reason,
        review.userId,
        review.username,
        review.decidedAt,
      ],
    );
    return { ...review, agencyId: this.#agencyId };
  }

  async latest(queryKey: string, entityIds: readonly string[]): Promise<Map<string, ReviewRecord>> {
    const out = new Map<string, ReviewRecord>();
    if (entityIds.length === 0) return out;
    const { rows } = await this.#pool.query<Row>(
      'SELECT * FROM reviews WHERE agency_id = $1 AND query_key = $2 AND entity_id = ANY($3) ORDER BY seq',
      [this.#agencyId, queryKey, [...entityIds]],
    );
    for (const r of rows) out.set(r.entity_id, record(r));
    return out;
  }

  async list(limit: number): Promise<ReviewRecord[]> {
    const { rows } = await this.#pool.query<Row>('SELECT * FROM reviews WHERE agency_id = $1 ORDER BY seq DESC LIMIT $2', [
      this.#agencyId,
      Math.max(0, Math.min(limit, 10_000)),
    ]);
    return rows.map(record);
  }
}
