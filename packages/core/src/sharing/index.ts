/** @argus/core/sharing: roles and permissions, agencies, users, API keys and sharing grants. */
export * from './roles.js';
export * from './principal.js';
