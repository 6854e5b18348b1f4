/** The embedded store: one SQLite file (WAL), the default for `npm start` and the CLI. */

import Database from 'better-sqlite3';
import type { AgencyStore, AuthRepo, Store } from '@argus/app';
import { MIGRATIONS } from './migrations/index.js';
import { SqliteListRepo } from './sqlite-list-repo.js';
import { SqliteAuthRepo } from './sqlite-auth-repo.js';
import { SqliteReviewRepo } from './sqlite-review-repo.js';
import { SqliteIncidentRepo } from './sqlite-incident-repo.js';
import { SqliteCaseRepo } from './sqlite-case-repo.js';
import { SqliteAuditRepo } from './sqlite-audit-repo.js';
import { SqliteMonitoringRepo } from './sqlite-monitoring-repo.js';

export interface SqliteStoreOptions {
  /** A file path, or `:memory:`. */
  readonly file: string;
  readonly readonly?: boolean;
}

export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  readonly #db: Database.Database;
  #auth: AuthRepo | undefined;

  private constructor(db: Database.Database) {
    this.#db = db;
  }

  static open(options: SqliteStoreOptions): SqliteStore {
    const db = new Database(options.file, { readonly: options.readonly ?? false });
    if (options.file !== ':memory:') db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    return new SqliteStore(db);
  }

  /** The raw connection, for adapters of this package only. */
  get db(): Database.Database {
    return this.#db;
  }

  async migrate(): Promise<void> {
    const db = this.#db;
    db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      domain TEXT NOT NULL, version INTEGER NOT NULL, applied_at TEXT NOT NULL,
      PRIMARY KEY (domain, version))`);
    const applied = new Set(
      (db.prepare('SELECT domain, version FROM schema_migrations').all() as { domain: string; version: number }[]).map(
        (r) => `${r.domain}:${r.version}`,
      ),
    );
    const record = db.prepare('INSERT INTO schema_migrations (domain, version, applied_at) VALUES (?, ?, ?)');
    for (const m of MIGRATIONS) {
      if (applied.has(`${m.domain}:${m.version}`)) continue;
      db.transaction(() => {
        db.exec(m.sql);
        record.run(m.domain, m.version, new Date().toISOString());
      })();
    }
  }

  forAgency(agencyId: string): AgencyStore {
    return {
      agencyId,
      lists: new SqliteListRepo(this.#db, agencyId),
      reviews: new SqliteReviewRepo(this.#db, agencyId),
      incidents: new SqliteIncidentRepo(this.#db, agencyId),
      cases: new SqliteCaseRepo(this.#db, agencyId),
      audit: new SqliteAuditRepo(this.#db, agencyId),
      monitoring: new SqliteMonitoringRepo(this.#db, agencyId),
    };
  }

  auth(): AuthRepo {
    this.#auth ??= new SqliteAuthRepo(this.#db);
    return this.#auth;
  }

  async close(): Promise<void> {
    if (this.#db.open) this.#db.close();
  }
}
