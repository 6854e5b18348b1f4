/** 'ofac-csv': an OFAC SDN or consolidated non-SDN CSV file, alone or as a set (primary + addresses + aliases + Remarks overflow). */

import { countryCode } from '../../model/countries.js';
import type { Entity } from '../../model/entity.js';
import { ArgusError, type ErrorLocation } from '../../model/errors.js';
import type { ByteSource } from '../../text/byte-source.js';
import { readCsv } from '../../text/csv.js';
import { decodeText } from '../../text/decode.js';
import { EntityBuilder } from '../entity-builder.js';
import type { FormatParser, ListParseEvent, ListParseOptions } from '../list-format.js';
import { OFAC_FIELDS, type OfacCsvRole, assignOfacRoles, ofacCsvRole } from './ofac-csv-roles.js';
import { ofacSchema, splitPersonName, splitPrograms } from './ofac-names.js';
import { applyRemarks } from './ofac-remarks.js';

export const OFAC_AUTHORITY = 'OFAC';

/** OFAC cuts the Remarks column at this many characters; the rest goes to the comments file. */
const REMARKS_LIMIT = 1000;

/** One record of a file of the set, its ent_num checked, nulls (`-0-`) as undefined. */
interface Row {
  readonly entNum: number;
  readonly line: number;
  /** Trimmed, `-0-` as undefined. */
  readonly fields: readonly (string | undefined)[];
  /** As written: Remarks and their overflow join mid-word, so their spaces matter. */
  readonly raw: readonly string[];
}

type SideRole = Exclude<OfacCsvRole, 'primary'>;
const SIDE_ROLES: readonly SideRole[] = ['aliases', 'addresses', 'comments'];

type Warn = (location: ErrorLocation, message: string) => void;

/** `-0-` (OFAC's null, often padded: "-0- ") and blanks are no value. */
function value(field: string | undefined): string | undefined {
  const t = field?.trim();
  return t === undefined || t === '' || t === '-0-' ? undefined : t;
}

/** Drops the DOS end-of-file mark (Ctrl-Z) OFAC appends after the last record. */
async function* withoutEofMark(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  for await (const c of chunks) yield c.includes('\u001a') ? c.replaceAll('\u001a', '') : c;
}

/** The checked records of one file; a record with the wrong number of fields or a bad ent_num is a warning. */
async function* rows(file: ByteSource, role: OfacCsvRole, warn: Warn): AsyncGenerator<Row> {
  const expected = OFAC_FIELDS[role];
  const text = withoutEofMark(decodeText(file.open(), file.name));
  for await (const rec of readCsv(text, { file: file.name })) {
    const { fields, line } = rec;
    if (fields.length === 1 && (fields[0] as string).trim() === '') continue;
    const ent = (fields[0] as string).trim();
    if (!/^\d{1,10}$/.test(ent)) {
      warn({ file: file.name, line, field: 'ent_num' }, `ent_num "${ent.slice(0, 20)}" is not a number; record skipped`);
      continue;
    }
    if (fields.length !== expected) {
      warn({ file: file.name, line, record: ent }, `expected ${expected} fields, found ${fields.length}; record skipped`);
      continue;
    }
    yield { entNum: Number(ent), line, fields: fields.map(value), raw: fields };
  }
}

/**
 * Reads one side file in step with the primary. OFAC sorts every file of a set by ent_num, so the
 * join holds one record per file in memory; records that arrive out of that order are kept aside
 * (`early`) until their entity comes, and reported if it never does.
 */
class SideCursor {
  readonly role: SideRole;
  readonly #it: AsyncIterator<Row>;
  #head: Row | undefined;
  #done = false;

  constructor(role: SideRole, file: ByteSource, warn: Warn) {
    this.role = role;
    this.#it = rows(file, role, warn)[Symbol.asyncIterator]();
  }

