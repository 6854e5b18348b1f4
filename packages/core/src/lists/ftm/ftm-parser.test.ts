import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Entity } from '../../model/entity.js';
import { ArgusError } from '../../model/errors.js';
import { type ByteSource, bytesSource } from '../../text/byte-source.js';
import { detectFormat } from '../index.js';
import type { ListParseEvent } from '../list-format.js';
import { ftmJsonParser } from './ftm-parser.js';

const sampleText = readFileSync(new URL('./fixtures/ftm-sample.json', import.meta.url), 'utf8');

async function parseFiles(files: ByteSource[]) {
  const events: ListParseEvent[] = [];
  for await (const ev of ftmJsonParser.parse(files, { list: 't' })) events.push(ev);
  const entities = new Map<string, Entity>();
  for (const ev of events) if (ev.type === 'entity') entities.set(ev.entity.source.sourceId, ev.entity);
  const warnings = events.flatMap((ev) => (ev.type === 'warning' ? [ev] : []));
  return { events, entities, warnings };
}

/** Tiny chunks: lines and multi-byte characters split across chunk boundaries. */
function chunked(name: string, text: string, size: number): ByteSource {
  const bytes = new TextEncoder().encode(text);
  return {
    name,
    async *open() {
      for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
    },
  };
}

const parse = (text: string | Uint8Array, name = 'entities.ftm.json') => parseFiles([bytesSource(name, text)]);

