/** @argus/core/audit: the hash-chained, tamper-evident audit log (pure). */
export * from './audit-chain.js';
