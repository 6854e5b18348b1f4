/** @argus/core/incidents: the incident model, gazetteer, group list, claim reconciliation, dataset parsers and statistics. */
export * from './incident.js';
export * from './reconcile.js';
export * from './gazetteer.js';
export * from './groups.js';
export * from './assemble-incident.js';
export * from './incident-file.js';
export * from './statistics.js';
