import { describe, expect, it } from 'vitest';
import { EntityBuilder, clean, isoDate, listCountry } from './entity-builder.js';

describe('clean', () => {
  it('trims, and collapses any run of whitespace (tabs, line breaks, no-break spaces) to one space', () => {
    expect(clean('  ALI  HASSAN ')).toBe('ALI HASSAN');
    expect(clean('ALI\tHASSAN')).toBe('ALI HASSAN');
    expect(clean('ALI\r\nHASSAN')).toBe('ALI HASSAN');
    expect(clean('ALI\u00a0HASSAN')).toBe('ALI HASSAN');
    expect(clean('ALI HASSAN')).toBe('ALI HASSAN');
    expect(clean(undefined)).toBe('');
  });
});

describe('listCountry', () => {
  it.each([
    ['Iran (Islamic Republic of)', 'IR'],
    ["Democratic People's Republic of Korea", 'KP'],
    ['United Kingdom of Great Britain and Northern Ireland', 'GB'],
    ['CONGO, Democratic Republic of (was Zaire)', 'CD'],
    ['Pakistan (location as at May 2008)', 'PK'],
    ['Türkiye', 'TR'],
    ['Pakistani', 'PK'],
    ['Afghan', 'AF'],
    ['RU', 'RU'],
  ])('%s → %s', (text, code) => {
    expect(listCountry(text)).toBe(code);
  });

  it('knows no country in "na", "UNKNOWN", "00" or prose', () => {
    for (const t of ['na', 'UNKNOWN', '00', '', 'Possibly Ethiopian or Somali']) expect(listCountry(t)).toBeUndefined();
  });
});

describe('isoDate', () => {
  it('takes the ISO date at the start of a value, rejecting impossible ones', () => {
    expect(isoDate('1959-09-24')).toBe('1959-09-24');
    expect(isoDate('2001-01-25-05:00')).toBe('2001-01-25');
    expect(isoDate('2026-02-27T00:00:09.554Z')).toBe('2026-02-27');
    expect(isoDate('1971')).toBe('1971');
    expect(isoDate('1990-13-45')).toBeUndefined();
    expect(isoDate('Nov. 1973')).toBeUndefined();
  });
});

describe('EntityBuilder', () => {
  it('keeps one copy of a name with its strongest kind, primary names first', () => {
    const b = new EntityBuilder('un-sc', 'QDi.1', 'Person');
    b.name('  Abu   Omar ', 'alias_weak');
    b.name('Omar Ali', 'primary', { given: 'Omar', family: 'Ali' });
    b.name('Abu Omar', 'alias_strong');
    b.name('', 'alias_strong');
    const e = b.build();
    expect(e.id).toBe('un-sc:QDi.1');
    expect(e.names).toEqual([
      { full: 'Omar Ali', kind: 'primary', script: 'Latn', given: 'Omar', family: 'Ali' },
      { full: 'Abu Omar', kind: 'alias_strong', script: 'Latn' },
    ]);
  });

  it('makes the first name primary when none is, and drops duplicate facts', () => {
    const b = new EntityBuilder('uk', '7', 'Organization');
    b.name('Nour Trading', 'alias_strong');
    b.ensurePrimaryName();
    b.birthDate({ kind: 'exact', date: '1960' });
    b.birthDate({ kind: 'exact', date: '1960' });
    b.country('PK', 'nationality');
    b.country('PK', 'nationality');
    b.identifier({ type: 'passport', value: ' A1 ' });
    b.identifier({ type: 'passport', value: 'A1' });
    b.property('title', ' Dr ');
    b.property('title', 'Dr');
    const e = b.build();
    expect(e.names[0]?.kind).toBe('primary');
    expect(e.birthDates).toHaveLength(1);
    expect(e.countries).toHaveLength(1);
    expect(e.identifiers).toEqual([{ type: 'passport', value: 'A1' }]);
    expect(e.properties).toEqual({ title: ['Dr'] });
  });
});
