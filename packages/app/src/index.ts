/** @argus/app: use cases composing the pure core with ports. Never imports an adapter. */
export * from './ports/index.js';
