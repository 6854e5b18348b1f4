/** Opens the store a `--db` / ARGUS_DB value names: a `postgres://` URL, or an SQLite file path. */

import type { Store } from '@argus/app';
import { SqliteStore } from '@argus/store-sqlite';
import { PostgresStore } from '@argus/store-postgres';

export const DEFAULT_DB = './argus.db';

export function isPostgresUrl(spec: string): boolean {
  return /^postgres(ql)?:\/\//i.test(spec);
}

/** Opens and migrates the store. */
export async function openStore(spec: string = process.env.ARGUS_DB ?? DEFAULT_DB): Promise<Store> {
  const store: Store = isPostgresUrl(spec) ? await PostgresStore.connect({ url: spec }) : SqliteStore.open({ file: spec });
  try {
    await store.migrate();
  } catch (e) {
    await store.close();
    throw e;
  }
  return store;
}