  async #peek(): Promise<Row | undefined> {
    if (this.#head === undefined && !this.#done) {
      const step = await this.#it.next();
      if (step.done) this.#done = true;
      else this.#head = step.value;
    }
    return this.#head;
  }

  /** Every record up to ent_num `n`: those for `n` are returned, earlier ones handed to `aside`. */
  async takeUpTo(n: number, aside: (row: Row) => void): Promise<Row[]> {
    const out: Row[] = [];
    for (let r = await this.#peek(); r !== undefined && r.entNum <= n; r = await this.#peek()) {
      this.#head = undefined;
      if (r.entNum === n) out.push(r);
      else aside(r);
    }
    return out;
  }

  /** Whatever is left after the primary ended. */
  async *rest(): AsyncGenerator<Row> {
    for (let r = await this.#peek(); r !== undefined; r = await this.#peek()) {
      this.#head = undefined;
      yield r;
    }
  }
}

type Joined = Record<SideRole, Row[]>;

const emptyJoined = (): Joined => ({ aliases: [], addresses: [], comments: [] });

async function* parseOfacCsv(files: readonly ByteSource[], options: ListParseOptions): AsyncGenerator<ListParseEvent> {
  const set = assignOfacRoles(files);
  const queue: ListParseEvent[] = [];
  let skipped = 0;
  const warn: Warn = (location, message) => {
    if (location.file === set.primary.name) skipped++;
    queue.push({ type: 'warning', location, message });
  };
  const early = new Map<number, Joined>();
  const emitted = new Set<number>();
  /** A side record for an ent_num the primary has passed: joined if its entity is still to come, else reported. */
  const aside = (role: SideRole, file: ByteSource) => (row: Row) => {
    if (emitted.has(row.entNum)) {
      warn(
        { file: file.name, line: row.line, record: String(row.entNum) },
        `record for ent_num ${row.entNum} comes after that entity in ${set.primary.name} (file not in ent_num order); not joined`,
      );
      return;
    }
    let j = early.get(row.entNum);
    if (!j) early.set(row.entNum, (j = emptyJoined()));
    j[role].push(row);
  };
  const cursors = SIDE_ROLES.flatMap((role) => {
    const file = set[role];
    return file ? [{ cursor: new SideCursor(role, file, warn), aside: aside(role, file) }] : [];
  });

  let records = 0;
  for await (const row of rows(set.primary, 'primary', warn)) {
    records++;
    const joined = early.get(row.entNum) ?? emptyJoined();
    early.delete(row.entNum);
    for (const { cursor, aside } of cursors) joined[cursor.role].push(...(await cursor.takeUpTo(row.entNum, aside)));
    const entity = ofacCsvEntity(row, joined, options.list, set.primary.name, set.comments !== undefined, warn);
    emitted.add(row.entNum);
    if (queue.length > 0) yield* queue.splice(0);
    if (entity) yield { type: 'entity', entity };
  }
  for (const { cursor, aside } of cursors) for await (const row of cursor.rest()) aside(row);
  for (const [entNum, j] of early) {
    for (const role of SIDE_ROLES) {
      const file = set[role] as ByteSource;
      for (const r of j[role]) {
        warn(
          { file: file.name, line: r.line, record: String(entNum) },
          `no entity with ent_num ${entNum} in ${set.primary.name}; record not joined`,
        );
      }
    }
  }
  if (queue.length > 0) yield* queue.splice(0);
  if (records === 0) {
    const file = set.primary.name;
    if (skipped > 0) {
      throw new ArgusError('LIST_PARSE_FAILED', `${file}: not one record could be read as OFAC CSV (${skipped} skipped)`, {
        location: { file },
      });
    }
    throw new ArgusError('LIST_EMPTY', `${file}: the file holds no OFAC records`, { location: { file } });
  }
}

