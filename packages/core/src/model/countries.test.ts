import { describe, expect, it } from 'vitest';
import { countryCode, countryCodes, countryName } from './countries.js';

describe('countryCode', () => {
  it('reads codes in any case, and refuses codes that are not countries', () => {
    expect(countryCode('pk')).toBe('PK');
    expect(countryCode(' GB ')).toBe('GB');
    expect(countryCode('XK')).toBe('XK');
    expect(countryCode('ZZ')).toBeUndefined();
    expect(countryCode('EU')).toBeUndefined();
    // Withdrawn codes are names of the past, not codes to accept from a user.
    expect(countryCode('SU')).toBeUndefined();
  });

  it('reads English names, accents and punctuation aside', () => {
    expect(countryCode('Pakistan')).toBe('PK');
    expect(countryCode('united arab emirates')).toBe('AE');
    expect(countryCode("Côte d'Ivoire")).toBe('CI');
    expect(countryCode('Cote d Ivoire')).toBe('CI');
    expect(countryCode('Türkiye')).toBe('TR');
    expect(countryCode('Saint Kitts & Nevis')).toBe('KN');
    expect(countryCode('Bosnia and Herzegovina')).toBe('BA');
  });

  it("reads OFAC's inverted and regional forms", () => {
    expect(countryCode('Korea, North')).toBe('KP');
    expect(countryCode('Korea, South')).toBe('KR');
    expect(countryCode('Congo, Democratic Republic of the')).toBe('CD');
    expect(countryCode('Congo, Republic of the')).toBe('CG');
    expect(countryCode('Bahamas, The')).toBe('BS');
    expect(countryCode('The Gambia')).toBe('GM');
    expect(countryCode('Man, Isle of')).toBe('IM');
    expect(countryCode('Virgin Islands, British')).toBe('VG');
    expect(countryCode('North Macedonia, The Republic of')).toBe('MK');
    expect(countryCode('Micronesia, Federated States of')).toBe('FM');
    expect(countryCode('Region: Crimea')).toBe('UA');
    expect(countryCode('Region: Gaza')).toBe('PS');
    expect(countryCode('West Bank')).toBe('PS');
    expect(countryCode('Palestinian')).toBe('PS');
    expect(countryCode('Burma')).toBe('MM');
    expect(countryCode('Macau')).toBe('MO');
  });

  it("reads the UN's formal names", () => {
    expect(countryCode('Iran (Islamic Republic of)')).toBe('IR');
    expect(countryCode("Democratic People's Republic of Korea")).toBe('KP');
    expect(countryCode('Syrian Arab Republic')).toBe('SY');
    expect(countryCode('United Kingdom of Great Britain and Northern Ireland')).toBe('GB');
    expect(countryCode('Venezuela (Bolivarian Republic of)')).toBe('VE');
    expect(countryCode('Russian Federation')).toBe('RU');
    expect(countryCode('Viet Nam')).toBe('VN');
  });

  it('reads withdrawn countries by name, and knows nothing of places that are not countries', () => {
    expect(countryCode('Netherlands Antilles')).toBe('AN');
    expect(countryCode('Yugoslavia')).toBe('YU');
    expect(countryCode('undetermined')).toBeUndefined();
    expect(countryCode('Region: Kafia Kingi')).toBeUndefined();
    expect(countryCode('Lahore')).toBeUndefined();
    expect(countryCode('')).toBeUndefined();
  });
});

describe('countryName and countryCodes', () => {
  it('names codes and lists every current country once', () => {
    expect(countryName('kp')).toBe('North Korea');
    expect(countryName('QQ')).toBeUndefined();
    const codes = countryCodes();
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toHaveLength(250);
    for (const c of codes) expect(countryCode(c)).toBe(c);
  });
});
