import { describe, expect, it } from 'vitest';
import { detectScript } from './detect-script.js';
import { person } from './fixtures.test-helpers.js';
import { countEntities } from './version-counts.js';

describe('countEntities', () => {
  it('counts schemata, names, aliases, scripts, dates of birth and identifiers', () => {
    const counts = countEntities(
      [
        person('l', '1', 'Ali Hassan', {
          names: [
            { full: 'Ali Hassan', kind: 'primary' },
            { full: 'علي حسن', kind: 'alias_strong' },
            { full: 'Abu Ali', kind: 'alias_weak', script: 'Latn' },
          ],
          birthDates: [
            { kind: 'exact', date: '1970-01-02' },
            { kind: 'between', from: '1969', to: '1971' },
          ],
          identifiers: [{ type: 'passport', value: 'A123' }],
        }),
        person('l', '2', 'ACME LLC', {}, 'Company'),
        person('l', '3', 'Иван Петров'),
      ],
      2,
    );
    expect(counts).toEqual({
      entities: 3,
      bySchema: { Person: 2, Company: 1 },
      names: 5,
      aliases: 2,
      scripts: { Latn: 3, Arab: 1, Cyrl: 1 },
      birthDates: 2,
      identifiers: 1,
      warnings: 2,
    });
  });
});

describe('detectScript', () => {
  it('names the dominant script', () => {
    expect(detectScript('Muhammad al-Zawahiri')).toBe('Latn');
    expect(detectScript('محمد')).toBe('Arab');
    expect(detectScript('金正恩')).toBe('Hani');
    expect(detectScript('김정은')).toBe('Hang');
    expect(detectScript('123 -')).toBe('Zyyy');
  });
});
