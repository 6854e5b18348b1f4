/**
 * HTTP screening throughput: POST /api/screen (API key, varied names from the shared lists) with
 * autocannon on loopback against a server holding a warm index of OFAC SDN 2024 + UN 2026, in its own
 * process. Baseline in the same run: GET /api/health, the framework's ceiling on this machine.
 */

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchContext, Benchmark } from './run.js';

const DURATION_S = Number(process.env.ARGUS_HTTP_BENCH_SECONDS ?? 10);
const CONNECTIONS = 32;

const QUERIES = [
  'Abu Bakr al-Baghdadi',
  'Mohammed Omar',
  'Ivan Petrov',
  'Usama bin Laden',
  'Banco Nacional de Cuba',
  'John Smith',
  'Kim Jong Un',
  'Hassan Nasrallah',
  'Maria Gonzalez',
  'Al Qaida',
];

interface ServerInfo {
  readonly port: number;
  readonly key: string;
  readonly entities: number;
  readonly synthetic: boolean;
  readonly screening: boolean;
  /** The same queries through the screening service in the server process, no HTTP: the ceiling for /api/screen. */
  readonly inProcessPerSecond?: number;
}

/** The server side, in its own process so the load generator does not share its event loop. */
async function serve(dataDir: string): Promise<void> {
  const { systemClock } = await import('@argus/app');
  const { LoginThrottle, PrincipalCache, createApiKey, randomId } = await import('@argus/app/auth');
  const { importList } = await import('@argus/app/lists');
  const { createListsApp, readListPath } = await import('@argus/runtime');
  const { SqliteStore } = await import('@argus/store-sqlite');
  const { buildServer, cryptoRandom, argon2Hasher, loadScreening } = await import('@argus/server');

  const dir = mkdtempSync(join(tmpdir(), 'argus-http-bench-'));
  const store = SqliteStore.open({ file: join(dir, 'bench.db') });
  await store.migrate();
  const lists = await createListsApp({ store, agencyId: 'public' }).catch(() => undefined);
  let entities = 0;
  for (const [source, path] of [
    ['ofac-sdn', join(dataDir, 'lists/ofac-sdn-2024/sdn-2024-05-03.csv')],
    ['un-sc', join(dataDir, 'lists/un/consolidated-2026-02-27.xml')],
  ] as const) {
    if (!lists) break;
    const input = readListPath(path);
    const r = await importList(lists, { source, files: input.files, fileName: input.fileName });
    if (r.status === 'imported') entities += r.version.counts?.entities ?? 0;
  }
  let synthetic = false;
  if (entities === 0) {
    // Parsers not built yet: a deterministic synthetic list of the same order of size, said so in the output.
    synthetic = true;
    entities = await seedSynthetic(store, 20_000);
  }
  const auth = {
    store,
    clock: systemClock,
    hasher: argon2Hasher,
    random: cryptoRandom,
    throttle: new LoginThrottle(),
    cache: new PrincipalCache(),
  };
  const now = new Date().toISOString();
  await store.auth().createAgency({ id: 'default', name: 'Bench', createdAt: now });
  const user = await store.auth().createUser({
    id: 'usr_bench',
    agencyId: 'default',
    username: 'bench',
    passwordHash: await argon2Hasher.hash('bench-password-unused'),
    role: 'analyst',
    disabled: false,
    createdAt: now,
  });
  const screening = await loadScreening(store, () => {});
  const app = await buildServer({
    store,
    clock: systemClock,
    auth,
    reviews: { store, clock: systemClock, newId: () => randomId(cryptoRandom, 'rev') },
    ...(lists ? { lists: (agencyId: string) => ({ ...lists, agencyId }) } : {}),
    screening: () => screening,
    logger: false,
  });
  const principal = { kind: 'session' as const, user, agency: { id: 'default', name: 'Bench', createdAt: now } };
  const { key } = await createApiKey(auth, { ...principal, user: { ...user, role: 'admin' } }, { name: 'bench', scopes: ['screen'] });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  // Warm the index before the parent starts measuring.
  let inProcessPerSecond: number | undefined;
  if (screening) {
    // Warm the JIT on the measured queries first, as the HTTP runs below are warmed by their own first seconds.
    for (let i = 0; i < 300; i++) await screening.screen('default', { name: QUERIES[i % QUERIES.length] as string }, 10);
    const t0 = performance.now();
    let n = 0;
    while (performance.now() - t0 < 2000) await screening.screen('default', { name: QUERIES[n++ % QUERIES.length] as string }, 10);
    inProcessPerSecond = (n * 1000) / (performance.now() - t0);
  }
  const info: ServerInfo = {
    port,
    key,
    entities,
    synthetic,
    screening: screening !== undefined,
    ...(inProcessPerSecond !== undefined ? { inProcessPerSecond } : {}),
  };
  process.stdout.write(`${JSON.stringify(info)}\n`);
  process.once('SIGTERM', () => {
    void app.close().then(async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
      process.exit(0);
    });
  });
}

const SYLLABLES = ['al', 'ba', 'da', 'ha', 'ka', 'la', 'ma', 'na', 'ra', 'sa', 'ta', 'ya', 'za', 'mo', 'ri', 'ne', 'ko', 'vi', 'an', 'el'];

