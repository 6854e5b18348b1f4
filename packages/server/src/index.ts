/** @argus/server: the HTTP API and web UI host. */
export { buildServer, type RouteEntry, REDACT } from './build-server.js';
export type { ServerDeps, Readiness } from './server-deps.js';
export type { ScreeningService, ScreenQuery, ScreenMatch } from './screening-service.js';
export { argon2Hasher, cryptoRandom } from './argon2-hasher.js';
export { SESSION_COOKIE, CSRF_HEADER } from './plugins/auth.js';
export { listsConfig, loadLists, LOCAL_LAYOUT } from './list-loader.js';
export { loadScreening, screeningService } from './screening-wiring.js';
