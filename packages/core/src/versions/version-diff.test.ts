import { describe, expect, it } from 'vitest';
import type { Entity } from '../model/entity.js';
import { person } from './fixtures.test-helpers.js';
import { diffVersions } from './version-diff.js';

async function* stream(entities: Entity[]): AsyncGenerator<Entity> {
  yield* entities;
}

describe('diffVersions', () => {
  it('finds added, removed, changed and unchanged entities in id order', async () => {
    const a1 = person('l', '1', 'Alpha');
    const b1 = person('l', '2', 'Bravo');
    const c1 = person('l', '3', 'Charlie');
    const from = [a1, b1, c1];
    const to = [a1, { ...c1, birthDates: [{ kind: 'exact' as const, date: '1980-05-01' }] }, person('l', '4', 'Delta', {}, 'Vessel')];
    const diff = await diffVersions(stream(from), stream(to));
    expect(diff.added).toEqual([{ id: 'l:4', schema: 'Vessel', name: 'Delta' }]);
    expect(diff.removed).toEqual([{ id: 'l:2', schema: 'Person', name: 'Bravo' }]);
    expect(diff.changed).toEqual([
      { id: 'l:3', schema: 'Person', name: 'Charlie', changes: [{ field: 'birthDates', kind: 'set', added: ['1980-05-01'], removed: [] }] },
    ]);
    expect(diff.unchanged).toBe(1);
    expect(diff.fields).toEqual({ birthDates: 1 });
  });

  it('handles an empty side', async () => {
    const diff = await diffVersions(stream([]), stream([person('l', '1', 'A')]));
    expect(diff.added).toHaveLength(1);
    expect(diff.removed).toHaveLength(0);
  });

  it('refuses input out of id order rather than giving a wrong diff', async () => {
    await expect(diffVersions(stream([person('l', '2', 'B'), person('l', '1', 'A')]), stream([]))).rejects.toThrow(/not in id order/);
  });
});
