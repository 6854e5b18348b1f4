/** @argus/app/screening: screening use cases (screen, screenBatch, compare) and the per-version index cache. */
export * from './batch-row.js';
export * from './entity-index-cache.js';
export * from './screen.js';
