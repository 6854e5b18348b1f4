/** Ports: the interfaces use cases depend on; adapters implement them. */
export * from './clock.js';
export * from './store.js';
export * from './list-repo.js';
export * from './list-fetcher.js';
export * from './auth-repo.js';
export * from './review-repo.js';
export * from './incident-repo.js';
export * from './case-repo.js';
export * from './audit-repo.js';
export * from './monitoring-repo.js';
