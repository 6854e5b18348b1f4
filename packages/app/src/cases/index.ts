/** @argus/app/cases: case use cases, the alert queue and goAML STR export. */
export * from './alert-queue.js';
export * from './alert-source.js';
export * from './case-actions.js';
export * from './cases-deps.js';
export * from './export-str.js';
export * from './case-network.js';
