import { describe, expect, it } from 'vitest';
import { ofacSchema, splitPersonName, splitPrograms } from './ofac-names.js';

describe('splitPersonName', () => {
  it('splits "LAST, First Middle" into family and given names', () => {
    expect(splitPersonName('SAEED, Muhammad')).toEqual({ family: 'SAEED', given: 'Muhammad' });
    expect(splitPersonName('HANIYA, Ismail Abdul Salah')).toEqual({ family: 'HANIYA', given: 'Ismail Abdul Salah' });
    expect(splitPersonName('AL-SHANTI, Jamileh Abdullah')).toEqual({ family: 'AL-SHANTI', given: 'Jamileh Abdullah' });
  });

  it('drops generational suffixes wherever they stand', () => {
    expect(splitPersonName('DELOS REYES, Feliciano Semborio, Jr.')).toEqual({ family: 'DELOS REYES', given: 'Feliciano Semborio' });
    expect(splitPersonName('KNOWLES, JR., Samuel')).toEqual({ family: 'KNOWLES', given: 'Samuel' });
  });

  it('joins further comma-separated given names', () => {
    expect(splitPersonName('MARUF, Taha, Muhyi al-Din')).toEqual({ family: 'MARUF', given: 'Taha Muhyi al-Din' });
  });

  it('gives no parts to a single name', () => {
    expect(splitPersonName('HAFIZ SAHIB')).toEqual({});
    expect(splitPersonName('SMITH,')).toEqual({});
  });
});

describe('ofacSchema', () => {
  it('maps SDN types to schemata, blank and Entity to Organization', () => {
    expect(ofacSchema('individual')).toBe('Person');
    expect(ofacSchema('Individual')).toBe('Person');
    expect(ofacSchema('vessel')).toBe('Vessel');
    expect(ofacSchema('aircraft')).toBe('Aircraft');
    expect(ofacSchema(undefined)).toBe('Organization');
    expect(ofacSchema('Entity')).toBe('Organization');
  });
});

describe('splitPrograms', () => {
  it('splits the bracketed program list', () => {
    expect(splitPrograms('SDGT')).toEqual(['SDGT']);
    expect(splitPrograms('IRAN] [SDGT] [IRGC] [IFSR')).toEqual(['IRAN', 'SDGT', 'IRGC', 'IFSR']);
    expect(splitPrograms('[DPRK3] [CYBER2]')).toEqual(['DPRK3', 'CYBER2']);
    expect(splitPrograms('')).toEqual([]);
  });
});
