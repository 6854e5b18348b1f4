/** @argus/app/incidents: the incident use cases — import datasets, record and edit incidents, ingest news, statistics. */
export * from './incidents-deps.js';
export * from './import-incidents.js';
export * from './record-incident.js';
export * from './ingest-news.js';
export * from './incident-stats.js';
export * from './read-register.js';
