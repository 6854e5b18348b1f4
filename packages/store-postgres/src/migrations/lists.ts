/** Lists domain tables (PostgreSQL). */
import type { Migration } from './migration.js';

export const LISTS_MIGRATIONS: readonly Migration[] = [];