describe('ftm-json parser', () => {
  it('emits only parties, in file order: Person, Company, PublicBody as Organization, Vessel, Airplane as Aircraft', async () => {
    const { entities } = await parse(sampleText);
    expect([...entities.values()].map((e) => [e.source.sourceId, e.schema])).toEqual([
      ['p-1', 'Person'],
      ['c-1', 'Company'],
      ['pb-1', 'Organization'],
      ['v-1', 'Vessel'],
      ['a-1', 'Aircraft'],
      ['p-2', 'Person'],
    ]);
    expect(entities.get('pb-1')?.properties.ftmSchema).toEqual(['PublicBody']);
  });

  it('maps a person: caption as primary name, aliases strong and weak, dates, countries by role, identifiers', async () => {
    const p = (await parse(sampleText)).entities.get('p-1') as Entity;
    expect(p.id).toBe('t:p-1');
    expect(p.names).toEqual([
      { full: 'Aliaksandr Petrovich KARPENKA', kind: 'primary', script: 'Latn' },
      { full: 'Александр Петрович КАРПЕНКО', kind: 'alias_strong', script: 'Cyrl' },
      { full: 'Alexander Karpenko', kind: 'alias_strong', script: 'Latn' },
      { full: 'Sasha', kind: 'alias_weak', script: 'Latn' },
    ]);
    expect(p.birthDates).toEqual([
      { kind: 'exact', date: '1975-03-02' },
      { kind: 'exact', date: '1976' },
    ]);
    expect(p.birthPlaces).toEqual(['Minsk']);
    expect(p.gender).toBe('male');
    expect(p.countries).toEqual([
      { code: 'BY', role: 'nationality' },
      { code: 'BY', role: 'other' },
    ]);
    expect(p.properties.country).toEqual(['suhh']);
    expect(p.notes).toEqual(['Listed for his role in the 2021 diversion of a flight.']);
  });

  it('attaches records that come before or after their entity: Sanction, Passport, Address, edges, Occupancy', async () => {
    const p = (await parse(sampleText)).entities.get('p-1') as Entity;
    // The Sanction is on line 1, before its entity; Passport and Address come after it.
    expect(p.sanctions).toEqual([
      {
        authority: 'Council of the European Union',
        program: 'EU restrictive measures against Belarus',
        listedOn: '2021-06-21',
        reason: 'Head of an air force unit.',
      },
    ]);
    expect(p.identifiers).toEqual([
      { type: 'national_id', value: '3020375A001PB1', label: 'idNumber' },
      { type: 'passport', value: 'MP1234567', country: 'BY', label: 'Passport' },
    ]);
    expect(p.addresses).toEqual([
      { full: 'Kalvariyskaya 1, 220004 Minsk, Belarus', street: 'Kalvariyskaya 1', city: 'Minsk', postalCode: '220004', country: 'BY' },
    ]);
    expect(p.properties).toMatchObject({
      addressEntity: ['addr-missing'],
      position: ['Commander', 'Commander of the Air Force'],
      'Ownership.asset': ['t:c-1'],
      'Family.relative': ['t:p-2'],
      target: ['true'],
      datasets: ['eu_fsf'],
      lastChange: ['2024-05-01T10:00:00'],
    });
    expect(p.properties.lastSeen).toBeUndefined();
  });

  it('maps a company, a vessel and an aircraft with their identifiers', async () => {
    const { entities } = await parse(sampleText);
    const c = entities.get('c-1') as Entity;
    expect(c.names.map((n) => [n.full, n.kind])).toEqual([
      ['Belavia Trading LLC', 'primary'],
      ['ООО Белавиа Трейдинг', 'alias_strong'],
      ['BTL', 'alias_weak'],
    ]);
    expect(c.countries).toEqual([{ code: 'BY', role: 'jurisdiction' }]);
    expect(c.identifiers.map((i) => [i.type, i.value, i.country ?? null])).toEqual([
      ['registration', '190123456', null],
      ['tax_id', 'BY190123456', null],
      ['national_id', 'EUID-777', 'BY'],
    ]);
    expect(c.sanctions).toEqual([{ authority: 'Office of Foreign Assets Control', program: 'BELARUS-EO14038', listedOn: '2021-08-09' }]);
    expect(c.properties['Ownership.owner']).toEqual(['t:p-1']);
    const v = entities.get('v-1') as Entity;
    expect(v.identifiers.map((i) => [i.type, i.value])).toEqual([
      ['imo', '9385829'],
      ['mmsi', '273347000'],
      ['call_sign', 'UBCD3'],
    ]);
    expect(v.countries).toEqual([{ code: 'RU', role: 'flag' }]);
    expect(v.notes).toEqual(['Switched off AIS in 2023.']);
    const a = entities.get('a-1') as Entity;
    expect(a.identifiers.map((i) => [i.type, i.value])).toEqual([
      ['aircraft_tail', 'EW-455PA'],
      ['other', '41220'],
    ]);
  });

  it('names a person from name parts when it has no name property', async () => {
    const p = (await parse(sampleText)).entities.get('p-2') as Entity;
    expect(p.names).toEqual([{ full: 'Olga Ivanovna Sidorova', kind: 'primary', script: 'Latn' }]);
    expect(p.properties['Family.person']).toEqual(['t:p-1']);
    expect(p.properties.birthDate).toEqual(['19th century']);
  });

  it('reports each bad or unusable record with its line, and what never found its entity', async () => {
    const { warnings } = await parse(sampleText);
    expect(warnings.map((w) => [w.location.line, w.location.record ?? null, w.location.field ?? null])).toEqual([
      [17, 'w-1', null],
      [21, null, null],
      [22, null, null],
      [12, 'p-2', 'birthDate'],
      [19, 'p-3', 'name'],
      [20, null, null],
      [18, 'san-3', null],
    ]);
    expect(warnings.map((w) => w.message)).toEqual([
      'schema CryptoWallet is neither a party nor about one; record w-1 not imported',
      expect.stringMatching(/^invalid JSON: .*; line skipped$/),
      'the record has no "id"; line skipped',
      'birth date "19th century" is not an ISO date; kept as a property',
      'Person p-3 has no name; not imported',
      expect.stringMatching(/^invalid JSON: .*; line skipped$/),
      'Sanction san-3 is about entity p-gone, which is not in the list; not imported',
    ]);
  });

  it('resolves references across the files of a set and whatever the chunking', async () => {
    const lines = sampleText.split('\n');
    const a = await parse(sampleText);
    const b = await parseFiles([
      bytesSource('part-1.json', lines.slice(0, 9).join('\n')),
      bytesSource('part-2.json', lines.slice(9).join('\n')),
    ]);
    expect([...b.entities.values()]).toEqual([...a.entities.values()]);
    const c = await parseFiles([chunked('entities.ftm.json', sampleText, 7)]);
    expect([...c.entities.values()]).toEqual([...a.entities.values()]);
    expect(c.warnings).toEqual(a.warnings);
  });

  it('fails a non-JSON file, an empty file and invalid UTF-8 with a location', async () => {
    const notJson = (await parse('id,schema,name\n1,Person,A\n').catch((e: unknown) => e)) as ArgusError;
    expect(notJson).toBeInstanceOf(ArgusError);
    expect(notJson.code).toBe('LIST_PARSE_FAILED');
    expect(notJson.message).toMatch(/entities\.ftm\.json: line 1: not a JSON lines file/);
    await expect(parse('\n\n')).rejects.toThrow(/the file is empty/);
    const prefix = new TextEncoder().encode('{"id":"x","schema":"Person","properties":{"name":["A');
    const err = (await parse(new Uint8Array([...prefix, 0xff, 0x22, 0x5d, 0x7d, 0x7d, 0x0a])).catch((e: unknown) => e)) as ArgusError;
    expect(err.code).toBe('LIST_PARSE_FAILED');
    expect(err.location?.offset).toBe(prefix.byteLength);
  });

  it('is detected by its first record and not confused with Senzing', () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    expect(detectFormat(['entities.ftm.json'], enc(sampleText.slice(0, 300)))).toBe('ftm-json');
    expect(ftmJsonParser.detect(['x.json'], enc('{"RECORD_ID":"1","schema":"Person"}'))).toBe(false);
    expect(ftmJsonParser.detect(['x.json'], enc('[{"id":"1","schema":"Person"}]'))).toBe(false);
  });
});
