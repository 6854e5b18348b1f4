import { describe, expect, it } from 'vitest';
import type { Entity } from '../../model/entity.js';
import { ArgusError } from '../../model/errors.js';
import type { ByteSource } from '../../text/byte-source.js';
import { detectFormat } from '../index.js';
import type { ListParseEvent } from '../list-format.js';
import { ofacXmlParser } from './ofac-xml-parser.js';

const XML = `<?xml version="1.0" standalone="yes"?>
<sdnList xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://tempuri.org/sdnList.xsd">
  <publshInformation>
    <Publish_Date>04/22/2020</Publish_Date>
    <Record_Count>4</Record_Count>
  </publshInformation>
  <sdnEntry>
    <uid>10689</uid>
    <firstName>Muhammad</firstName>
    <lastName>SAEED</lastName>
    <sdnType>Individual</sdnType>
    <programList>
      <program>SDGT</program>
    </programList>
    <idList>
      <id>
        <uid>7589</uid>
        <idType>Passport</idType>
        <idNumber>BE5978421</idNumber>
        <idCountry>Pakistan</idCountry>
        <issueDate>14 Nov 2007</issueDate>
      </id>
      <id>
        <uid>7590</uid>
        <idType>Gender</idType>
        <idNumber>Male</idNumber>
      </id>
      <id>
        <uid>7591</uid>
        <idType>Additional Sanctions Information -</idType>
        <idNumber>Subject to Secondary Sanctions</idNumber>
      </id>
      <id>
        <uid>7592</uid>
        <idType>Kennkarte</idType>
        <idNumber>K-1234</idNumber>
        <idCountry>Germany</idCountry>
      </id>
    </idList>
    <akaList>
      <aka>
        <uid>10711</uid>
        <type>a.k.a.</type>
        <category>strong</category>
        <lastName>SAEED</lastName>
        <firstName>Hafiz Muhammad</firstName>
      </aka>
      <aka>
        <uid>10713</uid>
        <type>a.k.a.</type>
        <category>weak</category>
        <lastName>HAFIZ SAHIB</lastName>
      </aka>
      <aka>
        <uid>10720</uid>
        <type>f.k.a.</type>
        <category>strong</category>
        <lastName>SAYEED</lastName>
        <firstName>Hafez</firstName>
      </aka>
    </akaList>
    <addressList>
      <address>
        <uid>15084</uid>
        <address1>House No. 116 E</address1>
        <address2>Mohalla Johar</address2>
        <city>Lahore</city>
        <stateOrProvince>Punjab</stateOrProvince>
        <postalCode>54000</postalCode>
        <country>Pakistan</country>
      </address>
    </addressList>
    <nationalityList>
      <nationality>
        <uid>6116</uid>
        <country>Pakistan</country>
        <mainEntry>true</mainEntry>
      </nationality>
    </nationalityList>
    <citizenshipList>
      <citizenship>
        <uid>6117</uid>
        <country>Korea, North</country>
        <mainEntry>true</mainEntry>
      </citizenship>
    </citizenshipList>
    <dateOfBirthList>
      <dateOfBirthItem>
        <uid>6114</uid>
        <dateOfBirth>05 Jun 1950</dateOfBirth>
        <mainEntry>true</mainEntry>
      </dateOfBirthItem>
      <dateOfBirthItem>
        <dateOfBirth>01 Jan 1976 to 31 Dec 1978</dateOfBirth>
        <mainEntry>false</mainEntry>
      </dateOfBirthItem>
      <dateOfBirthItem>
        <dateOfBirth>circa-1951</dateOfBirth>
        <mainEntry>false</mainEntry>
      </dateOfBirthItem>
      <dateOfBirthItem>
        <dateOfBirth>Apr 1961</dateOfBirth>
        <mainEntry>false</mainEntry>
      </dateOfBirthItem>
      <dateOfBirthItem>
        <dateOfBirth>the year of the flood</dateOfBirth>
        <mainEntry>false</mainEntry>
      </dateOfBirthItem>
    </dateOfBirthList>
    <placeOfBirthList>
      <placeOfBirthItem>
        <uid>6115</uid>
        <placeOfBirth>Sargodha, Punjab, Pakistan</placeOfBirth>
        <mainEntry>true</mainEntry>
      </placeOfBirthItem>
    </placeOfBirthList>
  </sdnEntry>
  <sdnEntry>
    <uid>4243</uid>
    <lastName>EBANO</lastName>
    <sdnType>Vessel</sdnType>
    <remarks>(Linked To: SAMIR DE NAVEGACION S.A.)</remarks>
    <programList>
      <program>CUBA</program>
      <program>SDGT</program>
    </programList>
    <idList>
      <id>
        <idType>Vessel Registration Identification</idType>
        <idNumber>IMO 7406784</idNumber>
      </id>
      <id>
        <idType>MMSI</idType>
        <idNumber>572469210</idNumber>
      </id>
    </idList>
    <vesselInfo>
      <callSign>P3QG3</callSign>
      <vesselType>General Cargo</vesselType>
      <vesselFlag>Panama</vesselFlag>
      <vesselOwner>Samir de Navegacion S.A.</vesselOwner>
      <tonnage>2595</tonnage>
      <grossRegisteredTonnage>1865</grossRegisteredTonnage>
    </vesselInfo>
  </sdnEntry>
  <sdnEntry>
    <lastName>NO UID &amp; CO.</lastName>
    <sdnType>Entity</sdnType>
  </sdnEntry>
  <sdnEntry>
    <uid>7</uid>
    <lastName>TROLL PROPERTIES, INC.</lastName>
    <sdnType>Entity</sdnType>
    <title>Front company &amp; "holding"</title>
  </sdnEntry>
</sdnList>
`;

