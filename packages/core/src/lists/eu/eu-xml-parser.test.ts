import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Entity } from '../../model/entity.js';
import { ArgusError } from '../../model/errors.js';
import type { ByteSource } from '../../text/byte-source.js';
import { detectFormat } from '../index.js';
import type { ListParseEvent } from '../list-format.js';
import { euXmlParser } from './eu-xml-parser.js';

const FIXTURE = readFileSync(new URL('./fixtures/eu-fsf.xml', import.meta.url));

function source(data: Uint8Array | string, chunk = 65536): ByteSource {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  return {
    name: 'eu-fsf.xml',
    async *open() {
      for (let i = 0; i < bytes.byteLength; i += chunk) yield bytes.subarray(i, i + chunk);
    },
  };
}

async function parse(src: ByteSource) {
  const events: ListParseEvent[] = [];
  for await (const ev of euXmlParser.parse([src], { list: 'eu-fsf' })) events.push(ev);
  const entities = new Map<string, Entity>();
  for (const ev of events) if (ev.type === 'entity') entities.set(ev.entity.source.sourceId, ev.entity);
  return { events, entities, warnings: events.flatMap((e) => (e.type === 'warning' ? [e] : [])) };
}

describe('eu-xml parser', () => {
  it('maps a person: first strong name primary, other strong names strong, strong="false" weak, parts and script', async () => {
    const e = (await parse(source(FIXTURE))).entities.get('90001') as Entity;
    expect(e.id).toBe('eu-fsf:90001');
    expect(e.schema).toBe('Person');
    expect(e.names).toEqual([
      { full: 'Ivan Petrovich SIDOROV', kind: 'primary', script: 'Latn', given: 'Ivan', middle: 'Petrovich', family: 'SIDOROV' },
      { full: 'Иван Петрович СИДОРОВ', kind: 'alias_strong', script: 'Cyrl' },
      { full: 'Vanya', kind: 'alias_weak', script: 'Latn', given: 'Vanya' },
    ]);
    expect(e.gender).toBe('male');
    expect(e.properties.title).toEqual(['General']);
    expect(e.properties.position).toEqual(['Deputy Minister']);
    expect(e.properties.nameLanguage).toEqual(['Иван Петрович СИДОРОВ: RU']);
    expect(e.sanctions).toEqual([{ authority: 'European Union', program: 'UKR', listedOn: '2014-07-30' }]);
    expect(e.notes).toEqual([
      'Nickname used in the unit.',
      'Member of the leadership.',
      'National passport (diplomatic) DP1234567: issued by Ministry of Foreign Affairs',
      'Office address.',
    ]);
  });

  it('reads full, partial (year and month, year only) and circa birth dates, and birth places', async () => {
    const e = (await parse(source(FIXTURE))).entities.get('90001') as Entity;
    expect(e.birthDates).toEqual([
      { kind: 'exact', date: '1961-03-14' },
      { kind: 'exact', date: '1962-05' },
      { kind: 'approximate', date: '1960' },
    ]);
    expect(e.birthPlaces).toEqual(['Kursk, RUSSIAN FEDERATION']);
    expect(e.countries).toEqual([
      { code: 'RU', role: 'citizenship' },
      { code: 'RU', role: 'birth' },
      { code: 'RU', role: 'address' },
    ]);
  });

  it('maps identifications with their flags and addresses', async () => {
    const { entities } = await parse(source(FIXTURE));
    const person = entities.get('90001') as Entity;
    expect(person.identifiers).toEqual([
      { type: 'passport', value: 'DP1234567', country: 'RU', label: 'National passport (diplomatic)' },
      { type: 'national_id', value: '7701 123456', label: 'National identification card (false)' },
    ]);
    expect(person.addresses).toEqual([
      {
        full: 'Tverskaya 1, Moscow, 125009, RUSSIAN FEDERATION',
        street: 'Tverskaya 1',
        city: 'Moscow',
        postalCode: '125009',
        country: 'RU',
      },
    ]);
    const org = entities.get('90002') as Entity;
    expect(org.schema).toBe('Organization');
    expect(org.names.map((n) => [n.full, n.kind, n.script])).toEqual([
      ['Al-Nour Charitable Foundation', 'primary', 'Latn'],
      ['مؤسسة النور الخيرية', 'alias_strong', 'Arab'],
    ]);
    expect(org.identifiers).toEqual([{ type: 'registration', value: 'REG-0042', country: 'PK', label: 'Registration Number' }]);
    expect(org.addresses).toEqual([
      { full: 'Kikoma forest, North Kivu, CONGO, Democratic Republic of (was Zaire)', region: 'North Kivu', country: 'CD' },
    ]);
    // No designationDate: a regulation's date may be a later amendment, so it is not taken as the listing date.
    expect(org.sanctions).toEqual([{ authority: 'European Union', program: 'TAQA' }]);
    expect(org.properties.regulation).toEqual(['2016/294 (OJ L55), published 2016-03-02']);
    expect(org.properties.unReference).toEqual(['QDe.901']);
    expect(org.notes).toEqual(['Headquarters in Karachi.']);
  });

  it('warns about an impossible date and a record without logicalId, and goes on', async () => {
    const { entities, warnings, events } = await parse(source(FIXTURE));
    expect([...entities.keys()]).toEqual(['90001', '90002', '90003']);
    expect(warnings.map((w) => [w.location.line, w.location.record, w.location.field, w.message])).toEqual([
      [39, '90003', 'year', 'impossible date of birth (year "1970", month "13", day "") ignored'],
      [41, 'EU.9004.4', 'logicalId', 'sanctionEntity without logicalId skipped'],
    ]);
    expect((entities.get('90003') as Entity).birthPlaces).toEqual(['Damascus, SYRIA']);
    expect(events[0]).toEqual({ type: 'meta', publishedAt: '2024-05-10T15:29:22.497+02:00' });
    expect(events.at(-1)).toEqual({ type: 'meta', declaredCount: 4 });
  });

  it('gives the same events whatever the chunk size', async () => {
    const whole = (await parse(source(FIXTURE))).events;
    for (const size of [1, 5, 333]) expect((await parse(source(FIXTURE, size))).events).toEqual(whole);
  });

  it('is detected by the export root in the FSD namespace', () => {
    expect(detectFormat(['eu.xml'], FIXTURE.subarray(0, 4096))).toBe('eu-xml');
    expect(euXmlParser.detect(['x.xml'], new TextEncoder().encode('<export xmlns="urn:other"><a/></export>'))).toBe(false);
  });

  it('rejects a truncated export', async () => {
    const cut = FIXTURE.subarray(0, FIXTURE.lastIndexOf('</sanctionEntity>'));
    await expect(parse(source(cut))).rejects.toSatisfy(
      (e) => e instanceof ArgusError && e.code === 'LIST_PARSE_FAILED' && /ends before <sanctionEntity> \(line 41\)/.test(e.message),
    );
  });
});
