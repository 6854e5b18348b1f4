import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Entity } from '../../model/entity.js';
import { ArgusError } from '../../model/errors.js';
import type { ByteSource } from '../../text/byte-source.js';
import { detectFormat } from '../index.js';
import type { ListParseEvent } from '../list-format.js';
import { ukCsvParser } from './uk-csv-parser.js';
import { numberedList, ukDate } from './uk-row.js';

const FIXTURE = readFileSync(new URL('./fixtures/conlist.csv', import.meta.url));
const HEADER = FIXTURE.toString('utf8').split('\r\n')[1] as string;

function source(data: Uint8Array | string, chunk = 65536): ByteSource {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  return {
    name: 'ConList.csv',
    async *open() {
      for (let i = 0; i < bytes.byteLength; i += chunk) yield bytes.subarray(i, i + chunk);
    },
  };
}

async function parse(src: ByteSource) {
  const events: ListParseEvent[] = [];
  for await (const ev of ukCsvParser.parse([src], { list: 'uk-ofsi' })) events.push(ev);
  const entities = new Map<string, Entity>();
  for (const ev of events) if (ev.type === 'entity') entities.set(ev.entity.source.sourceId, ev.entity);
  return { events, entities, warnings: events.flatMap((e) => (e.type === 'warning' ? [e] : [])) };
}

async function failure(src: ByteSource): Promise<ArgusError> {
  try {
    await parse(src);
  } catch (e) {
    if (e instanceof ArgusError) return e;
    throw e;
  }
  throw new Error('expected the parse to fail');
}

describe('ukDate', () => {
  it('reads dd/mm/yyyy with 00 for unknown parts and refuses impossible dates', () => {
    expect(ukDate('28/09/1955')).toBe('1955-09-28');
    expect(ukDate('00/09/1962')).toBe('1962-09');
    expect(ukDate('00/00/1936')).toBe('1936');
    expect(ukDate('10/00/1983')).toBe('1983');
    expect(ukDate('1975')).toBe('1975');
    expect(ukDate('')).toBeUndefined();
    expect(ukDate('31/02/1970')).toBe('invalid');
    expect(ukDate('00/13/1970')).toBe('invalid');
    expect(ukDate('circa 1970')).toBe('invalid');
  });

  it('splits numbered lists', () => {
    expect(numberedList('(1) Iraqi (2) Jordanian')).toEqual(['Iraqi', 'Jordanian']);
    expect(numberedList('Pakistani')).toEqual(['Pakistani']);
    expect(numberedList(' ')).toEqual([]);
  });
});

