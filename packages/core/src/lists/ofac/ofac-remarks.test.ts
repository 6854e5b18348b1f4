import { describe, expect, it } from 'vitest';
import type { Entity, Schema } from '../../model/entity.js';
import { EntityBuilder } from '../entity-builder.js';
import { applyFragment, applyRemarks } from './ofac-remarks.js';

function read(remarks: string, schema: Schema = 'Person', truncated = false): Entity {
  const b = new EntityBuilder('ofac', '1', schema);
  b.name('DOE, John', 'primary');
  applyRemarks(b, remarks, truncated);
  return b.build();
}

describe('applyRemarks: dates and places of birth', () => {
  it('reads every DOB form, alt. DOBs included', () => {
    const e = read(
      'DOB 12 Mar 1964; alt. DOB Mar 1965; alt. DOB 1966; alt. DOB circa 1967; alt. DOB 1960 to 1962; alt. DOB 01 Jan 1961 to 31 Dec 1962.',
    );
    expect(e.birthDates).toEqual([
      { kind: 'exact', date: '1964-03-12' },
      { kind: 'exact', date: '1965-03' },
      { kind: 'exact', date: '1966' },
      { kind: 'approximate', date: '1967' },
      { kind: 'between', from: '1960', to: '1962' },
      { kind: 'between', from: '1961-01-01', to: '1962-12-31' },
    ]);
  });

  it('keeps places of birth whole and takes the country of birth from their last part', () => {
    const e = read('POB Damascus, Syria; alt. POB Sargodha, Punjab, Pakistan; alt. POB Shati.');
    expect(e.birthPlaces).toEqual(['Damascus, Syria', 'Sargodha, Punjab, Pakistan', 'Shati']);
    expect(e.countries).toEqual([
      { code: 'SY', role: 'birth' },
      { code: 'PK', role: 'birth' },
    ]);
  });
});

describe('applyRemarks: countries, gender', () => {
  it('reads nationality and citizenship, OFAC inverted names included', () => {
    const e = read('nationality Syria; alt. nationality Korea, North; citizen Iran; nationality Palestinian; Gender Female');
    expect(e.countries).toEqual([
      { code: 'SY', role: 'nationality' },
      { code: 'KP', role: 'nationality' },
      { code: 'IR', role: 'citizenship' },
      { code: 'PS', role: 'nationality' },
    ]);
    expect(e.gender).toBe('female');
  });

  it('reads Gender Male', () => {
    expect(read('Gender Male.').gender).toBe('male');
  });
});

describe('applyRemarks: identifiers', () => {
  it('reads passports and national ids with their country, dropping issue and expiry dates', () => {
    const e = read(
      'Passport BE5978421 (Pakistan) issued 14 Nov 2007 expires 12 Nov 2012; alt. Passport Booklet A5250088 (Pakistan); National ID No. 3520025509842-7 (Pakistan); Cedula No. 7548733 (Colombia); Tax ID No. AABA 670850 Y; SSN 523-33-8386 (United States).',
    );
    expect(e.identifiers).toEqual([
      { type: 'passport', value: 'BE5978421', country: 'PK', label: 'Passport' },
      { type: 'passport', value: 'Booklet A5250088', country: 'PK', label: 'Passport' },
      { type: 'national_id', value: '3520025509842-7', country: 'PK', label: 'National ID No.' },
      { type: 'national_id', value: '7548733', country: 'CO', label: 'Cedula No.' },
      { type: 'tax_id', value: 'AABA 670850 Y', label: 'Tax ID No.' },
      { type: 'ssn', value: '523-33-8386', country: 'US', label: 'SSN' },
    ]);
  });

  it('reads registration numbers, SWIFT/BIC and other company identifiers', () => {
    const e = read(
      'SWIFT/BIC RUAGRUMM; Registration Number 1027700167110 (Russia); Registration ID 14063277; RUC # 20108363101 (Peru); Legal Entity Number 253400WSS48YWMBUA688',
      'Organization',
    );
    expect(e.identifiers).toEqual([
      { type: 'swift_bic', value: 'RUAGRUMM', label: 'SWIFT/BIC' },
      { type: 'registration', value: '1027700167110', country: 'RU', label: 'Registration Number' },
      { type: 'registration', value: '14063277', label: 'Registration ID' },
      { type: 'tax_id', value: '20108363101', country: 'PE', label: 'RUC #' },
      { type: 'registration', value: '253400WSS48YWMBUA688', label: 'Legal Entity Number' },
    ]);
  });

  it('reads vessel IMO and MMSI numbers to their digits, and vessel flags', () => {
    const e = read(
      'Vessel Registration Identification IMO 7406784; MMSI 572469210; International Maritime Organization No. (5777731); Other Vessel Flag Tanzania; Former Vessel Flag Malta; Vessel Year of Build 1999',
      'Vessel',
    );
    expect(e.identifiers).toEqual([
      { type: 'imo', value: '7406784', label: 'Vessel Registration Identification' },
      { type: 'mmsi', value: '572469210', label: 'MMSI' },
      { type: 'imo', value: '5777731', label: 'International Maritime Organization No.' },
    ]);
    expect(e.countries).toEqual([{ code: 'TZ', role: 'flag' }]);
    expect(e.properties).toEqual({ pastFlags: ['Malta'], buildDate: ['1999'] });
  });

  it('reads aircraft facts and digital currency addresses', () => {
    const e = read(
      "Aircraft Construction Number (also called L/N or S/N or F/N) 8401; Aircraft Manufacture Date 1992; Aircraft Model IL76-TD; Aircraft Operator YAS AIR; Aircraft Manufacturer's Serial Number (MSN) 1023409321; Aircraft Tail Number EP-GOM; Digital Currency Address - XBT 12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h",
      'Aircraft',
    );
    expect(e.identifiers.map((i) => [i.type, i.value])).toEqual([
      ['other', '8401'],
      ['other', '1023409321'],
      ['aircraft_tail', 'EP-GOM'],
      ['other', '12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h'],
    ]);
    expect(e.identifiers[3]?.label).toBe('Digital Currency Address - XBT');
    expect(e.properties).toEqual({ buildDate: ['1992'], model: ['IL76-TD'], operator: ['YAS AIR'] });
  });
});

