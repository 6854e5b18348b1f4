import { describe, expect, it } from 'vitest';
import { entityFromStored, entityHash, storedEntity } from './entity-hash.js';
import { person } from './fixtures.test-helpers.js';

describe('storedEntity', () => {
  it('hashes what the list says, not which version carried it', () => {
    const e = person('l', '1', 'John Smith');
    const v1 = { ...e, source: { ...e.source, version: 'l@1' } };
    const v2 = { ...e, source: { ...e.source, version: 'l@2' } };
    expect(storedEntity(v1).hash).toBe(storedEntity(v2).hash);
    expect(storedEntity(v1).json).not.toContain('l@1');
    expect(entityHash(e)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes the hash when any detail changes', () => {
    const e = person('l', '1', 'John Smith');
    expect(entityHash(e)).not.toBe(entityHash({ ...e, birthDates: [{ kind: 'exact', date: '1970' }] }));
  });

  it('reads back the entity with the version it was read from', () => {
    const e = person('l', '1', 'John Smith', { countries: [{ code: 'FR', role: 'nationality' }] });
    const back = entityFromStored(storedEntity(e).json, 'l@3');
    expect(back).toEqual({ ...e, source: { list: 'l', sourceId: '1', version: 'l@3' } });
  });
});
