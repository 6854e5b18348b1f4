import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Entity } from '../../model/entity.js';
import { ArgusError } from '../../model/errors.js';
import type { ByteSource } from '../../text/byte-source.js';
import { detectFormat } from '../index.js';
import type { ListParseEvent } from '../list-format.js';
import { unXmlParser } from './un-xml-parser.js';

const FIXTURE = readFileSync(new URL('./fixtures/un-consolidated.xml', import.meta.url));

function source(data: Uint8Array | string, chunk = 65536, name = 'consolidated.xml'): ByteSource {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  return {
    name,
    size: bytes.byteLength,
    async *open() {
      for (let i = 0; i < bytes.byteLength; i += chunk) yield bytes.subarray(i, i + chunk);
    },
  };
}

async function parse(src: ByteSource) {
  const events: ListParseEvent[] = [];
  for await (const ev of unXmlParser.parse([src], { list: 'un-sc' })) events.push(ev);
  const entities = new Map<string, Entity>();
  for (const ev of events) if (ev.type === 'entity') entities.set(ev.entity.source.sourceId, ev.entity);
  return {
    events,
    entities,
    warnings: events.flatMap((e) => (e.type === 'warning' ? [e] : [])),
    metas: events.flatMap((e) => (e.type === 'meta' ? [e] : [])),
  };
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

describe('un-xml parser', () => {
  it('maps an individual: name parts, original script, aliases by quality, sanction, notes, titles', async () => {
    const { entities } = await parse(source(FIXTURE));
    const e = entities.get('QDi.901') as Entity;
    expect(e.id).toBe('un-sc:QDi.901');
    expect(e.schema).toBe('Person');
    expect(e.names[0]).toEqual({
      full: 'SAMIR ABDALLAH KHALIL AL-HADDAD',
      kind: 'primary',
      script: 'Latn',
      given: 'SAMIR',
      middle: 'ABDALLAH KHALIL',
      family: 'AL-HADDAD',
    });
    expect(e.names.slice(1).map((n) => [n.full, n.kind, n.script])).toEqual([
      ['سمير عبد الله خليل الحداد', 'alias_strong', 'Arab'],
      ['Samir Abdullah Al-Hadad', 'alias_strong', 'Latn'],
      ['Abu Khalil', 'alias_strong', 'Latn'],
      ['Abu Samir', 'alias_weak', 'Latn'],
    ]);
    expect(e.sanctions).toEqual([{ authority: 'UN Security Council', program: 'Al-Qaida', listedOn: '2001-01-25' }]);
    expect(e.gender).toBe('male');
    expect(e.notes).toContain('Financier & recruiter.\nReview concluded on 14 Sep. 2009.');
    expect(e.notes).toContain('Abu Khalil: name used on a false passport');
    expect(e.properties.title).toEqual(['Sheikh', 'Dr.']);
    expect(e.properties.position).toEqual(['Treasurer of the group']);
    expect(e.properties.modifiedAt).toEqual(['2016-10-13']);
  });

  it('reads every kind of date of birth: exact, approximate, between, year-only, a month in NOTE, and alias dates', async () => {
    const e = (await parse(source(FIXTURE))).entities.get('QDi.901') as Entity;
    expect(e.birthDates).toEqual([
      { kind: 'exact', date: '1968-02-05' },
      { kind: 'exact', date: '1967-09-24' },
      { kind: 'approximate', date: '1966' },
      { kind: 'between', from: '1963', to: '1968' },
      { kind: 'exact', date: '1965' },
      { kind: 'exact', date: '1973-11' },
    ]);
    expect(e.birthPlaces).toEqual(['Aleppo, Syrian Arab Republic', 'Aleppo, Aleppo Governorate, Syrian Arab Republic']);
  });

  it('maps nationalities, addresses and documents with their issuing countries', async () => {
    const e = (await parse(source(FIXTURE))).entities.get('QDi.901') as Entity;
    expect(e.countries).toEqual(
      expect.arrayContaining([
        { code: 'IR', role: 'nationality' },
        { code: 'SY', role: 'nationality' },
        { code: 'SY', role: 'birth' },
        { code: 'IR', role: 'address' },
      ]),
    );
    expect(e.properties.nationality).toBeUndefined(); // "na" is no nationality
    expect(e.addresses).toEqual([
      { full: '12 Al-Nour Street, Tehran, Iran (Islamic Republic of)', street: '12 Al-Nour Street', city: 'Tehran', country: 'IR' },
    ]);
    expect(e.properties.addressNote).toEqual(['12 Al-Nour Street, Tehran, Iran (Islamic Republic of): as at March 2009']);
    expect(e.identifiers).toEqual([
      { type: 'passport', value: 'N12345678', country: 'SY', label: 'Passport' },
      { type: 'tax_id', value: 'HDDSMR67P24Z229X', country: 'IT', label: 'Italian Fiscal Code' },
    ]);
    expect(e.notes).toContain('Passport N12345678 (Syrian Arab Republic): issued 2014-03-11; expires on 10 March 2019');
    expect(e.notes).toContain('Passport: Syrian passport number 4447, expired on 21 Feb. 2014');
  });

  it('maps an entity: FIRST_NAME is the name, a.k.a. and f.k.a. aliases, address', async () => {
    const e = (await parse(source(FIXTURE))).entities.get('QDe.901') as Entity;
    expect(e.schema).toBe('Organization');
    expect(e.names.map((n) => [n.full, n.kind])).toEqual([
      ['AL-NOUR CHARITABLE FOUNDATION', 'primary'],
      ['مؤسسة النور الخيرية', 'alias_strong'],
      ['Nour Relief Trust', 'alias_strong'],
      ['Al-Nour Welfare Society', 'alias_strong'],
    ]);
    expect(e.names[0]?.given).toBeUndefined();
    expect(e.properties.previousName).toEqual(['Al-Nour Welfare Society']);
    expect(e.addresses).toEqual([
      { full: 'Plot 7, Block 4, Karachi, 75500, Pakistan', street: 'Plot 7, Block 4', city: 'Karachi', postalCode: '75500', country: 'PK' },
    ]);
  });

  it('warns about bad records with their location and goes on', async () => {
    const { entities, warnings } = await parse(source(FIXTURE));
    expect([...entities.keys()]).toEqual(['QDi.901', 'CFi.902', 'QDe.901']);
    expect(warnings.map((w) => [w.location.line, w.location.record, w.location.field, w.message])).toEqual([
      [115, 'DATAID 9000002', 'REFERENCE_NUMBER', 'INDIVIDUAL without REFERENCE_NUMBER skipped'],
      [141, 'CFi.902', 'DATE', 'impossible date of birth "1990-13-45" ignored'],
      [145, 'CFi.902', 'FROM_YEAR', 'impossible date-of-birth range "1980"–"1975" ignored'],
    ]);
    for (const w of warnings) expect(w.location.file).toBe('consolidated.xml');
    const marie = entities.get('CFi.902') as Entity;
    expect(marie.names[0]?.full).toBe('MARIE DUPONT & FILS');
    expect(marie.birthDates).toEqual([]);
    expect(marie.gender).toBe('female');
    expect(marie.countries).toEqual([{ code: 'CF', role: 'nationality' }]);
  });

  it('emits publishedAt first and the declared counts (INDIVIDUAL/ENTITY elements, skipped ones included) at the end', async () => {
    const { events, metas } = await parse(source(FIXTURE));
    expect(events[0]).toEqual({ type: 'meta', publishedAt: '2026-02-27T00:00:09.554Z' });
    expect(metas.at(-1)).toEqual({ type: 'meta', declaredCount: 4, declaredBySchema: { Person: 3, Organization: 1 } });
    expect(events.at(-1)).toBe(metas.at(-1));
  });

  it('gives the same events whatever the chunk size', async () => {
    const whole = (await parse(source(FIXTURE))).events;
    for (const size of [1, 2, 3, 7, 64, 1000]) expect((await parse(source(FIXTURE, size))).events).toEqual(whole);
  });

  it('is detected by its root element', () => {
    expect(unXmlParser.detect(['consolidated.xml'], FIXTURE.subarray(0, 4096))).toBe(true);
    expect(detectFormat(['consolidated.xml'], FIXTURE.subarray(0, 4096))).toBe('un-xml');
    expect(unXmlParser.detect(['x.xml'], new TextEncoder().encode('<?xml version="1.0"?><sdnList/>'))).toBe(false);
  });

  it('rejects malformed XML naming file, line and column', async () => {
    const bad = FIXTURE.toString('utf8').replace('<GENDER>Male</GENDER>', '<GENDER>Male</GENDR>');
    const e = await failure(source(bad));
    expect(e.code).toBe('LIST_PARSE_FAILED');
    expect(e.location).toMatchObject({ file: 'consolidated.xml', line: 111, column: 19 });
    expect(e.message).toMatch(/consolidated\.xml: line 111:19: .*<\/GENDR> does not close <GENDER>/);
  });

  it('rejects a truncated file whose root never closes', async () => {
    const cut = FIXTURE.subarray(0, FIXTURE.indexOf('</ENTITIES>'));
    const e = await failure(source(cut, 7));
    expect(e.code).toBe('LIST_PARSE_FAILED');
    expect(e.message).toMatch(/ends before <ENTITIES>.*truncated/);
    expect(e.location?.file).toBe('consolidated.xml');
  });

  it('rejects bytes that are not UTF-8 with their offset', async () => {
    const bytes = Uint8Array.from(FIXTURE);
    const at = FIXTURE.indexOf('SAMIR');
    bytes[at] = 0xff;
    const e = await failure(source(bytes, 4096));
    expect(e.code).toBe('LIST_PARSE_FAILED');
    expect(e.location?.offset).toBe(at);
  });

  it('rejects an empty file and another XML document', async () => {
    expect((await failure(source(''))).message).toMatch(/no root element/);
    expect((await failure(source('<?xml version="1.0"?><sdnList></sdnList>'))).message).toMatch(/not a UN consolidated list/);
  });
});
