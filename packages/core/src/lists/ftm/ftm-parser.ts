/** 'ftm-json': OpenSanctions FollowTheMoney entities as JSON lines (`entities.ftm.json`). */

import type { Address } from '../../model/entity.js';
import { entityId } from '../../model/entity.js';
import type { ErrorLocation } from '../../model/errors.js';
import type { ByteSource } from '../../text/byte-source.js';
import { readJsonLines } from '../../text/json-lines.js';
import type { FormatParser, ListParseEvent, ListParseOptions } from '../list-format.js';
import { type FtmAttachment, ftmAddress, ftmDocument, ftmEntity, ftmSanction } from './ftm-entity.js';
import { FTM_EDGES, FTM_ENTITY_SCHEMAS } from './ftm-model.js';
import { type FtmRecord, all, first, peekSchema, readFtmRecord } from './ftm-record.js';

/** An attachment waiting for its entity, with where it came from (for the warning if the entity never comes). */
interface Pending {
  readonly attachment: FtmAttachment | { readonly kind: 'link'; readonly key: string; readonly other: string };
  readonly from: ErrorLocation & { readonly schema: string; readonly id: string };
}

interface Collected {
  /** Keyed by the id of the entity the records are about. */
  readonly pending: Map<string, Pending[]>;
  readonly addresses: Map<string, Address>;
  readonly positions: Map<string, string>;
}

const isEntitySchema = (schema: string | undefined): boolean => schema !== undefined && FTM_ENTITY_SCHEMAS[schema] !== undefined;

/**
 * Two passes over the bytes, because FtM references run both ways (a Sanction names its `entity`, a
 * Person names its `addressEntity`) and either may come first. Pass 1 reads only the secondary
 * records (Sanction, Passport, Identification, Address, Note, Position and relationship edges) and
 * keeps what they say keyed by the entity they are about; pass 2 reads the parties and emits each one
 * at once with its attachments. Memory is bounded by the secondary records, never by the parties
 * (the bulk of a large export), and each line is JSON-parsed in one pass only: the other pass tells
 * it apart by a look at its raw `"schema"` key. The price is reading the bytes twice.
 */
async function* parseFtm(files: readonly ByteSource[], options: ListParseOptions): AsyncGenerator<ListParseEvent> {
  const collected: Collected = { pending: new Map(), addresses: new Map(), positions: new Map() };
  for (const file of files) yield* collect(file, collected);
  for (const file of files) yield* emit(file, collected, options.list);

  // What secondary records said about entities that never came is reported, not lost quietly.
  for (const [target, items] of collected.pending) {
    for (const { attachment, from } of items) {
      if (attachment.kind === 'link') continue; // the other end of a relationship may be outside the list
      yield warning(from, `${from.schema} ${from.id} is about entity ${target}, which is not in the list; not imported`);
    }
  }
}

function warning(location: ErrorLocation, message: string): ListParseEvent {
  return { type: 'warning', location, message };
}

async function* collect(file: ByteSource, into: Collected): AsyncGenerator<ListParseEvent> {
  const attach = (target: string, item: Pending) => {
    const list = into.pending.get(target);
    if (list) list.push(item);
    else into.pending.set(target, [item]);
  };
  for await (const l of readJsonLines(file, { skip: (text) => isEntitySchema(peekSchema(text)) })) {
    if (!l.ok) {
      // The second pass skips lines that show a secondary schema, so their faults are reported here.
      if (peekSchema(l.text) !== undefined) yield warning({ file: file.name, line: l.line }, `${l.message}; line skipped`);
      continue;
    }
    const read = readFtmRecord(l.value);
    if (typeof read === 'string') {
      if (peekSchema(l.text) !== undefined) yield warning({ file: file.name, line: l.line }, `${read}; line skipped`);
      continue;
    }
    if (isEntitySchema(read.record.schema)) continue;
    const { record, problems } = read;
    const from = { file: file.name, line: l.line, record: record.id, schema: record.schema, id: record.id };
    const where: ErrorLocation = { file: file.name, line: l.line, record: record.id };
    for (const p of problems) yield warning(where, p);

    switch (record.schema) {
      case 'Sanction': {
        const sanction = ftmSanction(record);
        const targets = all(record, 'entity');
        if (targets.length === 0) yield warning(where, `Sanction ${record.id} names no entity; not imported`);
        for (const t of targets) attach(t, { attachment: { kind: 'sanction', sanction }, from });
        break;
      }
      case 'Passport':
      case 'Identification': {
        const doc = ftmDocument(record);
        if (typeof doc === 'string') {
          yield warning({ ...where, field: 'number' }, `${doc}; not imported`);
          break;
        }
        const holders = all(record, 'holder');
        if (holders.length === 0) yield warning(where, `${record.schema} ${record.id} names no holder; not imported`);
        for (const h of holders) attach(h, { attachment: { kind: 'identifier', identifier: doc }, from });
        break;
      }
      case 'Address': {
        const address = ftmAddress(record);
        if (address) into.addresses.set(record.id, address);
        else yield warning(where, `Address ${record.id} is empty; not imported`);
        break;
      }
      case 'Note': {
        const text = [first(record, 'summary'), first(record, 'description')].filter(Boolean).join('\n');
        for (const t of all(record, 'entity')) attach(t, { attachment: { kind: 'note', note: text }, from });
        break;
      }
      case 'Position':
        into.positions.set(record.id, record.caption ?? first(record, 'name') ?? record.id);
        break;
      default: {
        const edge = FTM_EDGES[record.schema];
        if (!edge) {
          yield warning(where, `schema ${record.schema} is neither a party nor about one; record ${record.id} not imported`);
          break;
        }
        linkEnds(record, edge, attach, from);
      }
    }
  }
}

