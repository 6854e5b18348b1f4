/** 'ofac-xml': OFAC's sdnList XML (SDN.XML, CONS_PRIM.XML; any namespace), streamed one sdnEntry at a time. */

import { countryCode } from '../../model/countries.js';
import type { Entity, NameKind } from '../../model/entity.js';
import { ArgusError, type ErrorLocation } from '../../model/errors.js';
import type { ByteSource } from '../../text/byte-source.js';
import { type XmlNode, childOf, childText, childrenOf, readXmlRecords } from '../../text/xml-records.js';
import { EntityBuilder } from '../entity-builder.js';
import type { FormatParser, ListParseEvent, ListParseOptions } from '../list-format.js';
import { OFAC_AUTHORITY } from './ofac-csv-parser.js';
import { ofacBirthDate, ofacDate } from './ofac-dates.js';
import { ofacSchema } from './ofac-names.js';
import { applyFragment, remarkFragments } from './ofac-remarks.js';

const ROOT = 'sdnList';
/** OFAC's own spelling of the header element, and the corrected one in case it is ever fixed. */
const HEADERS = new Set(['publshInformation', 'publishInformation']);

type Warn = (location: ErrorLocation, message: string) => void;

async function* parseOfacXml(files: readonly ByteSource[], options: ListParseOptions): AsyncGenerator<ListParseEvent> {
  if (files.length !== 1) {
    throw new ArgusError(
      'INPUT_INVALID',
      `the OFAC XML format reads one file; got ${files.length} (${files.map((f) => f.name).join(', ')})`,
      {
        location: { file: files[0]?.name ?? '' },
      },
    );
  }
  const file = files[0] as ByteSource;
  const queue: ListParseEvent[] = [];
  const warn: Warn = (location, message) => queue.push({ type: 'warning', location, message });
  for await (const ev of readXmlRecords(file.open(), {
    file: file.name,
    isRecord: (tag, depth) => depth === 2 && (tag.local === 'sdnEntry' || HEADERS.has(tag.local)),
  })) {
    if (ev.type === 'root') {
      if (ev.tag.local !== ROOT) {
        throw new ArgusError(
          'LIST_PARSE_FAILED',
          `${file.name}: line ${ev.tag.line}: not an OFAC sdnList document (root element <${ev.tag.name}>)`,
          {
            location: { file: file.name, line: ev.tag.line, column: ev.tag.column },
          },
        );
      }
      continue;
    }
    const node = ev.node;
    if (node.local !== 'sdnEntry') {
      yield header(node, file.name, warn);
    } else {
      const entity = ofacXmlEntity(node, options.list, file.name, warn);
      if (entity) {
        if (queue.length > 0) yield* queue.splice(0);
        yield { type: 'entity', entity };
      }
    }
    if (queue.length > 0) yield* queue.splice(0);
  }
}

/** publshInformation: Publish_Date (MM/DD/YYYY) and Record_Count. */
function header(node: XmlNode, file: string, warn: Warn): ListParseEvent {
  const date = childText(node, 'Publish_Date');
  const count = childText(node, 'Record_Count');
  const publishedAt = date ? ofacDate(date) : undefined;
  if (date && !publishedAt) warn({ file, line: node.line, field: 'Publish_Date' }, `Publish_Date "${date}" is not a date`);
  if (count && !/^\d+$/.test(count)) warn({ file, line: node.line, field: 'Record_Count' }, `Record_Count "${count}" is not a number`);
  return {
    type: 'meta',
    ...(publishedAt ? { publishedAt } : {}),
    ...(/^\d+$/.test(count) ? { declaredCount: Number(count) } : {}),
  };
}

/** The items of one of the entry's lists (`<akaList><aka>…`), none when the list is absent. */
function items(node: XmlNode, list: string, item: string): XmlNode[] {
  const l = childOf(node, list);
  return l ? childrenOf(l, item) : [];
}

/** One text field of each item of a list, blanks dropped. */
const texts = (node: XmlNode, list: string, item: string, field: string): { text: string; line: number }[] =>
  items(node, list, item)
    .map((n) => ({ text: childText(n, field), line: n.line }))
    .filter((t) => t.text !== '');

