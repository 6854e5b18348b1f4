/** Lists domain tables (SQLite). */
import type { Migration } from './migration.js';

export const LISTS_MIGRATIONS: readonly Migration[] = [];
