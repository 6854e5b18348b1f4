/** Review decisions (SQLite): append-only per agency; the newest per (query key, entity) is in force. */
import type { Migration } from './migration.js';

export const REVIEWS_MIGRATIONS: readonly Migration[] = [
  {
    domain: 'reviews',
    version: 1,
    sql: `
      CREATE TABLE reviews (
        agency_id TEXT NOT NULL,
        id TEXT NOT NULL,
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        query_key TEXT NOT NULL,
        query TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        entity_hash TEXT NOT NULL,
        decision TEXT NOT NULL CHECK (decision IN ('true_match', 'false_positive')),
        reason TEXT NOT NULL,
        user_id TEXT NOT NULL,
        username TEXT NOT NULL,
        decided_at TEXT NOT NULL,
        UNIQUE (agency_id, id)
      );
      CREATE INDEX reviews_lookup ON reviews (agency_id, query_key, entity_id, seq);
    `,
  },
];