/** Maps a primary record and the records joined to it; undefined (with a warning) when it has no name. */
function ofacCsvEntity(row: Row, joined: Joined, list: string, file: string, haveComments: boolean, warn: Warn): Entity | undefined {
  const [, name, sdnType, program, title, callSign, vesselType, tonnage, grt, vesselFlag, vesselOwner, remarks] = row.fields;
  const record = String(row.entNum);
  if (!name) {
    warn({ file, line: row.line, record, field: 'SDN_Name' }, `ent_num ${record} has no name; record skipped`);
    return undefined;
  }
  const schema = ofacSchema(sdnType);
  const b = new EntityBuilder(list, record, schema);
  b.name(name, 'primary', schema === 'Person' ? splitPersonName(name) : {});
  for (const p of splitPrograms(program ?? '')) b.sanction({ authority: OFAC_AUTHORITY, program: p });
  b.property('position', title);
  if (callSign) b.identifier({ type: 'call_sign', value: callSign, label: 'Call Sign' });
  b.property('type', vesselType);
  b.property('tonnage', tonnage);
  b.property('grossRegisteredTonnage', grt);
  if (vesselFlag) {
    const code = countryCode(vesselFlag);
    if (code) b.country(code, 'flag');
    else b.property('flag', vesselFlag);
  }
  b.property('owner', vesselOwner);

  for (const a of joined.aliases) {
    // ent_num, alt_num, alt_type (aka / fka / nka), alt_name, alt_remarks: all of alt.csv are OFAC's strong aliases.
    const [, , , altName, altRemarks] = a.fields;
    if (!altName) continue;
    b.name(altName, 'alias_strong', schema === 'Person' ? splitPersonName(altName) : {});
    if (altRemarks) b.note(`${altName}: ${altRemarks}`);
  }
  for (const a of joined.addresses) {
    // ent_num, add_num, address, city/state/postal code, country, add_remarks.
    const [, , street, locality, country, addRemarks] = a.fields;
    const full = [street, locality, country].filter((s) => s !== undefined).join(', ');
    if (full === '') continue;
    const code = country ? countryCode(country) : undefined;
    b.address({
      full,
      ...(street ? { street } : {}),
      // The column mixes city, state and postal code; only a value without digits is surely a city.
      ...(locality && !/\d/.test(locality) ? { city: locality } : {}),
      ...(code ? { country: code } : {}),
    });
    b.country(code, 'address');
    if (addRemarks) b.note(addRemarks);
  }

  let text = remarks === undefined ? '' : (row.raw[11] as string);
  for (const c of joined.comments) if (c.fields[1] !== undefined) text += c.raw[1] as string;
  // A Remarks value at the limit with no closing "." was cut; without its overflow the last fragment is partial.
  const cut = text.length >= REMARKS_LIMIT && joined.comments.length === 0 && !text.trimEnd().endsWith('.');
  if (cut) {
    warn(
      { file, line: row.line, record, field: 'Remarks' },
      haveComments
        ? `Remarks of ent_num ${record} end at OFAC's ${REMARKS_LIMIT}-character limit but the comments file has no continuation; the last fragment is not read`
        : `Remarks of ent_num ${record} end at OFAC's ${REMARKS_LIMIT}-character limit; the rest is in the comments file (sdn_comments.csv), which was not given`,
    );
  }
  applyRemarks(b, text, cut);
  return b.build();
}

/** The first line of the head, split as CSV (quotes honoured); an unfinished last field is dropped. */
function firstLineFields(head: Uint8Array): string[] {
  let text = new TextDecoder('utf-8', { fatal: false }).decode(head.subarray(0, 8192));
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (c === ',') {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      fields.push(field);
      return fields;
    } else field += c;
  }
  return fields;
}

const SDN_TYPES = new Set(['individual', 'vessel', 'aircraft', '-0-', '']);

export const ofacCsvParser: FormatParser = {
  format: 'ofac-csv',
  detect(fileNames, head) {
    const first = [...fileNames].sort()[0];
    if (first === undefined) return false;
    const fields = firstLineFields(head);
    if (!/^\d+$/.test(fields[0]?.trim() ?? '')) return false;
    const role = ofacCsvRole(first);
    if (fields.length !== OFAC_FIELDS[role]) return false;
    if (role === 'primary') return SDN_TYPES.has((fields[2] ?? '').trim().toLowerCase());
    // A set: the first file in name order is a side file, shaped as its role says; the rest are named like a set.
    return fileNames.some((n) => ofacCsvRole(n) === 'primary');
  },
  parse(files, options) {
    return parseOfacCsv(files, options);
  },
};
