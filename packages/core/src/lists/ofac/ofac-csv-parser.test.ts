import { describe, expect, it } from 'vitest';
import type { Entity } from '../../model/entity.js';
import { ArgusError } from '../../model/errors.js';
import type { ByteSource } from '../../text/byte-source.js';
import { detectFormat } from '../index.js';
import type { ListParseEvent } from '../list-format.js';
import { ofacCsvParser } from './ofac-csv-parser.js';

// Fixtures in OFAC's own layout: CRLF line ends, "-0- " nulls, and the DOS end-of-file mark after the last record.
const crlf = (lines: string[]) => `${lines.join('\r\n')}\r\n\u001a`;

// Remarks OFAC cut at 1000 characters, inside a quoted alias; sdn_comments.csv carries the rest.
const FULL_REMARKS = (() => {
  const head = 'DOB 12 Jul 1986; nationality China; Website http://example.com/';
  const tail = "; a.k.a. 'snowsjohn'; Linked To: LAZARUS GROUP.";
  const pad = 1000 - head.length - "; a.k.a. 'snowsjo".length;
  return head + 'x'.repeat(pad) + tail;
})();
const CUT = FULL_REMARKS.slice(0, 1000);
const OVERFLOW = FULL_REMARKS.slice(1000);

const SDN = crlf([
  '36,"AEROCARIBBEAN AIRLINES",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ',
  `306,"BANCO NACIONAL DE CUBA",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"a.k.a. 'BNC'."`,
  `4243,"EBANO","vessel","CUBA",-0- ,"P3QG3","General Cargo","2595","1865","Panama","Samir de Navegacion S.A.","Vessel Registration Identification IMO 7406784; MMSI 572469210; f.k.a. 'ANA I'."`,
  `10689,"SAEED, Muhammad","individual","SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"DOB 05 Jun 1950; POB Sargodha, Punjab, Pakistan; nationality Pakistan; Passport BE5978421 (Pakistan) issued 14 Nov 2007; a.k.a. 'HAFIZ SAHIB'."`,
  `15431,"EP-GOM","aircraft","SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"Aircraft Model IL76-TD; Aircraft Operator YAS AIR; Linked To: POUYA AIR."`,
  `28263,"TIAN, Yinyin","individual","DPRK3] [CYBER2","Hacker",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"${CUT}"`,
]);
const ALT = crlf([
  '306,220,"aka","NATIONAL BANK OF CUBA",-0- ',
  '10689,10711,"aka","SAEED, Hafiz Muhammad",-0- ',
  '10689,10715,"fka","SAYEED, Hafez Mohammad",-0- ',
  '12000,900,"aka","NOBODY",-0- ',
]);
const ADD = crlf([
  '36,25,-0- ,"Havana","Cuba",-0- ',
  '306,199,"Zweierstrasse 35","Zurich CH-8022","Switzerland",-0- ',
  '10689,15084,"House No. 116 E, Mohalla Johar","Lahore City, Lahore District","Pakistan",-0- ',
  '15431,16000,-0- ,-0- ,-0- ,-0- ',
]);
const COMMENTS = crlf([`28263,"${OVERFLOW}"`]);

function source(name: string, data: string | Uint8Array, chunk = 64 * 1024): ByteSource {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  return {
    name,
    size: bytes.byteLength,
    async *open() {
      for (let i = 0; i < bytes.byteLength; i += chunk) yield bytes.subarray(i, i + chunk);
    },
  };
}

const SET = (chunk?: number) => [
  source('add.csv', ADD, chunk),
  source('alt.csv', ALT, chunk),
  source('sdn.csv', SDN, chunk),
  source('sdn_comments.csv', COMMENTS, chunk),
];

async function collect(files: ByteSource[]) {
  const entities: Entity[] = [];
  const warnings: Extract<ListParseEvent, { type: 'warning' }>[] = [];
  for await (const ev of ofacCsvParser.parse(files, { list: 'ofac-sdn' })) {
    if (ev.type === 'entity') entities.push(ev.entity);
    else if (ev.type === 'warning') warnings.push(ev);
  }
  const byId = (id: string) => {
    const e = entities.find((x) => x.source.sourceId === id);
    if (!e) throw new Error(`no entity ${id}`);
    return e;
  };
  return { entities, warnings, byId };
}

async function failure(files: ByteSource[]): Promise<ArgusError> {
  try {
    await collect(files);
  } catch (e) {
    if (e instanceof ArgusError) return e;
    throw e;
  }
  throw new Error('expected the parse to fail');
}