describe('uk-csv parser', () => {
  it('merges the rows of a Group ID, adjacent or not, into one entity', async () => {
    const e = (await parse(source(FIXTURE))).entities.get('1001') as Entity;
    expect(e.id).toBe('uk-ofsi:1001');
    expect(e.schema).toBe('Person');
    expect(e.names).toEqual([
      { full: 'Khalid Omar AL-RASHID', kind: 'primary', script: 'Latn', given: 'Khalid', middle: 'Omar', family: 'AL-RASHID' },
      { full: 'خالد عمر الرشيد', kind: 'alias_strong', script: 'Arab' },
      { full: 'Abu Omar', kind: 'alias_weak', script: 'Latn', given: 'Abu Omar' },
      { full: 'Khaled AL RASHEED', kind: 'alias_strong', script: 'Latn', given: 'Khaled', family: 'AL RASHEED' },
    ]);
    expect(e.birthDates).toEqual([
      { kind: 'exact', date: '1960' },
      { kind: 'exact', date: '1962-09' },
      { kind: 'exact', date: '1961-03-15' },
    ]);
    expect(e.birthPlaces).toEqual(['Mosul, Iraq']);
    expect(e.countries).toEqual([
      { code: 'IQ', role: 'birth' },
      { code: 'IQ', role: 'nationality' },
      { code: 'JO', role: 'nationality' },
      { code: 'JO', role: 'address' },
    ]);
    expect(e.identifiers).toEqual([
      { type: 'passport', value: 'A1234567', label: 'Passport' },
      { type: 'passport', value: 'B7654321', label: 'Passport' },
      { type: 'national_id', value: '1234567-8', country: 'IQ', label: 'National identification number' },
    ]);
    expect(e.addresses).toEqual([
      {
        full: 'Building 12, Al-Jabal Street, Amman, 11118, Jordan (as at 2019)',
        street: 'Building 12',
        postalCode: '11118',
        country: 'JO',
      },
    ]);
    expect(e.sanctions).toEqual([{ authority: 'UK HM Treasury (OFSI)', program: "ISIL (Da'esh) and Al-Qaida", listedOn: '2003-01-20' }]);
    expect(e.notes).toEqual([
      'Passport A1234567: Iraqi passport, issued 2005',
      'Passport B7654321: Jordanian passport',
      'UN Ref QDi.903. Financier of the group.\nAlso known for recruiting.',
    ]);
    expect(e.properties).toMatchObject({
      title: ['Dr'],
      position: ['Financier'],
      nameLanguage: ['خالد عمر الرشيد: Arabic'],
      designatedOn: ['2020-12-31'],
      modifiedAt: ['2022-02-01'],
      ukSanctionsListRef: ['AQD0001'],
    });
  });

  it('maps entities and ships, an FKA row as a former name, and makes the first name primary when no row is', async () => {
    const { entities } = await parse(source(FIXTURE));
    const org = entities.get('1002') as Entity;
    expect(org.schema).toBe('Organization');
    expect(org.names.map((n) => [n.full, n.kind, n.given])).toEqual([
      ['NOUR TRADING COMPANY LLC', 'primary', undefined],
      ['NOUR GENERAL TRADING', 'alias_strong', undefined],
    ]);
    expect(org.properties.previousName).toEqual(['NOUR GENERAL TRADING']);
    expect(org.sanctions).toEqual([{ authority: 'UK HM Treasury (OFSI)', program: 'Syria', listedOn: '2012-05' }]);
    expect(org.countries).toEqual([{ code: 'AE', role: 'address' }]);
    expect((entities.get('1004') as Entity).schema).toBe('Vessel');
    const paul = entities.get('1003') as Entity;
    expect(paul.names.map((n) => [n.full, n.kind])).toEqual([['Paul MARTIN', 'primary']]);
    expect(paul.countries).toEqual([{ code: 'FR', role: 'nationality' }]);
  });

  it('warns about bad rows with file, line and field, and goes on', async () => {
    const { entities, warnings } = await parse(source(FIXTURE));
    expect([...entities.keys()]).toEqual(['1001', '1002', '1003', '1004']);
    expect(warnings.map((w) => w.location)).toEqual([
      { file: 'ConList.csv', line: 10, record: '1003', field: 'DOB' },
      { file: 'ConList.csv', line: 12, field: 'Group ID' },
    ]);
    expect(warnings.map((w) => w.message)).toEqual(['impossible date of birth "31/02/1970" ignored', 'row without Group ID skipped']);
  });

  it('emits the "Last Updated" date first and the number of groups at the end', async () => {
    const { events } = await parse(source(FIXTURE));
    expect(events[0]).toEqual({ type: 'meta', publishedAt: '2024-05-10' });
    expect(events.at(-1)).toEqual({ type: 'meta', declaredCount: 4 });
  });

  it('gives the same events whatever the chunk size', async () => {
    const whole = (await parse(source(FIXTURE))).events;
    for (const size of [1, 2, 7, 100]) expect((await parse(source(FIXTURE, size))).events).toEqual(whole);
  });

  it('reads a file that starts with a UTF-8 byte-order mark', async () => {
    const { events, entities } = await parse(source(Uint8Array.from([0xef, 0xbb, 0xbf, ...FIXTURE])));
    expect(events[0]).toEqual({ type: 'meta', publishedAt: '2024-05-10' });
    expect(entities.size).toBe(4);
  });

  it('reads a Windows-1252 file', async () => {
    const text = `Last Updated,01/01/2024\r\n${HEADER}\r\n`;
    const row = [
      'DUPONT',
      'Jos',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      'Individual',
      'Primary name',
      '',
      'Mali',
      '',
      '',
      '',
      '7',
      '',
    ];
    const head = new TextEncoder().encode(text + row.slice(0, 1).join(','));
    const rest = new TextEncoder().encode(`,${row.slice(1).join(',')}\r\n`);
    // "José": é is 0xE9 in Windows-1252, not valid UTF-8 on its own.
    const bytes = Uint8Array.from([...head, ...rest.subarray(0, 4), 0xe9, ...rest.subarray(4)]);
    const { entities } = await parse(source(bytes));
    expect(entities.get('7')?.names[0]?.full).toBe('José DUPONT');
  });

  it('rejects bytes that are not UTF-8 after a UTF-8 start, with their offset', async () => {
    const rows = Array.from(
      { length: 1500 },
      (_, i) => `NAME${i},First,,,,,,,,,,,,,,,,,,,,,,,,,,,Individual,Primary name,,Mali,,,,${i},`,
    ).join('\r\n');
    const text = new TextEncoder().encode(`Last Updated,01/01/2024\r\n${HEADER}\r\n${rows}\r\n`);
    const bytes = Uint8Array.from([...text, ...new TextEncoder().encode('BAD'), 0xff, ...new TextEncoder().encode(',x\r\n')]);
    const e = await failure(source(bytes, 4096));
    expect(e.code).toBe('LIST_PARSE_FAILED');
    expect(e.location).toEqual({ file: 'ConList.csv', offset: text.byteLength + 3 });
  });

  it('rejects a truncated file: cut inside a row, or inside a quoted field', async () => {
    const text = FIXTURE.toString('utf8');
    const midRow = text.slice(0, text.indexOf('OCEAN STAR') + 20);
    const e1 = await failure(source(midRow));
    expect(e1.message).toMatch(/line 11: the last row has \d+ of 37 fields \(file truncated\?\)/);
    expect(e1.location).toEqual({ file: 'ConList.csv', line: 11 });
    const midQuote = text.slice(0, text.indexOf('Financier of the group') + 5);
    const e2 = await failure(source(midQuote));
    expect(e2.message).toMatch(/line 3: a quoted field is never closed/);
  });

  it('rejects an empty file and a CSV that is not a ConList', async () => {
    expect((await failure(source(''))).message).toMatch(/empty/);
    const e = await failure(source('Last Updated,01/01/2024\r\nName,Country\r\nx,y\r\n'));
    expect(e.message).toMatch(/line 2: not an OFSI ConList header \(no "group id" column\)/);
  });

  it('is detected by its "Last Updated" line and header', () => {
    expect(detectFormat(['ConList.csv'], FIXTURE.subarray(0, 4096))).toBe('uk-csv');
    expect(ukCsvParser.detect(['x.csv'], new TextEncoder().encode(`${HEADER}\r\n`))).toBe(true);
    expect(ukCsvParser.detect(['x.csv'], Uint8Array.from([0xef, 0xbb, 0xbf, ...FIXTURE.subarray(0, 4096)]))).toBe(true);
    expect(ukCsvParser.detect(['sdn.csv'], new TextEncoder().encode('36,"AEROCARIBBEAN AIRLINES",-0-,"CUBA"\r\n'))).toBe(false);
  });
});
