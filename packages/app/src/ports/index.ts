/** Ports: the interfaces use cases depend on; adapters implement them. */
export * from './clock.js';
export * from './store.js';
export * from './list-repo.js';
