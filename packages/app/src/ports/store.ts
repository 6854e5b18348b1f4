/**
 * The Store port. One implementation per database (SQLite embedded, PostgreSQL scale-out), both
 * passing the contract suite in test/store. Every row belongs to an agency: use cases obtain an
 * AgencyStore through `forAgency`, and every repository method of it reads and writes that
 * agency's rows only — tenancy is enforced here, not left to routes.
 */

import type { ListRepo } from './list-repo.js';
import type { AuthRepo } from './auth-repo.js';
import type { ReviewRepo } from './review-repo.js';
import type { IncidentRepo } from './incident-repo.js';
import type { CaseRepo } from './case-repo.js';
import type { AuditRepo } from './audit-repo.js';
import type { MonitoringRepo } from './monitoring-repo.js';

export type StoreKind = 'sqlite' | 'postgres';

/** The agency whose rows public reference data (official sanctions lists) belong to; every agency reads them. */
export const PUBLIC_AGENCY = 'public';

export interface AgencyStore {
  readonly agencyId: string;
  readonly lists: ListRepo;
  readonly reviews: ReviewRepo;
  readonly incidents: IncidentRepo;
  readonly cases: CaseRepo;
  readonly audit: AuditRepo;
  readonly monitoring: MonitoringRepo;
}

export interface Store {
  readonly kind: StoreKind;
  /** Brings the schema up to date (idempotent). */
  migrate(): Promise<void>;
  forAgency(agencyId: string): AgencyStore;
  /** Agencies, users, sessions and API keys: global, because a login looks a user up before it knows the agency. */
  auth(): AuthRepo;
  close(): Promise<void>;
}
