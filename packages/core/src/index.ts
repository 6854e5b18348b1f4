/** @argus/core: the pure domain. Import a domain by its subpath (`@argus/core/lists`); the model is re-exported here. */
export * from './model/index.js';
/** The synthetic laundering stream, for benchmarks and evaluations outside the monitoring domain. */
export * from './monitoring/synthetic/index.js';
