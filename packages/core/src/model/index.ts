/** The shared domain model: entities, transactions and alerts, dates, errors. */
export * from './entity.js';
export * from './dates.js';
export * from './errors.js';
export * from './transaction.js';
export * from './countries.js';
