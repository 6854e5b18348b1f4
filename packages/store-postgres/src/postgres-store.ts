/** The scale-out store: PostgreSQL through a pg connection pool. */

import pg from 'pg';
import type { AgencyStore, AuthRepo, Store } from '@argus/app';
import { MIGRATIONS } from './migrations/index.js';
import { PostgresListRepo } from './postgres-list-repo.js';
import { PostgresAuthRepo } from './postgres-auth-repo.js';
import { PostgresReviewRepo } from './postgres-review-repo.js';
import { PostgresIncidentRepo } from './postgres-incident-repo.js';
import { PostgresCaseRepo } from './postgres-case-repo.js';
import { PostgresAuditRepo } from './postgres-audit-repo.js';
import { PostgresMonitoringRepo } from './postgres-monitoring-repo.js';

export interface PostgresStoreOptions {
  /** `postgres://user@host:port/db`. */
  readonly url: string;
  /** A schema to hold Argus's tables (tests use one per run); `public` by default. */
  readonly schema?: string;
  readonly maxConnections?: number;
}

const IDENT = /^[a-z_][a-z0-9_]{0,62}$/;

export class PostgresStore implements Store {
  readonly kind = 'postgres' as const;
  readonly #pool: pg.Pool;
  readonly #schema: string;

  private constructor(pool: pg.Pool, schema: string) {
    this.#pool = pool;
    this.#schema = schema;
  }

  static async connect(options: PostgresStoreOptions): Promise<PostgresStore> {
    const schema = options.schema ?? 'public';
    if (!IDENT.test(schema)) throw new Error(`invalid PostgreSQL schema name: ${schema}`);
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.maxConnections ?? 8,
      // Every connection works inside the store's schema.
      options: `-c search_path=${schema}`,
    });
    pool.on('error', () => {
      // An idle client died (server restart); the pool replaces it. Errors surface on the next query.
    });
    const client = await pool.connect();
    try {
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } finally {
      client.release();
    }
    return new PostgresStore(pool, schema);
  }

  get pool(): pg.Pool {
    return this.#pool;
  }

  get schema(): string {
    return this.#schema;
  }

  async migrate(): Promise<void> {
    const client = await this.#pool.connect();
    try {
      // One migrator at a time across processes.
      await client.query('SELECT pg_advisory_lock(hashtext($1))', [`argus-migrate:${this.#schema}`]);
      await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
        domain TEXT NOT NULL, version INTEGER NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        PRIMARY KEY (domain, version))`);
      const { rows } = await client.query<{ domain: string; version: number }>('SELECT domain, version FROM schema_migrations');
      const applied = new Set(rows.map((r) => `${r.domain}:${r.version}`));
      for (const m of MIGRATIONS) {
        if (applied.has(`${m.domain}:${m.version}`)) continue;
        await client.query('BEGIN');
        try {
          await client.query(m.sql);
          await client.query('INSERT INTO schema_migrations (domain, version) VALUES ($1, $2)', [m.domain, m.version]);
          await client.query('COMMIT');
        } catch (e) {
          await client.query('ROLLBACK');
          throw e;
        }
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [`argus-migrate:${this.#schema}`]).catch(() => {});
      client.release();
    }
  }

  forAgency(agencyId: string): AgencyStore {
    return {
      agencyId,
      lists: new PostgresListRepo(this.#pool, agencyId),
      reviews: new PostgresReviewRepo(this.#pool, agencyId),
      incidents: new PostgresIncidentRepo(this.#pool, agencyId),
      cases: new PostgresCaseRepo(this.#pool, agencyId),
      audit: new PostgresAuditRepo(this.#pool, agencyId),
      monitoring: new PostgresMonitoringRepo(this.#pool, agencyId),
    };
  }

  auth(): AuthRepo {
    return new PostgresAuthRepo(this.#pool);
  }

  async close(): Promise<void> {
    await this.#pool.end();
  }
}
