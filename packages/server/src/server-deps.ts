/** What the server is composed from: the store, the auth and review use-case deps, and the optional screening and lists services. */

import type { Clock, Store } from '@argus/app';
import type { AuthDeps } from '@argus/app/auth';
import type { ListsDeps } from '@argus/app/lists';
import type { ReviewsDeps } from '@argus/app/reviews';
import type { AuditNote } from './audit-hook.js';
import type { ScreeningService } from './screening-service.js';
import type { CasesConfig } from './routes/cases/cases-context.js';
import type { IncidentsConfig } from './routes/incidents/incidents-context.js';

export interface Readiness {
  readonly status: 'ready' | 'starting';
  readonly lists: { readonly loaded: number };
}

export interface ServerDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly auth: AuthDeps;
  readonly reviews: ReviewsDeps;
  /** List use cases for the acting agency; absent when the list packages are not wired (tests). */
  readonly lists?: (agencyId: string) => ListsDeps;
  /**
   * "Update now": re-reads the configured list sources (local files or publishers). Default: the
   * publishers, through the lists use case.
   */
  readonly updateLists?: (sources?: readonly string[]) => Promise<readonly { source: string; status: string; error?: string }[]>;
  /** Screening; absent until the index is wired. Routes answer SERVICE_STARTING meanwhile. */
  readonly screening?: () => ScreeningService | undefined;
  readonly readiness?: () => Readiness;
  /** The built web UI (packages/web/dist), served at / with SPA fallback when present. */
  readonly webRoot?: string;
  /** Cookies marked Secure (behind TLS). */
  readonly secureCookies?: boolean;
  /** pino options, or false for no logging (tests). */
  readonly logger?: boolean | Record<string, unknown>;
  /** Login requests per minute per client address before 429 (default 30). */
  readonly loginRateLimit?: number;
  /** Trust X-Forwarded-For (behind a reverse proxy). */
  readonly trustProxy?: boolean;
  /** Appends to the audit log (wired to @argus/app/audit when present). */
  readonly audit?: (note: AuditNote) => Promise<void>;
  /** Alerts, cases and STRs: goAML configuration and validator, SLA, evidence limit (defaults without). */
  readonly cases?: CasesConfig;
  /** The incident register's gazetteer and group list (Pakistan's and the default list without). */
  readonly incidents?: IncidentsConfig;
  /** Largest batch upload (default 64 MiB). */
  readonly maxUploadBytes?: number;
}