describe('ofac-csv: a full set', () => {
  it('maps every primary record, with schema, programs and ids', async () => {
    const { entities } = await collect(SET());
    expect(entities.map((e) => [e.id, e.schema])).toEqual([
      ['ofac-sdn:36', 'Organization'],
      ['ofac-sdn:306', 'Organization'],
      ['ofac-sdn:4243', 'Vessel'],
      ['ofac-sdn:10689', 'Person'],
      ['ofac-sdn:15431', 'Aircraft'],
      ['ofac-sdn:28263', 'Person'],
    ]);
    expect(entities[5]?.sanctions).toEqual([
      { authority: 'OFAC', program: 'DPRK3' },
      { authority: 'OFAC', program: 'CYBER2' },
    ]);
    expect(entities[5]?.properties.position).toEqual(['Hacker']);
  });

  it('joins aliases (strong, split for people) and addresses to the right entity', async () => {
    const { byId } = await collect(SET());
    const saeed = byId('10689');
    expect(saeed.names.map((n) => [n.full, n.kind, n.family, n.given])).toEqual([
      ['SAEED, Muhammad', 'primary', 'SAEED', 'Muhammad'],
      ['SAEED, Hafiz Muhammad', 'alias_strong', 'SAEED', 'Hafiz Muhammad'],
      ['SAYEED, Hafez Mohammad', 'alias_strong', 'SAYEED', 'Hafez Mohammad'],
      ['HAFIZ SAHIB', 'alias_weak', undefined, undefined],
    ]);
    expect(saeed.addresses).toEqual([
      {
        full: 'House No. 116 E, Mohalla Johar, Lahore City, Lahore District, Pakistan',
        street: 'House No. 116 E, Mohalla Johar',
        city: 'Lahore City, Lahore District',
        country: 'PK',
      },
    ]);
    expect(saeed.birthDates).toEqual([{ kind: 'exact', date: '1950-06-05' }]);
    expect(saeed.identifiers).toEqual([{ type: 'passport', value: 'BE5978421', country: 'PK', label: 'Passport' }]);
    expect(saeed.countries).toEqual([
      { code: 'PK', role: 'address' },
      { code: 'PK', role: 'birth' },
      { code: 'PK', role: 'nationality' },
    ]);

    const bank = byId('306');
    expect(bank.names.map((n) => [n.full, n.kind])).toEqual([
      ['BANCO NACIONAL DE CUBA', 'primary'],
      ['NATIONAL BANK OF CUBA', 'alias_strong'],
      ['BNC', 'alias_weak'],
    ]);
    expect(bank.addresses).toEqual([{ full: 'Zweierstrasse 35, Zurich CH-8022, Switzerland', street: 'Zweierstrasse 35', country: 'CH' }]);
    expect(byId('36').addresses).toEqual([{ full: 'Havana, Cuba', city: 'Havana', country: 'CU' }]);
    // An address row of nulls is no address.
    expect(byId('15431').addresses).toEqual([]);
  });

  it('continues cut Remarks with their overflow from the comments file', async () => {
    const { byId, warnings } = await collect(SET());
    const tian = byId('28263');
    expect(tian.notes).toEqual([FULL_REMARKS]);
    expect(tian.names.map((n) => n.full)).toEqual(['TIAN, Yinyin', 'snowsjohn']);
    expect(tian.properties.linkedTo).toEqual(['LAZARUS GROUP']);
    expect(tian.birthDates).toEqual([{ kind: 'exact', date: '1986-07-12' }]);
    expect(warnings.filter((w) => w.location.field === 'Remarks')).toEqual([]);
  });

  it('reads vessel columns as identifiers, flag and properties', async () => {
    const { byId } = await collect(SET());
    const v = byId('4243');
    expect(v.identifiers).toEqual([
      { type: 'call_sign', value: 'P3QG3', label: 'Call Sign' },
      { type: 'imo', value: '7406784', label: 'Vessel Registration Identification' },
      { type: 'mmsi', value: '572469210', label: 'MMSI' },
    ]);
    expect(v.countries).toEqual([{ code: 'PA', role: 'flag' }]);
    expect(v.properties).toEqual({
      type: ['General Cargo'],
      tonnage: ['2595'],
      grossRegisteredTonnage: ['1865'],
      owner: ['Samir de Navegacion S.A.'],
    });
    expect(v.names.map((n) => [n.full, n.kind])).toEqual([
      ['EBANO', 'primary'],
      ['ANA I', 'alias_weak'],
    ]);
    expect(byId('15431').properties).toEqual({ model: ['IL76-TD'], operator: ['YAS AIR'], linkedTo: ['POUYA AIR'] });
  });

  it('reports a side record with no entity, naming its file and line', async () => {
    const { warnings } = await collect(SET());
    expect(warnings.map((w) => [w.location, w.message])).toEqual([
      [{ file: 'alt.csv', line: 4, record: '12000' }, 'no entity with ent_num 12000 in sdn.csv; record not joined'],
    ]);
  });

  it('gives the same entities whatever the chunk size and file order', async () => {
    const big = await collect(SET());
    for (const chunk of [1, 7, 64, 1000]) {
      const small = await collect(SET(chunk).reverse());
      expect(small.entities).toEqual(big.entities);
      expect(small.warnings).toEqual(big.warnings);
    }
  });

  it('joins records whatever the order of the primary file', async () => {
    const lines = SDN.replace('\r\n\u001a', '').split('\r\n').reverse();
    const { entities, warnings } = await collect([source('add.csv', ADD), source('alt.csv', ALT), source('sdn.csv', crlf(lines))]);
    const saeed = entities.find((e) => e.source.sourceId === '10689');
    expect(saeed?.names.filter((n) => n.kind === 'alias_strong')).toHaveLength(2);
    expect(saeed?.addresses).toHaveLength(1);
    expect(warnings.map((w) => w.location.record)).toEqual(['28263', '12000']);
  });

  it('reports a side record that comes after its entity was read', async () => {
    const alt = crlf([
      '306,220,"aka","NATIONAL BANK OF CUBA",-0- ',
      '10689,10711,"aka","SAEED, Hafiz Muhammad",-0- ',
      '36,12,"aka","AERO-CARIBBEAN",-0- ',
    ]);
    const { warnings, byId } = await collect([source('alt.csv', alt), source('sdn.csv', SDN)]);
    expect(byId('36').names).toHaveLength(1);
    expect(warnings[0]).toEqual({
      type: 'warning',
      location: { file: 'alt.csv', line: 3, record: '36' },
      message: 'record for ent_num 36 comes after that entity in sdn.csv (file not in ent_num order); not joined',
    });
  });

  it('reads the consolidated non-SDN set by its cons_* names', async () => {
    const prim = crlf([
      '9639,"HANIYA, Ismail Abdul Salah","individual","NS-PLC",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"DOB 1962; POB Shati."',
    ]);
    const alt = crlf(['9639,9150,"aka","HANIYA, Ismail",-0- ']);
    const add = crlf(['9639,12812,-0- ,"Gaza","Palestinian",-0- ']);
    const { entities } = await collect([source('cons_add.csv', add), source('cons_alt.csv', alt), source('cons_prim.csv', prim)]);
    expect(entities).toHaveLength(1);
    expect(entities[0]).toMatchObject({
      id: 'ofac-sdn:9639',
      schema: 'Person',
      birthDates: [{ kind: 'exact', date: '1962' }],
      birthPlaces: ['Shati'],
      countries: [{ code: 'PS', role: 'address' }],
      addresses: [{ full: 'Gaza, Palestinian', city: 'Gaza', country: 'PS' }],
    });
    expect(entities[0]?.names.map((n) => n.kind)).toEqual(['primary', 'alias_strong']);
  });
});

