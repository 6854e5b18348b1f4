/** Auth domain tables (SQLite): agencies, users, sessions (hashed ids), API keys (hashed). */
import type { Migration } from './migration.js';

export const AUTH_MIGRATIONS: readonly Migration[] = [
  {
    domain: 'auth',
    version: 1,
    sql: `
      CREATE TABLE agencies (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        agency_id TEXT NOT NULL REFERENCES agencies (id),
        username TEXT NOT NULL UNIQUE,
        password_hash TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('admin', 'analyst', 'reviewer', 'auditor')),
        disabled INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL
      );
      CREATE INDEX users_agency ON users (agency_id);
      CREATE TABLE sessions (
        id_hash TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        agency_id TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      );
      CREATE INDEX sessions_user ON sessions (user_id);
      CREATE TABLE api_keys (
        id TEXT PRIMARY KEY,
        agency_id TEXT NOT NULL REFERENCES agencies (id),
        user_id TEXT NOT NULL REFERENCES users (id),
        name TEXT NOT NULL,
        scopes TEXT NOT NULL,
        prefix TEXT NOT NULL,
        key_hash TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL,
        last_used_at TEXT,
        revoked_at TEXT
      );
      CREATE INDEX api_keys_agency ON api_keys (agency_id);
    `,
  },
];