function syntheticName(i: number): string {
  const word = (n: number) => {
    let w = '';
    for (let k = 0; k < 3; k++) {
      w += SYLLABLES[n % SYLLABLES.length];
      n = Math.floor(n / SYLLABLES.length) + k * 7;
    }
    return w.charAt(0).toUpperCase() + w.slice(1);
  };
  return `${word(i * 7919)} ${word(i * 104729 + 13)} ${word(i * 31 + 5)}`;
}

async function seedSynthetic(store: import('@argus/app').Store, n: number): Promise<number> {
  const { emptyEntity } = await import('@argus/core');
  const repo = store.forAgency('public').lists;
  const now = new Date().toISOString();
  await repo.upsertSource({ id: 'synthetic', name: 'Synthetic', urls: [], createdAt: now });
  const v = await repo.beginVersion({
    sourceId: 'synthetic',
    checksum: 'x',
    fileName: 'synthetic',
    files: [],
    format: 'synthetic',
    importedAt: now,
  });
  const batch = [];
  for (let i = 0; i < n; i++) {
    batch.push({ ...emptyEntity('synthetic', String(i), 'Person'), names: [{ full: syntheticName(i), kind: 'primary' as const }] });
    if (batch.length === 1000) await repo.addEntities(v.id, batch.splice(0));
  }
  await repo.completeVersion(v.id, { counts: { entities: n } as never, completedAt: now });
  return n;
}

interface Figures {
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly non2xx: number;
  readonly errors: number;
}

async function load(url: string, options: { method?: string; headers?: Record<string, string>; bodies?: string[] }): Promise<Figures> {
  const autocannon = (await import('autocannon')).default;
  let i = 0;
  const bodies = options.bodies;
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    pipelining: 1,
    duration: DURATION_S,
    method: (options.method ?? 'GET') as 'GET',
    headers: options.headers ?? {},
    ...(bodies
      ? {
          requests: [
            {
              setupRequest: (req: Record<string, unknown>) => ({ ...req, body: bodies[i++ % bodies.length] }),
            },
          ],
        }
      : {}),
  } as never);
  const r = result as unknown as {
    requests: { average: number };
    latency: { p50: number; p99: number };
    non2xx: number;
    errors: number;
  };
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors };
}

const bench: Benchmark = {
  name: 'http',
  async run(ctx: BenchContext) {
    const child = spawn(process.execPath, ['--import', 'tsx', import.meta.filename, 'http-bench-server', ctx.dataDir], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      const info = await new Promise<ServerInfo>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (d) => {
          out += String(d);
          const line = out.split('\n').find((l) => l.startsWith('{'));
          if (line) resolve(JSON.parse(line) as ServerInfo);
        });
        child.on('error', reject);
        child.on('close', (code) => reject(new Error(`bench server exited with ${code}`)));
      });
      const base = `http://127.0.0.1:${info.port}`;
      const lists = info.synthetic ? 'SYNTHETIC names — list parsers not built' : 'OFAC SDN 2024-05-03 + UN 2026-02-27';
      ctx.out(`server: ${info.entities} entities (${lists}), ${CONNECTIONS} connections, ${DURATION_S} s each`);
      const health = await load(`${base}/api/health`, {});
      ctx.out(`GET /api/health   ${health.rps.toFixed(0).padStart(7)} req/s  p50 ${health.p50} ms  p99 ${health.p99} ms  (baseline)`);
      const me = await load(`${base}/api/auth/me`, { headers: { authorization: `Bearer ${info.key}` } });
      ctx.out(`GET /api/auth/me  ${me.rps.toFixed(0).padStart(7)} req/s  p50 ${me.p50} ms  p99 ${me.p99} ms  (API-key auth, no work)`);
      if (!info.screening) {
        ctx.out('POST /api/screen  not measured: the screening use case is not wired in this build');
        return;
      }
      const bodies = QUERIES.map((name) => JSON.stringify({ name, limit: 10 }));
      const screen = await load(`${base}/api/screen`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${info.key}` },
        bodies,
      });
      ctx.out(
        `POST /api/screen  ${screen.rps.toFixed(0).padStart(7)} req/s  p50 ${screen.p50} ms  p99 ${screen.p99} ms  non-2xx ${screen.non2xx}  errors ${screen.errors}`,
      );
      if (info.inProcessPerSecond !== undefined)
        ctx.out(
          `screening service in-process, one thread, no HTTP: ${info.inProcessPerSecond.toFixed(0)} queries/s (the ceiling; HTTP reaches ${((screen.rps / info.inProcessPerSecond) * 100).toFixed(0)}% of it)`,
        );
      ctx.out(
        `ratio screen / health: ${(screen.rps / health.rps).toFixed(3)}   goal ≥ 5,000 req/s: ${screen.rps >= 5000 ? 'met' : 'not met'}`,
      );
    } finally {
      child.kill('SIGTERM');
    }
  },
};

export default bench;

if (process.argv[2] === 'http-bench-server') {
  await serve(process.argv[3] as string);
}
