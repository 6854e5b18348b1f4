/** @argus/core/monitoring: the streaming transaction monitor — rules, network typologies, alert grouping and its configuration. */
export * from './monitoring-config.js';
export { parseMonitoringConfig, parseDuration } from './parse-monitoring-config.js';
export { MonitorEngine, type PartyScreener, type MonitorEngineOptions, type MonitorStats } from './monitor-engine.js';
export type { ScreeningHit } from './engine-context.js';
export { defaultIdFor, type IdFor } from './alert-book.js';
export * from './synthetic/index.js';
