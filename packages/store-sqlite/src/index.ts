/** @argus/store-sqlite: the embedded Store over better-sqlite3. */
export { SqliteStore, type SqliteStoreOptions } from './sqlite-store.js';