describe('ofac-csv: a primary file alone', () => {
  it('reads it, and warns that cut Remarks lose their last fragment', async () => {
    const { entities, warnings, byId } = await collect([source('sdn-2024-05-03.csv', SDN)]);
    expect(entities).toHaveLength(6);
    expect(byId('28263').names.map((n) => n.full)).toEqual(['TIAN, Yinyin']);
    expect(byId('28263').notes).toEqual([CUT]);
    expect(warnings.map((w) => [w.location, w.message])).toEqual([
      [
        { file: 'sdn-2024-05-03.csv', line: 6, record: '28263', field: 'Remarks' },
        "Remarks of ent_num 28263 end at OFAC's 1000-character limit; the rest is in the comments file (sdn_comments.csv), which was not given",
      ],
    ]);
  });

  it('reads LF line ends and a file without the end-of-file mark', async () => {
    const lf = SDN.replace(/\r\n/g, '\n').replace('\u001a', '');
    const { entities } = await collect([source('sdn.csv', lf)]);
    expect(entities).toHaveLength(6);
  });
});

describe('ofac-csv: bad input', () => {
  it('warns about rows with the wrong number of fields or a bad ent_num, with file and line, and goes on', async () => {
    const bad = crlf([
      '36,"AEROCARIBBEAN AIRLINES",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ',
      '173,"ANGLO-CARIBBEAN CO., LTD.",-0- ,"CUBA"',
      'X12,"NOT A NUMBER",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ',
      '480,-0- ,-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ',
      '306,"BANCO NACIONAL DE CUBA",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ',
    ]);
    const { entities, warnings } = await collect([source('sdn.csv', bad)]);
    expect(entities.map((e) => e.source.sourceId)).toEqual(['36', '306']);
    expect(warnings.map((w) => [w.location, w.message])).toEqual([
      [{ file: 'sdn.csv', line: 2, record: '173' }, 'expected 12 fields, found 4; record skipped'],
      [{ file: 'sdn.csv', line: 3, field: 'ent_num' }, 'ent_num "X12" is not a number; record skipped'],
      [{ file: 'sdn.csv', line: 4, record: '480', field: 'SDN_Name' }, 'ent_num 480 has no name; record skipped'],
    ]);
  });

  it('fails on a file none of whose records can be read', async () => {
    const e = await failure([source('sdn.csv', crlf(['name,type,program', 'ACME,entity,SDGT']))]);
    expect(e.code).toBe('LIST_PARSE_FAILED');
    expect(e.message).toBe('sdn.csv: not one record could be read as OFAC CSV (2 skipped)');
  });

  it('fails on bytes that are not UTF-8, naming the byte offset', async () => {
    const good = new TextEncoder().encode('36,"AEROCARIBBEAN AIRLINES",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n306,"BANCO ');
    const bytes = new Uint8Array([
      ...good,
      0xc9,
      0x54,
      ...new TextEncoder().encode('",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n'),
    ]);
    const e = await failure([source('sdn.csv', bytes)]);
    expect(e.code).toBe('LIST_PARSE_FAILED');
    expect(e.location).toEqual({ file: 'sdn.csv', offset: good.byteLength });
    expect(e.message).toContain(`sdn.csv: not valid utf-8 text near byte ${good.byteLength}`);
  });

  it('fails on a file cut inside a quoted field, naming the line', async () => {
    const e = await failure([source('sdn.csv', SDN.slice(0, SDN.indexOf('DOB 05 Jun')))]);
    expect(e.code).toBe('LIST_PARSE_FAILED');
    expect(e.location).toEqual({ file: 'sdn.csv', line: 4 });
  });

  it('fails on an empty primary file', async () => {
    const e = await failure([source('sdn.csv', ''), source('alt.csv', ALT)]);
    expect(e.code).toBe('LIST_EMPTY');
    expect(e.message).toBe('sdn.csv: the file holds no OFAC records');
  });

  it('fails on a set with two primary files, naming them', async () => {
    const e = await failure([source('sdn-2024-04-04.csv', SDN), source('sdn-2024-05-03.csv', SDN)]);
    expect(e.code).toBe('LIST_PARSE_FAILED');
    expect(e.message).toContain('sdn-2024-04-04.csv, sdn-2024-05-03.csv');
  });

  it('fails on a set without a primary file', async () => {
    const e = await failure([source('alt.csv', ALT), source('add.csv', ADD)]);
    expect(e.message).toBe('no primary file (sdn.csv / cons_prim.csv) among alt.csv, add.csv');
  });
});

