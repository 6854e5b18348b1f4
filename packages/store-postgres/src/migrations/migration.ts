/** A schema migration: numbered per domain, so each domain's tables evolve on their own. */

export interface Migration {
  readonly domain: string;
  readonly version: number;
  readonly sql: string;
}
