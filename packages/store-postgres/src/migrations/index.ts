/** Every PostgreSQL migration, by domain. A domain adds its file here. */
import type { Migration } from './migration.js';
import { LISTS_MIGRATIONS } from './lists.js';
import { AUTH_MIGRATIONS } from './auth.js';
import { REVIEWS_MIGRATIONS } from './reviews.js';
import { INCIDENTS_MIGRATIONS } from './incidents.js';
import { CASES_MIGRATIONS } from './cases.js';
import { AUDIT_MIGRATIONS } from './audit.js';
import { MONITORING_MIGRATIONS } from './monitoring.js';

export type { Migration } from './migration.js';

export const MIGRATIONS: readonly Migration[] = [
  ...LISTS_MIGRATIONS,
  ...AUTH_MIGRATIONS,
  ...REVIEWS_MIGRATIONS,
  ...INCIDENTS_MIGRATIONS,
  ...CASES_MIGRATIONS,
  ...AUDIT_MIGRATIONS,
  ...MONITORING_MIGRATIONS,
];
