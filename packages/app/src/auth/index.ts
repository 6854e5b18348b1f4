/** @argus/app/auth: bootstrap, login and sessions, API keys, users and agencies, authorisation checks. */
export * from './auth-deps.js';
export * from './login-throttle.js';
export * from './principal-cache.js';
export * from './authorize.js';
export * from './bootstrap.js';
export * from './sessions.js';
export * from './api-keys.js';
export * from './users.js';
