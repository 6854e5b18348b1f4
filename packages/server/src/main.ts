/**
 * The `npm start` entry: open the store, create the first admin, serve the API and UI at once, load
 * lists and warm screening in the background (readiness at /api/ready), and shut down in order on SIGINT/SIGTERM.
 */

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { systemClock } from '@argus/app';
import { auditSink } from '@argus/app/audit';
import { type AuthDeps, bootstrap, LoginThrottle, PrincipalCache, randomId } from '@argus/app/auth';
import type { ListsDeps } from '@argus/app/lists';
import { createListsApp, openStore } from '@argus/runtime';
import { argon2Hasher, cryptoRandom } from './argon2-hasher.js';
import { buildServer } from './build-server.js';
import { listsConfig, loadLists } from './list-loader.js';
import { casesConfigFromEnv } from './routes/cases/cases-context.js';
import { loadScreening } from './screening-wiring.js';
import type { Readiness, ServerDeps } from './server-deps.js';
import type { ScreeningService } from './screening-service.js';

const env = process.env;
const port = Number(env.PORT ?? 8080);
const host = env.HOST ?? '127.0.0.1';
const store = await openStore(env.ARGUS_DB);
const auth: AuthDeps = {
  store,
  clock: systemClock,
  hasher: argon2Hasher,
  random: cryptoRandom,
  throttle: new LoginThrottle(),
  cache: new PrincipalCache(),
};

const boot = await bootstrap(auth, env.ARGUS_ADMIN_PASSWORD ? { password: env.ARGUS_ADMIN_PASSWORD } : {});
if (boot.status === 'created') {
  if (boot.password !== undefined) {
    process.stdout.write(
      `\nArgus: created agency "default" and administrator "${boot.user.username}".\n` +
        `One-time password (shown only now; change it under Admin): ${boot.password}\n\n`,
    );
  } else process.stdout.write(`\nArgus: created administrator "${boot.user.username}" with ARGUS_ADMIN_PASSWORD.\n\n`);
}

let listsBase: ListsDeps | undefined;
try {
  listsBase = await createListsApp({ store, agencyId: 'public' });
} catch (e) {
  process.stderr.write(`argus: list parsers unavailable (${String(e)}); list routes answer SERVICE_STARTING\n`);
}

let screening: ScreeningService | undefined;
let ready: Readiness = { status: 'starting', lists: { loaded: 0 } };
const webRoot = fileURLToPath(new URL('../../web/dist', import.meta.url));
const deps: ServerDeps = {
  store,
  clock: systemClock,
  auth,
  reviews: { store, clock: systemClock, newId: () => randomId(cryptoRandom, 'rev') },
  ...(listsBase ? { lists: (agencyId: string) => ({ ...(listsBase as ListsDeps), agencyId }) } : {}),
  ...(listsBase
    ? {
        updateLists: async (sources?: readonly string[]) => {
          const cfg = listsConfig(process.cwd(), env);
          const wanted = sources && sources.length > 0 ? cfg.lists.filter((e) => sources.includes(e.source)) : cfg.lists;
          const out = await loadLists(listsBase as ListsDeps, { lists: wanted }, (msg, extra) => app.log.info(extra ?? {}, msg));
          // New versions change what screening sees: rebuild the index behind the scenes.
          if (out.some((r) => r.status === 'imported')) void reloadScreening();
          return out;
        },
      }
    : {}),
  screening: () => screening,
  readiness: () => ready,
  audit: auditSink((agencyId) => store.forAgency(agencyId), systemClock),
  cases: casesConfigFromEnv(env),
  ...(existsSync(webRoot) ? { webRoot } : {}),
  secureCookies: env.ARGUS_SECURE_COOKIES === '1',
  trustProxy: env.ARGUS_TRUST_PROXY === '1',
  logger: { level: env.LOG_LEVEL ?? 'info' },
};
const app = await buildServer(deps);
await app.listen({ port, host });
process.stdout.write(`Argus: serving on http://${host === '0.0.0.0' ? 'localhost' : host}:${port} (API docs at /api/docs)\n`);

const abort = new AbortController();
const loadedLists = async () =>
  listsBase ? (await store.forAgency('public').lists.listSources()).filter((s) => s.currentVersionId).length : 0;
const background = (async () => {
  // A restart with lists already stored screens at once: downloads (with their retries when offline) must not
  // hold readiness back — stale-but-valid lists beat no lists.
  const stored = await loadedLists();
  if (stored > 0) {
    screening = await loadScreening(store, (msg) => app.log.info(msg));
    ready = { status: 'ready', lists: { loaded: stored } };
    app.log.info(`ready: ${stored} stored list(s); checking for new versions`);
  }
  let imported = false;
  if (listsBase && env.ARGUS_SKIP_LISTS !== '1') {
    const out = await loadLists(listsBase, listsConfig(process.cwd(), env), (msg, extra) => app.log.info(extra ?? {}, msg));
    imported = out.some((r) => r.status === 'imported');
  }
  if (abort.signal.aborted) return;
  const loaded = await loadedLists();
  if (!screening || imported) screening = await loadScreening(store, (msg) => app.log.info(msg));
  ready = { status: 'ready', lists: { loaded } };
  app.log.info(`ready: ${loaded} list(s) loaded`);
})().catch((e: unknown) => {
  app.log.error({ err: e }, 'background start-up failed');
  // Whatever was already being served stays served.
  ready = { status: 'ready', lists: { loaded: ready.lists.loaded } };
});

// Expired sessions are refused on sight; this only keeps the table small.
const sweep = setInterval(() => {
  void store
    .auth()
    .deleteExpiredSessions(new Date().toISOString())
    .catch(() => {});
}, 3_600_000);
sweep.unref();

async function reloadScreening(): Promise<void> {
  // The index cache rebuilds by itself when the version set changes; warming here keeps the next screening fast.
  screening = await loadScreening(store, (msg) => app.log.info(msg)).catch(() => screening);
}

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  app.log.info(`${signal}: shutting down`);
  abort.abort();
  clearInterval(sweep);
  const force = setTimeout(() => process.exit(1), 10_000);
  force.unref();
  try {
    // Stop taking requests and finish the ones in flight, then close the store.
    await app.close();
    await Promise.race([background, new Promise((r) => setTimeout(r, 2000))]);
    await store.close();
  } finally {
    process.exit(0);
  }
}
process.once('SIGINT', () => void shutdown('SIGINT'));
process.once('SIGTERM', () => void shutdown('SIGTERM'));
