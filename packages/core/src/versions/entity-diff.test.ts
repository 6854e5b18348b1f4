import { describe, expect, it } from 'vitest';
import { diffEntity } from './entity-diff.js';
import { person } from './fixtures.test-helpers.js';

describe('diffEntity', () => {
  const base = person('l', '7', 'John Smith', {
    birthDates: [{ kind: 'exact', date: '1970' }],
    countries: [{ code: 'FR', role: 'nationality' }],
    identifiers: [{ type: 'passport', value: 'X1', country: 'FR' }],
    properties: { title: ['Dr'] },
  });

  it('is empty when the list says the same thing, whatever version it came from', () => {
    expect(diffEntity(base, { ...base, source: { ...base.source, version: 'l@2' } })).toEqual([]);
  });

  it('reports names added and removed, dates, countries, identifiers, addresses, sanctions and properties', () => {
    const next = {
      ...base,
      schema: 'Organization' as const,
      names: [...base.names, { full: 'J. Smith', kind: 'alias_strong' as const }],
      birthDates: [{ kind: 'approximate' as const, date: '1971' }],
      countries: [],
      identifiers: [{ type: 'passport' as const, value: 'X2', country: 'FR' }],
      addresses: [{ full: '1 Main St, Paris' }],
      sanctions: [{ authority: 'OFAC', program: 'SDGT' }],
      properties: { title: ['Dr', 'Prof'] },
    };
    expect(diffEntity(base, next)).toEqual([
      { field: 'schema', kind: 'value', from: 'Person', to: 'Organization' },
      { field: 'names', kind: 'set', added: ['J. Smith [a.k.a.]'], removed: [] },
      { field: 'birthDates', kind: 'set', added: ['~1971'], removed: ['1970'] },
      { field: 'countries', kind: 'set', added: [], removed: ['FR (nationality)'] },
      { field: 'identifiers', kind: 'set', added: ['passport: X2 (FR)'], removed: ['passport: X1 (FR)'] },
      { field: 'addresses', kind: 'set', added: ['1 Main St, Paris'], removed: [] },
      { field: 'sanctions', kind: 'set', added: ['OFAC · SDGT'], removed: [] },
      { field: 'properties.title', kind: 'set', added: ['Prof'], removed: [] },
    ]);
  });

  it('reports a gender appearing as a value change without a from', () => {
    expect(diffEntity(base, { ...base, gender: 'female' })).toEqual([{ field: 'gender', kind: 'value', to: 'female' }]);
  });
});
