/** @argus/core/versions: list versions as data — canonical entity form and hash, counts, and diffs between versions. */
export * from './canonical-json.js';
export * from './entity-hash.js';
export * from './checksum.js';
export * from './detect-script.js';
export * from './version-counts.js';
export * from './entity-diff.js';
export * from './version-diff.js';
