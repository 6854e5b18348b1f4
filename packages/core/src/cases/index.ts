/** @argus/core/cases: case files, their status machine, four-eyes reporting and evidence checks (pure). */
export * from './case-file.js';
export * from './case-transitions.js';
export * from './evidence.js';
export * from './case-network.js';
