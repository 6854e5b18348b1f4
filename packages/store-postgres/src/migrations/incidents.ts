/** Incidents domain tables (PostgreSQL): incidents, dataset imports, news reports, events and reported statistics (JSONB documents). */
import type { Migration } from './migration.js';

export const INCIDENTS_MIGRATIONS: readonly Migration[] = [
  {
    domain: 'incidents',
    version: 1,
    sql: `
      -- The incident document holds its claims and revisions; the columns are what queries filter on.
      CREATE TABLE incidents (
        agency_id TEXT NOT NULL,
        id TEXT NOT NULL,
        date TEXT NOT NULL,
        province TEXT,
        type TEXT NOT NULL,
        data JSONB NOT NULL,
        PRIMARY KEY (agency_id, id)
      );
      CREATE INDEX incidents_date ON incidents (agency_id, date);
      CREATE TABLE incident_imports (
        agency_id TEXT NOT NULL,
        id TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        data JSONB NOT NULL,
        PRIMARY KEY (agency_id, id)
      );
      CREATE TABLE news_reports (
        agency_id TEXT NOT NULL,
        id TEXT NOT NULL,
        event_id TEXT NOT NULL,
        data JSONB NOT NULL,
        PRIMARY KEY (agency_id, id)
      );
      CREATE TABLE news_events (
        agency_id TEXT NOT NULL,
        id TEXT NOT NULL,
        date TEXT,
        data JSONB NOT NULL,
        PRIMARY KEY (agency_id, id)
      );
      CREATE TABLE reported_statistics (
        agency_id TEXT NOT NULL,
        id TEXT NOT NULL,
        period TEXT,
        data JSONB NOT NULL,
        PRIMARY KEY (agency_id, id)
      );
    `,
  },
];
