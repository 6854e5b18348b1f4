/** The shared domain model: entities, dates, errors. */
export * from './entity.js';
export * from './dates.js';
export * from './errors.js';
