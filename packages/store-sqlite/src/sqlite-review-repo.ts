/** ReviewRepo over SQLite: one agency's review decisions, append-only. */

import type Database from 'better-sqlite3';
import { statement } from './sqlite-statements.js';
import type { ReviewDecision, ReviewRecord, ReviewRepo } from '@argus/app';

interface Row {
  agency_id: string;
  id: string;
  query_key: string;
  query: string;
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
    query: JSON.parse(r.query) as Record<string, string>,
    entityId: r.entity_id,
    entityHash: r.entity_hash,
    decision: r.decision,
    reason: r.reason,
    userId: r.user_id,
    username: r.username,
    decidedAt: r.decided_at,
  };
}

export class SqliteReviewRepo implements ReviewRepo {
  readonly #db: Database.Database;
  readonly #agencyId: string;

  constructor(db: Database.Database, agencyId: string) {
    this.#db = db;
    this.#agencyId = agencyId;
  }

  async add(review: Omit<ReviewRecord, 'agencyId'>): Promise<ReviewRecord> {
    statement(
      this.#db,
      `INSERT INTO reviews (agency_id, id, query_key, query, entity_id, entity_hash, decision, reason, user_id, username, decided_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
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
    );
    return { ...review, agencyId: this.#agencyId };
  }

  async latest(queryKey: string, entityIds: readonly string[]): Promise<Map<string, ReviewRecord>> {
    const out = new Map<string, ReviewRecord>();
    if (entityIds.length === 0) return out;
    const rows = statement(
      this.#db,
      `SELECT * FROM reviews WHERE agency_id = ? AND query_key = ? AND entity_id IN (${entityIds.map(() => '?').join(',')})
         ORDER BY seq`,
    ).all(this.#agencyId, queryKey, ...entityIds) as Row[];
    for (const r of rows) out.set(r.entity_id, record(r));
    return out;
  }

  async list(limit: number): Promise<ReviewRecord[]> {
    const rows = statement(this.#db, 'SELECT * FROM reviews WHERE agency_id = ? ORDER BY seq DESC LIMIT ?').all(
      this.#agencyId,
      Math.max(0, Math.min(limit, 10_000)),
    ) as Row[];
    return rows.map(record);
  }
}