/** A relationship as a property on each end naming the other (`Ownership.asset` on the owner, `Ownership.owner` on the asset). */
function linkEnds(
  record: FtmRecord,
  [sourceProp, targetProp]: readonly [string, string],
  attach: (target: string, item: Pending) => void,
  from: Pending['from'],
): void {
  for (const s of all(record, sourceProp)) {
    for (const t of all(record, targetProp)) {
      attach(s, { attachment: { kind: 'link', key: `${record.schema}.${targetProp}`, other: t }, from });
      attach(t, { attachment: { kind: 'link', key: `${record.schema}.${sourceProp}`, other: s }, from });
    }
  }
}

async function* emit(file: ByteSource, collected: Collected, list: string): AsyncGenerator<ListParseEvent> {
  const skip = (text: string) => {
    const schema = peekSchema(text);
    return schema !== undefined && !isEntitySchema(schema);
  };
  for await (const l of readJsonLines(file, { skip })) {
    const where: ErrorLocation = { file: file.name, line: l.line };
    if (!l.ok) {
      yield warning(where, `${l.message}; line skipped`);
      continue;
    }
    const read = readFtmRecord(l.value);
    if (typeof read === 'string') {
      yield warning(where, `${read}; line skipped`);
      continue;
    }
    const { record, problems } = read;
    const schema = FTM_ENTITY_SCHEMAS[record.schema];
    if (!schema) continue; // a secondary record: the first pass read it
    const at: ErrorLocation = { ...where, record: record.id };
    for (const p of problems) yield warning(at, p);

    const pending = collected.pending.get(record.id) ?? [];
    collected.pending.delete(record.id);
    const attachments: FtmAttachment[] = pending.map(({ attachment: a }) => {
      if (a.kind !== 'link') return a;
      const position = a.key === 'Occupancy.post' ? collected.positions.get(a.other) : undefined;
      return position !== undefined
        ? { kind: 'property', key: 'position', value: position }
        : { kind: 'property', key: a.key, value: entityId(list, a.other) };
    });
    const warnings: ListParseEvent[] = [];
    const draft = ftmEntity(record, schema, {
      list,
      addresses: collected.addresses,
      attachments,
      warn: (field, message) => warnings.push(warning({ ...at, field }, message)),
    });
    yield* warnings;
    if (draft.nameCount === 0) continue; // warned: an entity without a name cannot be screened
    yield { type: 'entity', entity: draft.build() };
  }
}

/** FtM JSON lines: the first record is an object with a plain `"schema"` key and `"properties"` or `"id"`. */
function detect(_fileNames: readonly string[], head: Uint8Array): boolean {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(head).replace(/^\uFEFF/, '');
  const firstLine = text.trimStart().split('\n', 1)[0] ?? '';
  if (!firstLine.startsWith('{') || /"RECORD_ID"\s*:/.test(firstLine)) return false;
  const schema = peekSchema(firstLine);
  return schema !== undefined && /^[A-Z][A-Za-z]+$/.test(schema) && /"(properties|id)"\s*:/.test(firstLine);
}

export const ftmJsonParser: FormatParser = {
  format: 'ftm-json',
  detect,
  parse: (files, options) => parseFtm(files, options),
};
