/** @argus/app/monitoring: ingest transactions in every format, evaluate them with the monitoring engine, read alerts and rejections, keep the configuration. */
export * from './monitoring-settings.js';
export * from './party-screener.js';
export * from './monitoring-session.js';
export * from './ingest-transactions.js';
export * from './monitoring-queries.js';
