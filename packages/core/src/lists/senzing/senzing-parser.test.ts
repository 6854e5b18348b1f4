import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Entity } from '../../model/entity.js';
import { ArgusError } from '../../model/errors.js';
import { bytesSource } from '../../text/byte-source.js';
import { detectFormat, parseList } from '../index.js';
import type { ListParseEvent } from '../list-format.js';
import { senzingJsonParser } from './senzing-parser.js';

const sample = readFileSync(new URL('./fixtures/senzing-sample.json', import.meta.url));

async function parse(data: Uint8Array | string, name = 'senzing.json') {
  const events: ListParseEvent[] = [];
  for await (const ev of senzingJsonParser.parse([bytesSource(name, data)], { list: 'os-test' })) events.push(ev);
  const entities = new Map<string, Entity>();
  for (const ev of events) if (ev.type === 'entity') entities.set(ev.entity.source.sourceId, ev.entity);
  const warnings = events.flatMap((ev) => (ev.type === 'warning' ? [ev] : []));
  return { entities, warnings };
}

describe('senzing-json parser', () => {
  it('maps a person: names with scripts, dates, countries by role, identifiers, addresses, relationships', async () => {
    const { entities } = await parse(sample);
    const p = entities.get('NK-person1');
    expect(p?.id).toBe('os-test:NK-person1');
    expect(p?.schema).toBe('Person');
    expect(p?.gender).toBe('male');
    expect(p?.names).toEqual([
      { full: 'Viktor Ivanovich Petrenko', kind: 'primary', script: 'Latn' },
      { full: 'Виктор Иванович Петренко', kind: 'alias_strong', script: 'Cyrl' },
      { full: 'viktor ivanovich petrenko', kind: 'alias_strong', script: 'Latn' },
    ]);
    expect(p?.birthDates).toEqual([
      { kind: 'exact', date: '1961-07-14' },
      { kind: 'exact', date: '1962' },
    ]);
    expect(p?.birthPlaces).toEqual(['Kharkiv']);
    expect(p?.addresses).toEqual([{ full: '12 Lenina St, Kharkiv' }]);
    expect(p?.countries).toEqual([
      { code: 'UA', role: 'nationality' },
      { code: 'RU', role: 'citizenship' },
    ]);
    expect(p?.identifiers).toEqual([
      { type: 'passport', value: 'FA123456', country: 'UA', label: 'passport' },
      { type: 'tax_id', value: '7701234567', label: 'innCode' },
    ]);
    expect(p?.properties).toMatchObject({
      deathDate: ['2024'],
      NATIONALITY: ['suhh'], // FtM's Soviet Union code has no ISO equivalent: kept, not dropped
      wikidataId: ['Q4115189'],
      topics: ['sanction'],
      'related.Director': ['os-test:NK-org1'],
      url: ['https://www.opensanctions.org/entities/NK-person1'],
      lastChange: ['2025-01-02T03:04:05'],
    });
  });

  it('maps organisations and vessels with their own identifiers and country roles', async () => {
    const { entities } = await parse(sample);
    const org = entities.get('NK-org1');
    expect(org?.schema).toBe('Organization');
    expect(org?.names.map((n) => [n.full, n.kind])).toEqual([
      ['Eastern Trade Holding LLC', 'primary'],
      ['ETH', 'alias_strong'],
    ]);
    expect(org?.countries).toEqual([
      { code: 'AE', role: 'other' },
      { code: 'CY', role: 'jurisdiction' },
    ]);
    expect(org?.identifiers.map((i) => [i.type, i.value])).toEqual([
      ['registration', 'HE 123456'],
      ['tax_id', 'CY10123456X'],
      ['other', '5493001KJTIIGC8Y1R12'],
    ]);
    expect(org?.properties.incorporationDate).toEqual(['2009-03']);
    expect(org?.properties.website).toEqual(['https://eth.example']);
    const vessel = entities.get('NK-vessel1');
    expect(vessel?.schema).toBe('Vessel');
    expect(vessel?.identifiers.map((i) => [i.type, i.value])).toEqual([
      ['imo', '9187629'],
      ['mmsi', '636012345'],
      ['call_sign', 'D5AB7'],
    ]);
  });

  it('builds a name from NAME_FIRST / NAME_MIDDLE / NAME_LAST and keeps the parts; reads compact dates', async () => {
    const { entities } = await parse(sample);
    const p = entities.get('NK-person2');
    expect(p?.names).toEqual([{ full: 'Amina B. Yusuf', kind: 'primary', script: 'Latn', given: 'Amina', middle: 'B.', family: 'Yusuf' }]);
    expect(p?.birthDates).toEqual([{ kind: 'exact', date: '1980-02-29' }]);
    expect(p?.countries).toEqual([{ code: 'NG', role: 'nationality' }]);
    expect(p?.gender).toBe('female');
  });

  it('imports a typeless record with risk topics as LegalEntity and skips a typeless one without (a Position)', async () => {
    const { entities, warnings } = await parse(sample);
    expect(entities.get('NK-le1')?.schema).toBe('LegalEntity');
    expect(entities.has('Q30185')).toBe(false);
    expect(warnings.find((w) => w.location.record === 'Q30185')?.message).toMatch(/no RECORD_TYPE and no risk topics.*not imported/);
  });

  it('reports every bad record with its line and goes on', async () => {
    const { entities, warnings } = await parse(sample);
    expect([...entities.keys()]).toEqual(['NK-person1', 'NK-org1', 'NK-person2', 'NK-vessel1', 'NK-le1']);
    expect(warnings.map((w) => [w.location.line, w.location.field ?? null])).toEqual([
      [5, null],
      [6, 'DATE_OF_BIRTH'],
      [7, null],
      [8, null],
      [9, null],
    ]);
    expect(warnings.map((w) => w.message)).toEqual([
      expect.stringMatching(/^record Q30185 has no RECORD_TYPE/),
      expect.stringMatching(/^date of birth "sometime in the 70s" is not a date; kept as a property$/),
      expect.stringMatching(/^invalid JSON: .*; line skipped$/),
      'record NK-noname has no name; not imported',
      expect.stringMatching(/^record NK-car1 has RECORD_TYPE "VEHICLE", which is not a party Argus screens; not imported$/),
    ]);
    expect(entities.get('NK-le1')?.properties.DATE_OF_BIRTH).toEqual(['sometime in the 70s']);
  });

  it('reads the same records whatever the chunk boundaries and line endings', async () => {
    const crlf = new TextDecoder().decode(sample).replace(/\n/g, '\r\n');
    const a = await parse(sample);
    const b = await parse(crlf);
    expect([...b.entities.values()]).toEqual([...a.entities.values()]);
  });

  it('fails a file that is not JSON lines, naming the first line', async () => {
    const err = await parse('<?xml version="1.0"?>\n<sdnList>\n</sdnList>\n').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ArgusError);
    expect((err as ArgusError).code).toBe('LIST_PARSE_FAILED');
    expect((err as ArgusError).message).toMatch(/senzing\.json: line 1: not a JSON lines file/);
  });

  it('fails an empty file and invalid UTF-8 with the byte offset', async () => {
    await expect(parse('')).rejects.toThrow(/senzing\.json: the file is empty/);
    const good = new TextEncoder().encode('{"RECORD_ID":"1","RECORD_TYPE":"PERSON","NAME_FULL":"A B"}\n{"RECORD_ID":"2","NAME_FULL":"');
    const bad = new Uint8Array([...good, 0xc3, 0x28, ...new TextEncoder().encode('"}\n')]);
    const err = (await parse(bad).catch((e: unknown) => e)) as ArgusError;
    expect(err.code).toBe('LIST_PARSE_FAILED');
    expect(err.location?.offset).toBe(good.byteLength);
    expect(err.message).toMatch(new RegExp(`not valid utf-8 text near byte ${good.byteLength}`));
  });

  it('reads flat top-level attributes as well as grouped ones', async () => {
    const { entities } = await parse(
      '{"RECORD_ID":"x1","RECORD_TYPE":"PERSON","NAME_FULL":"Omar Haddad","DATE_OF_BIRTH":"1975-04","PASSPORT_NUMBER":"N99"}\n',
    );
    const e = entities.get('x1');
    expect(e?.names[0]?.full).toBe('Omar Haddad');
    expect(e?.birthDates).toEqual([{ kind: 'exact', date: '1975-04' }]);
    expect(e?.identifiers).toEqual([{ type: 'passport', value: 'N99', label: 'passport' }]);
  });

  it('is detected by its first record, even when the head cuts that record short', () => {
    const head = sample.subarray(0, 200);
    expect(detectFormat(['us_congress_senzing.json'], head)).toBe('senzing-json');
    expect(senzingJsonParser.detect(['x.json'], new TextEncoder().encode('{"id":"a","schema":"Person","properties":{}}'))).toBe(false);
    expect(senzingJsonParser.detect(['x.csv'], new TextEncoder().encode('RECORD_ID,NAME\n'))).toBe(false);
  });

  it('streams through parseList by format id', async () => {
    let n = 0;
    for await (const ev of parseList('senzing-json', { files: [bytesSource('s.json', sample)] }, { list: 'l' }))
      if (ev.type === 'entity') n++;
    expect(n).toBe(5);
  });
});
