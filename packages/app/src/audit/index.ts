/** @argus/app/audit: append, verify and export the tamper-evident audit log. */
export * from './audit-log.js';