describe('applyRemarks: aliases', () => {
  it('reads a.k.a. and f.k.a. in quotes as weak aliases, apostrophes inside the name kept', () => {
    const e = read("a.k.a. 'HAFIZ SAHIB'; a.k.a. 'SA'ID'; f.k.a. 'ANA I'; n.k.a. 'NEW NAME'.");
    expect(e.names.slice(1)).toEqual([
      { full: 'HAFIZ SAHIB', kind: 'alias_weak', script: 'Latn' },
      { full: "SA'ID", kind: 'alias_weak', script: 'Latn' },
      { full: 'ANA I', kind: 'alias_weak', script: 'Latn' },
      { full: 'NEW NAME', kind: 'alias_weak', script: 'Latn' },
    ]);
  });

  it('splits a weak alias of a person written family name first', () => {
    const e = read("a.k.a. 'ABU TAIR, Mohammed'");
    expect(e.names[1]).toMatchObject({ full: 'ABU TAIR, Mohammed', kind: 'alias_weak', family: 'ABU TAIR', given: 'Mohammed' });
  });

  it('keeps the abbreviation dot of a name at the very end', () => {
    const e = read("a.k.a. 'BNC'; Linked To: KPD S.A.", 'Organization');
    expect(e.names[1]?.full).toBe('BNC');
    expect(e.properties.linkedTo).toEqual(['KPD S.A.']);
  });
});

describe('applyRemarks: contact and sanctions facts', () => {
  it('reads email, website, phone, links and additional sanctions information', () => {
    const e = read(
      'Email Address info@example.ir; Email:adel@example.sa; Website http://www.example.ir; Phone Number 982188526300; Linked To: ISLAMIC REPUBLIC OF IRAN SHIPPING LINES; Additional Sanctions Information - Subject to Secondary Sanctions; Organization Established Date 14 Feb 1969; Organization Type: Shipping',
      'Organization',
    );
    expect(e.properties).toEqual({
      email: ['info@example.ir', 'adel@example.sa'],
      website: ['http://www.example.ir'],
      phone: ['982188526300'],
      linkedTo: ['ISLAMIC REPUBLIC OF IRAN SHIPPING LINES'],
      sanctionsInfo: ['Additional Sanctions Information - Subject to Secondary Sanctions'],
      incorporationDate: ['1969-02-14'],
      legalForm: ['Shipping'],
    });
  });
});

describe('applyRemarks: what it cannot read', () => {
  it('keeps the whole text as a note and ignores fragments it does not know', () => {
    const text = 'Member of the Upper House of Parliament; DOB 1955; ICTY indictee in custody.';
    const e = read(text);
    expect(e.notes).toEqual([text]);
    expect(e.birthDates).toEqual([{ kind: 'exact', date: '1955' }]);
    expect(e.identifiers).toEqual([]);
    expect(e.properties).toEqual({});
  });

  it('does not read the last fragment of a truncated text', () => {
    const e = read("DOB 1986; a.k.a. 'tianyinyin0404'; a.k.a. 'snowsjo", 'Person', true);
    expect(e.names.map((n) => n.full)).toEqual(['DOE, John', 'tianyinyin0404']);
    expect(e.birthDates).toHaveLength(1);
  });

  it('ignores an alias whose closing quote was cut off', () => {
    const e = read("a.k.a. 'snowsjo");
    expect(e.names).toHaveLength(1);
  });

  it('says whether a fragment was understood', () => {
    const b = new EntityBuilder('ofac', '1', 'Person');
    expect(applyFragment(b, 'alt. DOB 1970')).toBe(true);
    expect(applyFragment(b, 'DOB sometime')).toBe(false);
    expect(applyFragment(b, 'nationality Atlantis')).toBe(false);
    expect(applyFragment(b, 'Colonel')).toBe(false);
    expect(applyFragment(b, 'Licensed to kill')).toBe(false);
  });
});
