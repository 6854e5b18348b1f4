/** Lists domain tables (SQLite): sources, their versions, every version's entities (canonical JSON + hash) and warnings. */
import type { Migration } from './migration.js';

export const LISTS_MIGRATIONS: readonly Migration[] = [
  {
    domain: 'lists',
    version: 1,
    sql: `
      CREATE TABLE list_sources (
        agency_id TEXT NOT NULL,
        id TEXT NOT NULL,
        name TEXT NOT NULL,
        format TEXT,
        urls TEXT NOT NULL DEFAULT '[]',
        current_version_id TEXT,
        created_at TEXT NOT NULL,
        PRIMARY KEY (agency_id, id)
      );
      CREATE TABLE list_versions (
        agency_id TEXT NOT NULL,
        id TEXT NOT NULL,
        source_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'current', 'superseded', 'failed')),
        checksum TEXT NOT NULL,
        file_name TEXT NOT NULL,
        files TEXT NOT NULL DEFAULT '[]',
        format TEXT NOT NULL,
        published_at TEXT,
        declared_count INTEGER,
        imported_at TEXT NOT NULL,
        completed_at TEXT,
        counts TEXT,
        changes TEXT,
        error TEXT,
        PRIMARY KEY (agency_id, id),
        UNIQUE (agency_id, source_id, seq),
        FOREIGN KEY (agency_id, source_id) REFERENCES list_sources (agency_id, id)
      );
      -- Every version keeps its own rows so any two versions can be diffed; the hash makes comparing them cheap.
      CREATE TABLE list_entities (
        agency_id TEXT NOT NULL,
        version_id TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        schema TEXT NOT NULL,
        hash TEXT NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (agency_id, version_id, entity_id)
      );
      CREATE TABLE list_warnings (
        id INTEGER PRIMARY KEY,
        agency_id TEXT NOT NULL,
        version_id TEXT NOT NULL,
        location TEXT NOT NULL,
        message TEXT NOT NULL
      );
      CREATE INDEX list_warnings_version ON list_warnings (agency_id, version_id, id);
    `,
  },
];
