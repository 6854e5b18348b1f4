/**
 * The audit log (PostgreSQL): append-only, hash-chained per agency. It has no foreign keys on purpose:
 * rows outlive their subjects (a deleted user, case or list version must still be accounted for).
 * before/after are TEXT, not JSONB: the hash covers the JSON exactly as written.
 */
import type { Migration } from './migration.js';

export const AUDIT_MIGRATIONS: readonly Migration[] = [
  {
    domain: 'audit',
    version: 1,
    sql: `
      CREATE TABLE audit_log (
        agency_id TEXT NOT NULL,
        seq BIGINT NOT NULL,
        time TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        subject TEXT NOT NULL,
        before_json TEXT,
        after_json TEXT,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL,
        PRIMARY KEY (agency_id, seq)
      );
      CREATE INDEX audit_log_subject ON audit_log (agency_id, subject, seq);
      CREATE INDEX audit_log_actor ON audit_log (agency_id, actor, seq);
    `,
  },
];
