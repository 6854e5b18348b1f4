/** Added, removed and changed entities between two list versions, by a merge over both in id order. */

import { type Entity, primaryName } from '../model/entity.js';
import { ArgusError } from '../model/errors.js';
import { type FieldChange, diffEntity } from './entity-diff.js';

export interface EntityRef {
  readonly id: string;
  readonly schema: string;
  readonly name: string;
}

export interface ChangedEntity extends EntityRef {
  readonly changes: readonly FieldChange[];
}

export interface VersionDiff {
  readonly added: readonly EntityRef[];
  readonly removed: readonly EntityRef[];
  readonly changed: readonly ChangedEntity[];
  /** How many entities are in both and say the same. */
  readonly unchanged: number;
  /** Changed entities per field (`names`: 40 means 40 entities had names added or removed). */
  readonly fields: Readonly<Record<string, number>>;
}

function ref(e: Entity): EntityRef {
  return { id: e.id, schema: e.schema, name: primaryName(e) };
}

/**
 * Diffs two versions given as entity streams sorted by id (the order ListRepo.versionEntities
 * yields). Holds only the two current entities and the result, so it runs over lists of any size;
 * out-of-order input is a bug in the caller and raises rather than giving a wrong diff.
 */
export async function diffVersions(from: AsyncIterable<Entity>, to: AsyncIterable<Entity>): Promise<VersionDiff> {
  const a = sorted(from, 'from');
  const b = sorted(to, 'to');
  const added: EntityRef[] = [];
  const removed: EntityRef[] = [];
  const changed: ChangedEntity[] = [];
  const fields = new Map<string, number>();
  let unchanged = 0;
  let x = await a.next();
  let y = await b.next();
  while (!x.done || !y.done) {
    if (y.done || (!x.done && x.value.id < y.value.id)) {
      removed.push(ref((x as IteratorYieldResult<Entity>).value));
      x = await a.next();
    } else if (x.done || y.value.id < x.value.id) {
      added.push(ref(y.value));
      y = await b.next();
    } else {
      const changes = diffEntity(x.value, y.value);
      if (changes.length === 0) unchanged++;
      else {
        changed.push({ ...ref(y.value), changes });
        for (const c of changes) fields.set(c.field, (fields.get(c.field) ?? 0) + 1);
      }
      x = await a.next();
      y = await b.next();
    }
  }
  return { added, removed, changed, unchanged, fields: Object.fromEntries([...fields].sort((p, q) => q[1] - p[1])) };
}

async function* sorted(entities: AsyncIterable<Entity>, side: string): AsyncGenerator<Entity> {
  let last: string | undefined;
  for await (const e of entities) {
    if (last !== undefined && e.id <= last) {
      throw new ArgusError('INTERNAL', `diff: the ${side} version is not in id order (${last} before ${e.id})`);
    }
    last = e.id;
    yield e;
  }
}
