/** @argus/store-postgres: the scale-out Store over PostgreSQL. */
export { PostgresStore, type PostgresStoreOptions } from './postgres-store.js';