/** The 1-based line of the first occurrence of `text` in the fixture. */
const lineOf = (doc: string, text: string) => doc.slice(0, doc.indexOf(text)).split('\n').length;

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

async function collect(text: string | Uint8Array, chunk?: number) {
  const entities: Entity[] = [];
  const warnings: Extract<ListParseEvent, { type: 'warning' }>[] = [];
  const metas: Extract<ListParseEvent, { type: 'meta' }>[] = [];
  for await (const ev of ofacXmlParser.parse([source('sdn.xml', text, chunk)], { list: 'ofac-sdn' })) {
    if (ev.type === 'entity') entities.push(ev.entity);
    else if (ev.type === 'warning') warnings.push(ev);
    else metas.push(ev);
  }
  return { entities, warnings, metas };
}

async function failure(text: string | Uint8Array): Promise<ArgusError> {
  try {
    await collect(text);
  } catch (e) {
    if (e instanceof ArgusError) return e;
    throw e;
  }
  throw new Error('expected the parse to fail');
}

describe('ofac-xml', () => {
  it('reads the publication date and record count as meta', async () => {
    const { metas } = await collect(XML);
    expect(metas).toEqual([{ type: 'meta', publishedAt: '2020-04-22', declaredCount: 4 }]);
  });

  it('reads a person: names with parts, strong and weak aliases, ids, dates, places and countries', async () => {
    const { entities } = await collect(XML);
    const p = entities[0] as Entity;
    expect(p.id).toBe('ofac-sdn:10689');
    expect(p.schema).toBe('Person');
    expect(p.names.map((n) => [n.full, n.kind, n.given, n.family])).toEqual([
      ['SAEED, Muhammad', 'primary', 'Muhammad', 'SAEED'],
      ['SAEED, Hafiz Muhammad', 'alias_strong', 'Hafiz Muhammad', 'SAEED'],
      ['HAFIZ SAHIB', 'alias_weak', undefined, 'HAFIZ SAHIB'],
      ['SAYEED, Hafez', 'alias_strong', 'Hafez', 'SAYEED'],
    ]);
    expect(p.identifiers).toEqual([
      { type: 'passport', value: 'BE5978421', country: 'PK', label: 'Passport' },
      { type: 'other', value: 'K-1234', country: 'DE', label: 'Kennkarte' },
    ]);
    expect(p.gender).toBe('male');
    expect(p.properties).toEqual({ sanctionsInfo: ['Additional Sanctions Information - Subject to Secondary Sanctions'] });
    expect(p.birthDates).toEqual([
      { kind: 'exact', date: '1950-06-05' },
      { kind: 'between', from: '1976-01-01', to: '1978-12-31' },
      { kind: 'approximate', date: '1951' },
      { kind: 'exact', date: '1961-04' },
    ]);
    expect(p.birthPlaces).toEqual(['Sargodha, Punjab, Pakistan']);
    expect(p.addresses).toEqual([
      {
        full: 'House No. 116 E, Mohalla Johar, Lahore, Punjab, 54000, Pakistan',
        street: 'House No. 116 E, Mohalla Johar',
        city: 'Lahore',
        region: 'Punjab',
        postalCode: '54000',
        country: 'PK',
      },
    ]);
    expect(p.countries).toEqual([
      { code: 'PK', role: 'address' },
      { code: 'PK', role: 'nationality' },
      { code: 'KP', role: 'citizenship' },
      { code: 'PK', role: 'birth' },
    ]);
    expect(p.sanctions).toEqual([{ authority: 'OFAC', program: 'SDGT' }]);
  });

  it('reads a vessel: vesselInfo, IMO and MMSI, programs and linked remarks', async () => {
    const { entities } = await collect(XML);
    const v = entities[1] as Entity;
    expect(v.schema).toBe('Vessel');
    expect(v.identifiers).toEqual([
      { type: 'imo', value: '7406784', label: 'Vessel Registration Identification' },
      { type: 'mmsi', value: '572469210', label: 'MMSI' },
      { type: 'call_sign', value: 'P3QG3', label: 'Call Sign' },
    ]);
    expect(v.countries).toEqual([{ code: 'PA', role: 'flag' }]);
    expect(v.properties).toEqual({
      type: ['General Cargo'],
      owner: ['Samir de Navegacion S.A.'],
      tonnage: ['2595'],
      grossRegisteredTonnage: ['1865'],
      linkedTo: ['SAMIR DE NAVEGACION S.A.'],
    });
    expect(v.notes).toEqual(['(Linked To: SAMIR DE NAVEGACION S.A.)']);
    expect(v.sanctions.map((s) => s.program)).toEqual(['CUBA', 'SDGT']);
  });

  it('warns about an entry without uid and a date of birth it cannot read, with their lines', async () => {
    const { entities, warnings } = await collect(XML);
    expect(entities.map((e) => e.id)).toEqual(['ofac-sdn:10689', 'ofac-sdn:4243', 'ofac-sdn:7']);
    expect(entities[2]?.schema).toBe('Organization');
    expect(entities[2]?.properties.position).toEqual(['Front company & "holding"']);
    expect(warnings.map((w) => [w.location, w.message])).toEqual([
      [
        { file: 'sdn.xml', line: lineOf(XML, '<dateOfBirthItem>\n        <dateOfBirth>the year'), record: '10689', field: 'dateOfBirth' },
        'date of birth "the year of the flood" is not a date OFAC writes',
      ],
      [{ file: 'sdn.xml', line: lineOf(XML, '<sdnEntry>\n    <lastName>NO UID'), field: 'uid' }, 'sdnEntry without a uid; entry skipped'],
    ]);
  });

  it('gives the same events whatever the chunk size', async () => {
    const big = await collect(XML);
    for (const chunk of [1, 3, 100]) expect(await collect(XML, chunk)).toEqual(big);
  });

  it('reads a prefixed root and the newer namespace', async () => {
    const prefixed = XML.replace(
      '<sdnList xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://tempuri.org/sdnList.xsd">',
      '<s:sdnList xmlns:s="https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/XML">',
    ).replace('</sdnList>', '</s:sdnList>');
    const { entities } = await collect(prefixed);
    expect(entities).toHaveLength(3);
  });
});

