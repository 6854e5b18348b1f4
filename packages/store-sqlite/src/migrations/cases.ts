/** Cases (SQLite): the case file as a JSON document plus the columns queues filter on; evidence bytes content-addressed. */
import type { Migration } from './migration.js';

export const CASES_MIGRATIONS: readonly Migration[] = [
  {
    domain: 'cases',
    version: 1,
    sql: `
      CREATE TABLE cases (
        agency_id TEXT NOT NULL,
        id TEXT NOT NULL,
        status TEXT NOT NULL,
        assignee TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        version INTEGER NOT NULL,
        doc TEXT NOT NULL,
        PRIMARY KEY (agency_id, id)
      );
      CREATE INDEX cases_queue ON cases (agency_id, status, updated_at);
      CREATE INDEX cases_assignee ON cases (agency_id, assignee, updated_at);
      -- Which cases link which alerts, so "cases for this alert" needs no document scan.
      CREATE TABLE case_alerts (
        agency_id TEXT NOT NULL,
        case_id TEXT NOT NULL,
        alert_id TEXT NOT NULL,
        PRIMARY KEY (agency_id, alert_id, case_id),
        FOREIGN KEY (agency_id, case_id) REFERENCES cases (agency_id, id) ON DELETE CASCADE
      );
      CREATE TABLE case_evidence_blobs (
        agency_id TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        size INTEGER NOT NULL,
        content_type TEXT NOT NULL,
        bytes BLOB NOT NULL,
        PRIMARY KEY (agency_id, sha256)
      );
    `,
  },
];
