/** ListRepo over PostgreSQL. (Being written: see issue 2.) */
import type pg from 'pg';

export class PostgresListRepo {
  constructor(
    readonly pool: pg.Pool,
    readonly agencyId: string,
  ) {}
}