describe('ofac-xml: bad input', () => {
  it('fails on malformed XML, naming line and column', async () => {
    const bad = XML.replace('<lastName>EBANO</lastName>', '<lastName>EBANO</lastname>');
    const line = lineOf(bad, 'EBANO</lastname>');
    const e = await failure(bad);
    expect(e.code).toBe('LIST_PARSE_FAILED');
    // The column of the "<" of the mismatched end tag: 4 spaces, <lastName> (10), EBANO (5), then "<".
    expect(e.location).toEqual({ file: 'sdn.xml', line, column: 20 });
    expect(e.message).toMatch(new RegExp(`^sdn\\.xml: line ${line}:20: malformed XML: </lastname> does not close <lastName>`));
  });

  it('fails on a truncated file whose root never closes', async () => {
    const e = await failure(XML.slice(0, XML.indexOf('<sdnEntry>', 1000)));
    expect(e.code).toBe('LIST_PARSE_FAILED');
    expect(e.message).toContain('truncated');
    expect(e.location?.file).toBe('sdn.xml');
  });

  it('fails on bytes that are not UTF-8, naming the byte offset', async () => {
    const good = new TextEncoder().encode(XML.slice(0, XML.indexOf('SAEED')));
    const e = await failure(new Uint8Array([...good, 0xff, 0xfe, ...new TextEncoder().encode(XML.slice(XML.indexOf('SAEED')))]));
    expect(e.code).toBe('LIST_PARSE_FAILED');
    expect(e.location).toEqual({ file: 'sdn.xml', offset: good.byteLength });
  });

  it('fails on an empty file', async () => {
    const e = await failure('');
    expect(e.code).toBe('LIST_PARSE_FAILED');
    expect(e.location?.file).toBe('sdn.xml');
  });

  it('fails on another XML document, naming its root', async () => {
    const e = await failure('<?xml version="1.0"?>\n<CONSOLIDATED_LIST><INDIVIDUALS/></CONSOLIDATED_LIST>');
    expect(e.message).toBe('sdn.xml: line 2: not an OFAC sdnList document (root element <CONSOLIDATED_LIST>)');
  });
});

describe('ofac-xml: detect', () => {
  const head = (text: string) => new TextEncoder().encode(text);
  it('knows the sdnList root past a BOM, declaration, comments and prefixes', () => {
    expect(ofacXmlParser.detect(['sdn.xml'], head(XML))).toBe(true);
    expect(ofacXmlParser.detect(['x'], head('\uFEFF<?xml version="1.0"?>\n<!-- OFAC -->\n<sdnList>'))).toBe(true);
    expect(ofacXmlParser.detect(['x'], head('<o:sdnList xmlns:o="urn:x">'))).toBe(true);
    expect(detectFormat(['sdn.xml'], head(XML))).toBe('ofac-xml');
  });

  it('refuses other roots and CSV', () => {
    expect(ofacXmlParser.detect(['x.xml'], head('<?xml version="1.0"?><CONSOLIDATED_LIST>'))).toBe(false);
    expect(ofacXmlParser.detect(['x.xml'], head('<?xml version="1.0"?><sdnListing>'))).toBe(false);
    expect(ofacXmlParser.detect(['sdn.csv'], head('36,"AEROCARIBBEAN AIRLINES",-0- ,"CUBA"'))).toBe(false);
  });
});
