/** A schema migration: numbered per domain, so each domain's tables evolve on their own. */

export interface Migration {
  /** `lists`, `monitoring`, `cases`, `audit`, `incidents`, `auth` … */
  readonly domain: string;
  /** 1, 2, 3 … within the domain; applied in order, each once. */
  readonly version: number;
  readonly sql: string;
}
