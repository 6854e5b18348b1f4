/** A server over a fresh SQLite file for the HTTP tests: fast fake hashing, a tiny substring screening service, two agencies. */

import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Entity, emptyEntity } from '@argus/core';
import type { Store } from '@argus/app';
import { type AuthDeps, LoginThrottle, type PasswordHasher, PrincipalCache, randomId } from '@argus/app/auth';
import { auditSink } from '@argus/app/audit';
import type { ListsDeps } from '@argus/app/lists';
import { openStore } from '@argus/runtime';
import type { FastifyInstance } from 'fastify';
import { buildServer } from './build-server.js';
import type { ScreeningService, ScreenMatch } from './screening-service.js';
import type { ServerDeps } from './server-deps.js';

export const PASSWORD = 'correct horse battery';

/** Not a password hash: tests need thousands of verifications per second; argon2 itself is tested separately. */
export const plainHasher: PasswordHasher = {
  hash: async (p) => `plain$${p}`,
  verify: async (h, p) => h === `plain$${p}`,
};

/** Matches when every query token occurs in a name of the entity (case-insensitive). */
export function substringScreening(store: Store): ScreeningService {
  return {
    async screen(agencyId, query, limit) {
      const tokens = query.name
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .filter(Boolean);
      const out: ScreenMatch[] = [];
      for await (const e of store.forAgency(agencyId).lists.currentEntities()) {
        const hit = e.names.find((n) => tokens.every((t) => n.full.toLowerCase().includes(t)));
        if (!hit) continue;
        out.push({
          entity_id: e.id,
          source: e.source.list,
          source_id: e.source.sourceId,
          name: hit.full,
          schema: e.schema,
          score: 1,
          band: 'match',
          explanation: { tokens },
        });
        if (out.length >= limit) break;
      }
      return out;
    },
  };
}

export function person(list: string, sourceId: string, name: string, more: Partial<Entity> = {}): Entity {
  return { ...emptyEntity(list, sourceId, 'Person'), names: [{ full: name, kind: 'primary' }], ...more };
}

/** Imports entities as a new current version of a source owned by `agencyId`. */
export async function seedList(store: Store, agencyId: string, sourceId: string, entities: readonly Entity[]): Promise<void> {
  const repo = store.forAgency(agencyId).lists;
  const now = new Date().toISOString();
  await repo.upsertSource({ id: sourceId, name: sourceId, urls: [], createdAt: now });
  const v = await repo.beginVersion({
    sourceId,
    checksum: randomBytes(8).toString('hex'),
    fileName: `${sourceId}.csv`,
    files: [],
    format: 'test',
    importedAt: now,
  });
  await repo.addEntities(v.id, entities);
  await repo.completeVersion(v.id, {
    counts: { total: entities.length } as never,
    completedAt: new Date().toISOString(),
  });
}

export interface TestServer {
  readonly app: FastifyInstance;
  readonly store: Store;
  readonly deps: ServerDeps;
  /** Logs in; returns the cookie header value. */
  login(username: string, password?: string): Promise<string>;
  /** Creates a user directly in the store. */
  user(agencyId: string, username: string, role: 'admin' | 'analyst' | 'reviewer' | 'auditor'): Promise<string>;
  close(): Promise<void>;
}

export async function testServer(
  options: { screening?: boolean; hasher?: PasswordHasher; extra?: Partial<ServerDeps> } = {},
): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'argus-server-'));
  const store = await openStore(join(dir, 'test.db'));
  const random = { bytes: (n: number) => randomBytes(n) };
  const auth: AuthDeps = {
    store,
    clock: { now: () => new Date() },
    hasher: options.hasher ?? plainHasher,
    random,
    throttle: new LoginThrottle({ maxFailures: 5 }),
    // With the cache on, the tests also prove that changes invalidate it.
    cache: new PrincipalCache({ ttlMs: 60_000 }),
  };
  const repo = store.auth();
  const now = new Date().toISOString();
  await repo.createAgency({ id: 'default', name: 'Default agency', createdAt: now });
  await repo.createAgency({ id: 'agency-b', name: 'Agency B', createdAt: now });
  const screening = options.screening === false ? undefined : substringScreening(store);
  const lists = (agencyId: string): ListsDeps => ({
    store,
    agencyId,
    clock: auth.clock,
    parser: {
      detectFormat: () => undefined,
      parseList: () => {
        throw new Error('no parser in tests');
      },
    } as never,
  });
  const deps: ServerDeps = {
    store,
    clock: auth.clock,
    auth,
    reviews: { store, clock: auth.clock, newId: () => randomId(random, 'rev') },
    lists,
    screening: () => screening,
    readiness: () => ({ status: 'ready', lists: { loaded: 1 } }),
    audit: auditSink((agencyId) => store.forAgency(agencyId), auth.clock),
    logger: false,
    ...options.extra,
  };
  const app = await buildServer(deps);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const hasher = auth.hasher;
  return {
    app,
    store,
    deps,
    async user(agencyId, username, role) {
      const id = randomId(random, 'usr');
      await repo.createUser({ id, agencyId, username, role, passwordHash: await hasher.hash(PASSWORD), disabled: false, createdAt: now });
      return id;
    },
    async login(username, password = PASSWORD) {
      const r = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'x-argus-csrf': '1' },
        payload: { username, password },
      });
      if (r.statusCode !== 200) throw new Error(`login ${username}: ${r.statusCode} ${r.body}`);
      const c = r.cookies.find((k) => k.name === 'argus_session');
      if (!c) throw new Error('no session cookie');
      return `argus_session=${c.value}`;
    },
    async close() {
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
