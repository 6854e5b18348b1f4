/** Monitoring domain tables (SQLite): transactions, alerts and the accounts they name, rejected records, configuration versions. */
import type { Migration } from './migration.js';

export const MONITORING_MIGRATIONS: readonly Migration[] = [
  {
    domain: 'monitoring',
    version: 1,
    sql: `
      -- The id is the idempotency key. time is ISO 8601 UTC (one format, so text order is time order).
      -- The document holds the parties; the columns are what the network view and the window warm-up query.
      CREATE TABLE monitoring_transactions (
        agency_id TEXT NOT NULL,
        id TEXT NOT NULL,
        time TEXT NOT NULL,
        originator TEXT NOT NULL,
        beneficiary TEXT NOT NULL,
        amount REAL NOT NULL,
        currency TEXT NOT NULL,
        base_amount REAL,
        doc TEXT NOT NULL,
        PRIMARY KEY (agency_id, id)
      ) WITHOUT ROWID;
      CREATE INDEX monitoring_transactions_originator ON monitoring_transactions (agency_id, originator, time);
      CREATE INDEX monitoring_transactions_beneficiary ON monitoring_transactions (agency_id, beneficiary, time);
      CREATE INDEX monitoring_transactions_time ON monitoring_transactions (agency_id, time);

      -- status and assignee are the analyst's; a re-detection replaces doc and keeps them.
      CREATE TABLE monitoring_alerts (
        agency_id TEXT NOT NULL,
        id TEXT NOT NULL,
        type TEXT NOT NULL,
        kind TEXT NOT NULL,
        severity TEXT NOT NULL,
        score REAL NOT NULL,
        status TEXT NOT NULL,
        assignee TEXT,
        detected_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        doc TEXT NOT NULL,
        PRIMARY KEY (agency_id, id)
      );
      CREATE INDEX monitoring_alerts_detected ON monitoring_alerts (agency_id, detected_at DESC, id);
      CREATE INDEX monitoring_alerts_type ON monitoring_alerts (agency_id, type, detected_at DESC);
      CREATE TABLE monitoring_alert_accounts (
        agency_id TEXT NOT NULL,
        account TEXT NOT NULL,
        alert_id TEXT NOT NULL,
        PRIMARY KEY (agency_id, account, alert_id)
      ) WITHOUT ROWID;

      CREATE TABLE monitoring_rejections (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        agency_id TEXT NOT NULL,
        at TEXT NOT NULL,
        format TEXT,
        file TEXT NOT NULL,
        line INTEGER,
        field TEXT,
        reason TEXT NOT NULL,
        record TEXT,
        raw TEXT
      );
      CREATE INDEX monitoring_rejections_agency ON monitoring_rejections (agency_id, seq DESC);

      CREATE TABLE monitoring_configs (
        agency_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        saved_at TEXT NOT NULL,
        saved_by TEXT,
        doc TEXT NOT NULL,
        PRIMARY KEY (agency_id, version)
      );
    `,
  },
];
