#!/usr/bin/env node
// `npm start`: build what is out of date (TypeScript packages, then the web UI), then run the Argus server.
// Environment: PORT (8080), HOST (127.0.0.1), ARGUS_DB (./argus.db or a postgres:// URL), ARGUS_ADMIN_PASSWORD,
// ARGUS_LISTS_DIR (local lists, e.g. ../shared/data/lists), ARGUS_CONFIG (argus.config.json), ARGUS_NO_BUILD=1.
import { buildIfStale } from './build-stale.mjs';

if (process.env.ARGUS_NO_BUILD !== '1') {
  try {
    buildIfStale();
  } catch (e) {
    console.error(`argus: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
}

await import('../packages/server/dist/main.js');