describe('ofac-csv: detect', () => {
  const head = (text: string) => new TextEncoder().encode(text);

  it('knows a primary file by the shape of its first record', () => {
    expect(ofacCsvParser.detect(['sdn-2024-05-03.csv'], head(SDN))).toBe(true);
    expect(ofacCsvParser.detect(['whatever.csv'], head(SDN.slice(SDN.indexOf('10689'))))).toBe(true);
  });

  it('knows a set by its file names and the first file in name order', () => {
    expect(ofacCsvParser.detect(['sdn.csv', 'alt.csv', 'add.csv', 'sdn_comments.csv'], head(ADD))).toBe(true);
    expect(ofacCsvParser.detect(['cons_prim.csv', 'cons_alt.csv', 'cons_add.csv'], head(ADD))).toBe(true);
    expect(detectFormat(['add.csv', 'alt.csv', 'sdn.csv'], head(ADD))).toBe('ofac-csv');
  });

  it('refuses other CSV and XML', () => {
    expect(ofacCsvParser.detect(['list.csv'], head('id,name,type\r\n1,ACME,entity\r\n'))).toBe(false);
    expect(ofacCsvParser.detect(['list.csv'], head('1,2,3,4,5,6,7,8,9,10,11,12\r\n'))).toBe(false);
    expect(ofacCsvParser.detect(['alt.csv', 'add.csv'], head(ADD))).toBe(false);
    expect(ofacCsvParser.detect(['sdn.xml'], head('<?xml version="1.0"?><sdnList/>'))).toBe(false);
    expect(ofacCsvParser.detect([], head(SDN))).toBe(false);
  });
});
