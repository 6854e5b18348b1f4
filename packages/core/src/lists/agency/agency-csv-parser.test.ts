import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Entity } from '../../model/entity.js';
import { ArgusError } from '../../model/errors.js';
import { bytesSource } from '../../text/byte-source.js';
import { detectFormat } from '../index.js';
import type { ListParseEvent } from '../list-format.js';
import { argusCsvParser } from './agency-csv-parser.js';
import { agencyBirthDate } from './agency-row.js';

const sample = readFileSync(new URL('./fixtures/agency-sample.csv', import.meta.url));
const HEADER = 'id,schema,name,aliases,given_name,family_name,birth_date,nationality,id_type,id_number,country,address,programme,notes';

async function parse(data: Uint8Array | string, name = 'watchlist.csv') {
  const events: ListParseEvent[] = [];
  for await (const ev of argusCsvParser.parse([bytesSource(name, data)], { list: 'fiu-watch' })) events.push(ev);
  const entities = new Map<string, Entity>();
  for (const ev of events) if (ev.type === 'entity') entities.set(ev.entity.source.sourceId, ev.entity);
  const warnings = events.flatMap((ev) => (ev.type === 'warning' ? [ev] : []));
  return { events, entities, warnings };
}

describe('argus-csv parser', () => {
  it('maps every documented column, merging following rows of the same id into one entity', async () => {
    const { entities } = await parse(sample);
    const e = entities.get('W-001') as Entity;
    expect(e.id).toBe('fiu-watch:W-001');
    expect(e.schema).toBe('Person');
    expect(e.names).toEqual([
      { full: 'Abdul Rahman Khan', kind: 'primary', script: 'Latn', given: 'Abdul Rahman', family: 'Khan' },
      { full: 'Abu Saad', kind: 'alias_strong', script: 'Latn' },
      { full: 'عبد الرحمن خان', kind: 'alias_strong', script: 'Arab' },
    ]);
    expect(e.birthDates).toEqual([
      { kind: 'exact', date: '1979-05-12' },
      { kind: 'approximate', date: '1980' },
    ]);
    expect(e.countries).toEqual([
      { code: 'PK', role: 'nationality' },
      { code: 'AF', role: 'nationality' },
      { code: 'PK', role: 'residence' },
    ]);
    expect(e.identifiers).toEqual([
      { type: 'passport', value: 'AB1234567', label: 'passport' },
      { type: 'national_id', value: '17301-1234567-1', label: 'National ID' },
    ]);
    expect(e.addresses).toEqual([{ full: 'House 12, Street 4, Peshawar' }]);
    expect(e.sanctions).toEqual([{ authority: 'fiu-watch', program: 'TF-2024' }]);
    expect(e.notes).toEqual(['Suspected financier of a proscribed group']);
  });

  it('reads schema case-insensitively, defaults an empty one to LegalEntity, and reads ranges and name parts', async () => {
    const { entities } = await parse(sample);
    const c = entities.get('W-002') as Entity;
    expect(c.schema).toBe('Company');
    expect(c.countries).toEqual([{ code: 'PK', role: 'jurisdiction' }]);
    expect(c.identifiers).toEqual([{ type: 'registration', value: '0012345', label: 'registration' }]);
    expect(c.notes).toEqual(['Front company.\nShares an office with W-001.']);
    const le = entities.get('W-005') as Entity;
    expect(le.schema).toBe('LegalEntity');
    expect(le.birthDates).toEqual([{ kind: 'between', from: '1970', to: '1975' }]);
    expect(entities.get('W-006')?.identifiers).toEqual([{ type: 'imo', value: '9123456', label: 'imo' }]);
    expect(entities.get('W-007')?.names).toEqual([
      { full: 'Maria Lopez', kind: 'primary', script: 'Latn', given: 'Maria', family: 'Lopez' },
    ]);
    expect([...entities.keys()]).toEqual(['W-001', 'W-002', 'W-005', 'W-006', 'W-007']);
  });

  it('warns with line and field for unknown columns, rows without id or name, bad schema and bad cells', async () => {
    const { warnings } = await parse(sample);
    expect(warnings.map((w) => [w.location.line, w.location.record ?? null, w.location.field ?? null])).toEqual([
      [1, null, 'risk_level'],
      [6, 'W-003', 'schema'],
      [7, null, 'id'],
      [8, 'W-004', 'name'],
      [9, 'W-005', 'nationality'],
      [11, 'W-007', 'birth_date'],
      [11, 'W-007', 'id_number'],
    ]);
    expect(warnings.map((w) => w.message)).toEqual([
      expect.stringMatching(/^unknown column "risk_level" is ignored/),
      expect.stringMatching(/^schema "Human" is not one of Person, .*; row not imported$/),
      'the row has no id; not imported',
      'row W-004 has no name; not imported',
      '"Narnia" is not a country (ISO alpha-2 code or English name); value ignored',
      '"1990-02-30" is not a date (YYYY, YYYY-MM, YYYY-MM-DD, ~YYYY or YYYY/YYYY); value ignored',
      'id_type "passport" is given without an id_number; value ignored',
    ]);
  });

  it('fails a header without the required columns, an empty file and invalid UTF-8, naming where', async () => {
    const noId = (await parse('name,schema\nA,Person\n').catch((e: unknown) => e)) as ArgusError;
    expect(noId).toBeInstanceOf(ArgusError);
    expect(noId.code).toBe('LIST_PARSE_FAILED');
    expect(noId.message).toBe('watchlist.csv: line 1: the header lacks the column id (an argus-csv list needs id, schema, name)');
    await expect(parse('')).rejects.toThrow(/watchlist\.csv: the file is empty/);
    const head = new TextEncoder().encode(`${HEADER}\nW-1,Person,Jos`);
    const bad = new Uint8Array([...head, 0xe9, ...new TextEncoder().encode(' Garcia,,,,,,,,,,,\n')]);
    const err = (await parse(bad).catch((e: unknown) => e)) as ArgusError;
    expect(err.code).toBe('LIST_PARSE_FAILED');
    expect(err.location?.offset).toBe(head.byteLength);
  });

  it('fails a truncated file (a quoted field never closed) with the line it opened on', async () => {
    await expect(parse(`${HEADER}\nW-1,Person,"Ahmed Ali,,,,,,,,,,,\n`)).rejects.toThrow(/line 2: a quoted field is never closed/);
  });

  it('warns on a row longer than the header and keeps the row', async () => {
    const { entities, warnings } = await parse('id,schema,name\nX1,Person,Ana Silva,extra\n');
    expect(entities.get('X1')?.names[0]?.full).toBe('Ana Silva');
    expect(warnings[0]?.message).toBe('the row has 4 fields, the header 3; the extra fields are ignored');
  });

  it('reads birth dates: exact, approximate, ranges; rejects impossible ones', () => {
    expect(agencyBirthDate('1970')).toEqual({ kind: 'exact', date: '1970' });
    expect(agencyBirthDate('~1970-05')).toEqual({ kind: 'approximate', date: '1970-05' });
    expect(agencyBirthDate('1970-01-01 / 1971-12-31')).toEqual({ kind: 'between', from: '1970-01-01', to: '1971-12-31' });
    expect(agencyBirthDate('1975/1970')).toBeUndefined();
    expect(agencyBirthDate('12/05/1970')).toBeUndefined();
    expect(agencyBirthDate('1970-05-12T00:00')).toBeUndefined();
  });

  it('is detected by its header, in any column order and case, and not for other CSVs', () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    expect(detectFormat(['watchlist.csv'], sample.subarray(0, 400))).toBe('argus-csv');
    expect(argusCsvParser.detect(['w.csv'], enc('Name,ID,Schema,Notes\n'))).toBe(true);
    expect(argusCsvParser.detect(['w.csv'], enc('id,name\n1,A\n'))).toBe(false);
    expect(argusCsvParser.detect(['sdn.csv'], enc('36,"AEROCARIBBEAN AIRLINES",-0- ,"CUBA",-0- \n'))).toBe(false);
  });
});
