/** @argus/runtime: the composition root shared by CLI, server and workers. */
export * from './open-store.js';