/** Maps one sdnEntry; undefined (with a warning) when it has no uid or no name. */
function ofacXmlEntity(node: XmlNode, list: string, file: string, warn: Warn): Entity | undefined {
  const uid = childText(node, 'uid');
  if (!/^\d+$/.test(uid)) {
    warn(
      { file, line: node.line, field: 'uid' },
      uid ? `sdnEntry uid "${uid.slice(0, 20)}" is not a number; entry skipped` : 'sdnEntry without a uid; entry skipped',
    );
    return undefined;
  }
  const schema = ofacSchema(childText(node, 'sdnType'));
  const first = childText(node, 'firstName');
  const last = childText(node, 'lastName');
  if (!first && !last) {
    warn({ file, line: node.line, record: uid, field: 'lastName' }, `sdnEntry ${uid} has no name; entry skipped`);
    return undefined;
  }
  const b = new EntityBuilder(list, uid, schema);
  addName(b, first, last, 'primary');

  for (const p of items(node, 'programList', 'program')) {
    const program = p.text.trim();
    if (program) b.sanction({ authority: OFAC_AUTHORITY, program });
  }
  b.property('position', childText(node, 'title'));

  for (const aka of items(node, 'akaList', 'aka')) {
    const category = childText(aka, 'category').toLowerCase();
    addName(b, childText(aka, 'firstName'), childText(aka, 'lastName'), category === 'weak' ? 'alias_weak' : 'alias_strong');
  }

  for (const id of items(node, 'idList', 'id')) {
    const type = childText(id, 'idType');
    const number = childText(id, 'idNumber');
    const country = childText(id, 'idCountry');
    if (!type && !number) continue;
    // The idList holds the same labelled facts the CSV writes into Remarks; one reading serves both.
    const fragment = `${type} ${number}${country ? ` (${country})` : ''}`;
    if (!applyFragment(b, fragment) && number) {
      const code = country ? countryCode(country) : undefined;
      b.identifier({ type: 'other', value: number, ...(code ? { country: code } : {}), ...(type ? { label: type } : {}) });
    }
  }

  for (const a of items(node, 'addressList', 'address')) {
    const street = ['address1', 'address2', 'address3'].map((k) => childText(a, k)).filter((s) => s !== '');
    const city = childText(a, 'city');
    const region = childText(a, 'stateOrProvince');
    const postalCode = childText(a, 'postalCode');
    const country = childText(a, 'country');
    const full = [...street, city, region, postalCode, country].filter((s) => s !== '').join(', ');
    if (full === '') continue;
    const code = country ? countryCode(country) : undefined;
    b.address({
      full,
      ...(street.length > 0 ? { street: street.join(', ') } : {}),
      ...(city ? { city } : {}),
      ...(region ? { region } : {}),
      ...(postalCode ? { postalCode } : {}),
      ...(code ? { country: code } : {}),
    });
    b.country(code, 'address');
  }

  for (const n of texts(node, 'nationalityList', 'nationality', 'country')) b.country(countryCode(n.text), 'nationality');
  for (const c of texts(node, 'citizenshipList', 'citizenship', 'country')) b.country(countryCode(c.text), 'citizenship');
  for (const d of texts(node, 'dateOfBirthList', 'dateOfBirthItem', 'dateOfBirth')) {
    const date = ofacBirthDate(d.text);
    if (date) b.birthDate(date);
    else
      warn({ file, line: d.line, record: uid, field: 'dateOfBirth' }, `date of birth "${d.text.slice(0, 40)}" is not a date OFAC writes`);
  }
  for (const p of texts(node, 'placeOfBirthList', 'placeOfBirthItem', 'placeOfBirth')) {
    applyFragment(b, `POB ${p.text}`);
  }

  const vessel = childOf(node, 'vesselInfo');
  if (vessel) {
    const callSign = childText(vessel, 'callSign');
    if (callSign) b.identifier({ type: 'call_sign', value: callSign, label: 'Call Sign' });
    b.property('type', childText(vessel, 'vesselType'));
    const flag = childText(vessel, 'vesselFlag');
    if (flag) {
      const code = countryCode(flag);
      if (code) b.country(code, 'flag');
      else b.property('flag', flag);
    }
    b.property('owner', childText(vessel, 'vesselOwner'));
    b.property('tonnage', childText(vessel, 'tonnage'));
    b.property('grossRegisteredTonnage', childText(vessel, 'grossRegisteredTonnage'));
  }

  // XML remarks are short and often parenthesised: "(Linked To: SUMIYOSHI-KAI)".
  const remarks = childText(node, 'remarks');
  if (remarks) {
    b.note(remarks);
    for (const f of remarkFragments(remarks.replace(/^\((.*)\)$/s, '$1'))) applyFragment(b, f);
  }
  return b.build();
}

/** A name from firstName / lastName: "LAST, First" as the CSV edition writes it, with its parts for people. */
function addName(b: EntityBuilder, first: string, last: string, kind: NameKind): void {
  if (!first && !last) return;
  const full = first && last ? `${last}, ${first}` : last || first;
  const parts = b.schema === 'Person' ? { ...(first ? { given: first } : {}), ...(last ? { family: last } : {}) } : {};
  b.name(full, kind, parts);
}

/** The first element name in the head, past the XML declaration, comments and a DOCTYPE. */
function rootName(head: Uint8Array): string | undefined {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(head);
  const m = /^(?:\uFEFF)?\s*(?:<\?[\s\S]*?\?>\s*|<!--[\s\S]*?-->\s*|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>\s*)*<([A-Za-z_][\w.:-]*)/.exec(
    text,
  );
  return m?.[1];
}

export const ofacXmlParser: FormatParser = {
  format: 'ofac-xml',
  detect(_fileNames, head) {
    const name = rootName(head);
    return name !== undefined && name.slice(name.indexOf(':') + 1) === ROOT;
  },
  parse(files, options) {
    return parseOfacXml(files, options);
  },
};
