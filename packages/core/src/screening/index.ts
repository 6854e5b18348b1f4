/** @argus/core/screening: the screening index, the matcher and its explanations. */
export * from './entity-features.js';
export * from './name-score.js';
export * from './screener.js';
export * from './screening-index.js';
export * from './screening-query.js';
export * from './token-similarity.js';
export * from './query-country.js';
