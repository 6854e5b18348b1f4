/**
 * Runs one contract suite against every store adapter (ARGUS_STORES=sqlite,postgres).
 * PostgreSQL gets a fresh schema per suite, dropped afterwards. Without a reachable PostgreSQL the
 * postgres run is skipped loudly — except in CI or when ARGUS_STORES names it, where it must run.
 */

import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import type { Store } from '@argus/app';
import { SqliteStore } from '@argus/store-sqlite';
import { PostgresStore } from '@argus/store-postgres';

export const PG_URL = process.env.ARGUS_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const requested = (process.env.ARGUS_STORES ?? 'sqlite,postgres').split(',').map((s) => s.trim());
const pgRequired = process.env.CI === 'true' || process.env.ARGUS_STORES?.includes('postgres') === true;

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

const pgAvailable = requested.includes('postgres') ? await postgresReachable() : false;
if (requested.includes('postgres') && !pgAvailable) {
  const msg = `PostgreSQL at ${PG_URL} is not reachable: the postgres store contract tests are SKIPPED`;
  if (pgRequired) throw new Error(`${msg} — but CI / ARGUS_STORES requires them`);
  console.warn(`\n*** ${msg} ***\n`);
}

export interface StoreFixture {
  /** The store under test (migrated, empty). */
  readonly store: () => Store;
  readonly kind: 'sqlite' | 'postgres';
}

/** Declares the suite once per store adapter. */
export function describeEachStore(title: string, suite: (fx: StoreFixture) => void): void {
  if (requested.includes('sqlite')) {
    describe(`${title} [sqlite]`, () => {
      let store: Store | undefined;
      let dir = '';
      beforeAll(async () => {
        dir = mkdtempSync(join(tmpdir(), 'argus-store-'));
        store = SqliteStore.open({ file: join(dir, 'test.db') });
        await store.migrate();
      });
      afterAll(async () => {
        await store?.close();
        rmSync(dir, { recursive: true, force: true });
      });
      suite({ store: () => must(store), kind: 'sqlite' });
    });
  }
  if (requested.includes('postgres')) {
    const d = pgAvailable ? describe : describe.skip;
    d(`${title} [postgres]`, () => {
      let store: PostgresStore | undefined;
      const schema = `argus_test_${randomBytes(6).toString('hex')}`;
      beforeAll(async () => {
        store = await PostgresStore.connect({ url: PG_URL, schema });
        await store.migrate();
      });
      afterAll(async () => {
        if (store) {
          await store.pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
          await store.close();
        }
      });
      suite({ store: () => must(store), kind: 'postgres' });
    });
  }
}

function must<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('store not opened');
  return value;
}
