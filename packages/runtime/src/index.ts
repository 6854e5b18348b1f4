/** @argus/runtime: the composition root shared by CLI, server and workers. */
export * from './open-store.js';
export * from './list-path.js';
export * from './lists-app.js';
export * from './screening-pool.js';
export * from './goaml-wiring.js';
