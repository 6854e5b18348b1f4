/** Every SQLite migration, by domain. A domain adds its file here. */
import type { Migration } from './migration.js';
import { LISTS_MIGRATIONS } from './lists.js';

export type { Migration } from './migration.js';

export const MIGRATIONS: readonly Migration[] = [...LISTS_MIGRATIONS];
