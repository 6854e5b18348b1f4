/** @argus/app/lists: the list use cases — import, update from publishers, diff versions, read entities and sources. */
export * from './list-parser.js';
export * from './source-registry.js';
export * from './lists-deps.js';
export * from './import-list.js';
export * from './update-lists.js';
export * from './diff-versions.js';
export * from './get-entity.js';
export * from './list-sources.js';
