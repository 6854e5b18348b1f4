/** ListRepo over SQLite. (Being written: see issue 2.) */
import type Database from 'better-sqlite3';

export class SqliteListRepo {
  constructor(
    readonly db: Database.Database,
    readonly agencyId: string,
  ) {}
}
