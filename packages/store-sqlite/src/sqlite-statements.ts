/** A per-connection cache of prepared statements: preparing costs more than running on hot paths (auth on every request). */

import type Database from 'better-sqlite3';

const CACHE = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** The prepared statement for `sql` on `db`, prepared once per connection. */
export function statement(db: Database.Database, sql: string): Database.Statement {
  let byDb = CACHE.get(db);
  if (!byDb) {
    byDb = new Map();
    CACHE.set(db, byDb);
  }
  let s = byDb.get(sql);
  if (!s) {
    s = db.prepare(sql);
    byDb.set(sql, s);
  }
  return s;
}
