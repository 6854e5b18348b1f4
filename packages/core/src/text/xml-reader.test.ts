import { describe, expect, it } from 'vitest';
import { ArgusError } from '../model/errors.js';
import { XmlReader } from './xml-reader.js';
import { readXmlRecords, xmlEncoding } from './xml-records.js';

/** Runs the reader over `xml` cut into chunks of `size` characters; returns a flat trace of what it reported. */
function trace(xml: string, size = 1 << 20): string[] {
  const out: string[] = [];
  const reader = new XmlReader('t.xml', {
    openTag: (t) =>
      out.push(
        `<${t.name}${Object.entries(t.attrs)
          .map(([k, v]) => ` ${k}=${JSON.stringify(v)}`)
          .join('')}${t.selfClosing ? '/' : ''}@${t.line}:${t.column}`,
      ),
    closeTag: (name) => out.push(`</${name}`),
    text: (text) => {
      if (text.trim()) out.push(JSON.stringify(text));
    },
  });
  for (let i = 0; i < xml.length; i += size) reader.write(xml.slice(i, i + size));
  reader.end();
  return out;
}

function fault(xml: string, size?: number): ArgusError {
  try {
    trace(xml, size);
  } catch (e) {
    if (e instanceof ArgusError) return e;
    throw e;
  }
  throw new Error('expected a parse error');
}

describe('XmlReader', () => {
  const doc = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE list [ <!ENTITY x "expanded"> ]>',
    '<!-- a comment with <tags> & ampersands -->',
    '<a:root xmlns:a="urn:x" b=\'1 > 0\' c="&lt;&amp;&#65;&#x42;&quot;">',
    '  <item n="1">fish &amp; chips</item>',
    '  <empty/>',
    '  <data><![CDATA[<raw> & ]]>tail</data>',
    '</a:root>',
  ].join('\n');
  const expected = [
    '<a:root xmlns:a="urn:x" b="1 > 0" c="<&AB\\""@4:1',
    '<item n="1"@5:3',
    '"fish & chips"',
    '</item',
    '<empty/@6:3',
    '</empty',
    '<data@7:3',
    '"<raw> & tail"',
    '</data',
    '</a:root',
  ];

  it('reports tags with attributes and positions, decoded text and CDATA; skips declarations, comments and DOCTYPE', () => {
    expect(trace(doc)).toEqual(expected);
  });

  it('gives the same result whatever the chunk boundaries', () => {
    for (const size of [1, 2, 3, 5, 8, 13]) expect(trace(doc, size)).toEqual(expected);
  });

  it('never expands entities a DOCTYPE declares', () => {
    const e = fault('<!DOCTYPE r [ <!ENTITY x "boom"> ]><r>&x;</r>');
    expect(e.message).toMatch(/unknown entity "&x;"/);
  });

  it.each([
    ['<r><a></b></r>', 1, 7, /<\/b> does not close <a>/],
    ['<r>\n  <a>fish & chips</a>\n</r>', 2, 11, /bare "&"/],
    ['<r a="1" a="2"/>', 1, 1, /attribute "a" appears twice/],
    ['<r a=1/>', 1, 1, /malformed attribute/],
    ['<r/><s/>', 1, 5, /after the root element has closed/],
    ['text<r/>', 1, 1, /character data outside the root element/],
    ['<r>\n<a>\n', 3, 1, /ends before <a> \(line 2\) is closed/],
    ['<r><a', 1, 4, /ends inside a tag/],
    ['', 1, 1, /no root element/],
    ['<1r/>', 1, 1, /not a valid element name/],
  ])('rejects %j at line %i, column %i', (xml, line, column, message) => {
    for (const size of [1, 1000]) {
      const e = fault(xml, size);
      expect(e.code).toBe('LIST_PARSE_FAILED');
      expect(e.message).toMatch(message);
      expect(e.location).toEqual({ file: 't.xml', line, column });
    }
  });
});

describe('readXmlRecords', () => {
  const bytes = (s: string | Uint8Array, size = 3) => {
    const b = typeof s === 'string' ? new TextEncoder().encode(s) : s;
    return (async function* () {
      for (let i = 0; i < b.length; i += size) yield b.subarray(i, i + size);
    })();
  };

  it('yields the root tag, then each record as a small tree', async () => {
    const xml = '<list date="2024"><group><rec id="1"><name>A</name><alias q="low">B</alias></rec><rec id="2"/></group></list>';
    const out = [];
    for await (const ev of readXmlRecords(bytes(xml), { file: 'l.xml', isRecord: (t, depth) => depth === 3 && t.local === 'rec' }))
      out.push(ev);
    expect(out.map((e) => e.type)).toEqual(['root', 'record', 'record']);
    const [root, first] = out;
    expect(root?.type === 'root' && root.tag.attrs.date).toBe('2024');
    if (first?.type !== 'record') throw new Error('record expected');
    expect(first.node.attrs).toEqual({ id: '1' });
    expect(first.node.children.map((c) => [c.local, c.text, c.attrs])).toEqual([
      ['name', 'A', {}],
      ['alias', 'B', { q: 'low' }],
    ]);
  });

  it('decodes the encoding the declaration names', async () => {
    const latin1 = Uint8Array.from([
      ...new TextEncoder().encode('<?xml version="1.0" encoding="ISO-8859-1"?><r><n>Jos'),
      0xe9,
      ...new TextEncoder().encode('</n></r>'),
    ]);
    const out = [];
    for await (const ev of readXmlRecords(bytes(latin1), { file: 'l.xml', isRecord: (t) => t.local === 'n' })) out.push(ev);
    expect(out[1]?.type === 'record' && out[1].node.text).toBe('José');
  });

  it('refuses an encoding it does not read', () => {
    expect(xmlEncoding(new TextEncoder().encode('<?xml version="1.0" encoding="EBCDIC-037"?>'))).toEqual({ unsupported: 'EBCDIC-037' });
    expect(xmlEncoding(new TextEncoder().encode('<r/>'))).toBe('utf-8');
  });
});
