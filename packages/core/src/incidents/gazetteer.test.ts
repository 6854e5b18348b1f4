import { describe, expect, it } from 'vitest';
import { PlaceIndex } from './gazetteer.js';
import { GroupIndex } from './groups.js';

describe('PlaceIndex', () => {
  const places = new PlaceIndex();

  it('resolves spelling variants of regions', () => {
    for (const s of ['Baluchistan', 'Balochistan', 'BALOCHISTAN']) expect(places.resolve(s)?.province).toBe('balochistan');
    for (const s of ['FATA', 'Fata']) expect(places.resolve(s)?.province).toBe('tribal-districts');
    for (const s of ['NWFP', 'KPK', 'Khyber Pakhtunkhwa', 'KP']) expect(places.resolve(s)?.province).toBe('khyber-pakhtunkhwa');
    expect(places.resolve('Capital')?.province).toBe('islamabad');
  });

  it('resolves districts to their region, with variants and compound cells', () => {
    expect(places.resolve('Karachi')).toMatchObject({ province: 'sindh', district: 'Karachi', precision: 'district' });
    expect(places.resolve('D.I Khan')).toMatchObject({ province: 'khyber-pakhtunkhwa', district: 'Dera Ismail Khan' });
    expect(places.resolve('North waziristan')).toMatchObject({ province: 'tribal-districts', district: 'North Waziristan' });
    expect(places.resolve('Ghallanai, Mohmand Agency')?.district).toBe('Mohmand');
    expect(places.resolve('Atlantis')).toBeUndefined();
  });

  it('keeps a district under its own region when the dataset files it elsewhere, and the province when the city is unknown', () => {
    expect(places.resolveIn('KPK', 'Khyber Agency')?.province).toBe('tribal-districts');
    expect(places.resolveIn('Baluchistan', 'Totalai')).toMatchObject({
      province: 'balochistan',
      locality: 'Totalai',
      precision: 'province',
    });
  });

  it('finds places in running text', () => {
    const found = places.find('Attacks in Quetta and across Balochistan, and a blast in Peshawar.');
    expect(found.map((f) => f.place.district ?? f.place.province)).toEqual(['Quetta', 'balochistan', 'Peshawar']);
  });

  it('works with another country’s gazetteer', () => {
    const other = new PlaceIndex({
      country: 'AF',
      countryNames: ['Afghanistan'],
      regions: [{ id: 'kandahar', name: 'Kandahar', aliases: ['Qandahar'], districts: [{ name: 'Spin Boldak' }] }],
    });
    expect(other.resolve('Qandahar')).toMatchObject({ country: 'AF', province: 'kandahar' });
    expect(other.find('a blast in Spin Boldak')[0]?.place.district).toBe('Spin Boldak');
  });
});

describe('GroupIndex', () => {
  const groups = new GroupIndex();
  it('resolves names and aliases to managed ids', () => {
    expect(groups.resolve('TTP')?.id).toBe('ttp');
    expect(groups.resolve('Tehreek-e-Taliban Pakistan')?.id).toBe('ttp');
    expect(groups.resolve('Baloch Liberation Army')?.id).toBe('bla');
    expect(groups.resolve('ISKP')?.id).toBe('iskp');
    expect(groups.resolve('Lashkar-e-Jhangvi')?.id).toBe('lej');
  });
  it('finds groups in text', () => {
    expect(groups.find('The BLA and IS-K claimed the attacks').map((g) => g.group.id)).toEqual(['bla', 'iskp']);
  });
});
