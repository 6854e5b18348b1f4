/** 'argus-csv': an agency's own list as a CSV file with the columns documented in docs/lists.md. */

import { ArgusError, type ErrorLocation } from '../../model/errors.js';
import type { ByteSource } from '../../text/byte-source.js';
import { readCsv } from '../../text/csv.js';
import { decodeText } from '../../text/decode.js';
import { EntityBuilder, clean } from '../entity-builder.js';
import type { FormatParser, ListParseEvent, ListParseOptions } from '../list-format.js';
import { AGENCY_COLUMNS, type AgencyColumn, type AgencyRow, REQUIRED_COLUMNS, addAgencyRow, agencySchema } from './agency-row.js';

/** Header cells as written ("Given Name", "birth-date") → the documented column name. */
function columnKey(header: string): string {
  return clean(header.replace(/^\uFEFF/, ''))
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

const isColumn = (key: string): key is AgencyColumn => (AGENCY_COLUMNS as readonly string[]).includes(key);

/**
 * Streams rows. Rows that follow each other with the same id are one entity (a second row adds a
 * name, an identifier, an address…), so memory holds one entity at a time; the same id again further
 * down is a separate record, which the import reports as a duplicate. The file must be UTF-8: an
 * agency list is written by people, and a mis-encoded name must stop the import, not be guessed at.
 */
async function* parseAgency(files: readonly ByteSource[], options: ListParseOptions): AsyncGenerator<ListParseEvent> {
  for (const file of files) {
    let columns: (AgencyColumn | undefined)[] | undefined;
    let current: { entity: EntityBuilder; line: number } | undefined;
    let rows = 0;
    const at = (line: number, extra: Partial<ErrorLocation> = {}): ErrorLocation => ({ file: file.name, line, ...extra });

    for await (const rec of readCsv(decodeText(file.open(), file.name), { file: file.name })) {
      if (!columns) {
        const keys = rec.fields.map(columnKey);
        const missing = REQUIRED_COLUMNS.filter((c) => !keys.includes(c));
        if (missing.length > 0) {
          throw new ArgusError(
            'LIST_PARSE_FAILED',
            `${file.name}: line ${rec.line}: the header lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (an argus-csv list needs ${REQUIRED_COLUMNS.join(', ')})`,
            { location: at(rec.line) },
          );
        }
        columns = keys.map((k) => (isColumn(k) ? k : undefined));
        for (const [i, k] of keys.entries()) {
          if (!isColumn(k)) {
            const original = clean(rec.fields[i]);
            yield {
              type: 'warning',
              location: at(rec.line, { field: original }),
              message: `unknown column "${original}" is ignored (documented columns: ${AGENCY_COLUMNS.join(', ')})`,
            };
          }
        }
        continue;
      }

      rows++;
      if (rec.fields.length > columns.length) {
        yield {
          type: 'warning',
          location: at(rec.line),
          message: `the row has ${rec.fields.length} fields, the header ${columns.length}; the extra fields are ignored`,
        };
      }
      const row: Partial<Record<AgencyColumn, string>> = {};
      for (const [i, c] of columns.entries()) if (c) row[c] = rec.fields[i] ?? '';

      const id = clean(row.id);
      if (id === '') {
        yield { type: 'warning', location: at(rec.line, { field: 'id' }), message: 'the row has no id; not imported' };
        continue;
      }
      if (clean(row.name) === '' && clean(row.given_name) === '' && clean(row.family_name) === '') {
        yield { type: 'warning', location: at(rec.line, { record: id, field: 'name' }), message: `row ${id} has no name; not imported` };
        continue;
      }
      const schema = agencySchema(row.schema);
      if (!schema) {
        yield {
          type: 'warning',
          location: at(rec.line, { record: id, field: 'schema' }),
          message: `schema "${clean(row.schema)}" is not one of Person, Organization, Company, Vessel, Aircraft, LegalEntity; row not imported`,
        };
        continue;
      }

      if (current && current.entity.sourceId !== id) {
        yield { type: 'entity', entity: current.entity.build() };
        current = undefined;
      }
      if (!current) {
        current = { entity: new EntityBuilder(options.list, id, schema), line: rec.line };
      } else if (clean(row.schema) !== '' && schema !== current.entity.schema) {
        yield {
          type: 'warning',
          location: at(rec.line, { record: id, field: 'schema' }),
          message: `row ${id} says ${schema}, its first row (line ${current.line}) ${current.entity.schema}; the first is kept`,
        };
      }
      for (const p of addAgencyRow(current.entity, row as AgencyRow, options.list)) {
        yield { type: 'warning', location: at(rec.line, { record: id, field: p.field }), message: `${p.message}; value ignored` };
      }
    }
    if (!columns)
      throw new ArgusError('LIST_PARSE_FAILED', `${file.name}: the file is empty`, { location: { file: file.name, offset: 0 } });
    if (current) yield { type: 'entity', entity: current.entity.build() };
    if (rows === 0) yield { type: 'warning', location: { file: file.name }, message: 'the file has a header and no rows' };
  }
}

/** The header line names at least the required columns (id, schema, name), in any order and case. */
function detect(_fileNames: readonly string[], head: Uint8Array): boolean {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(head);
  const header = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  if (header.trimStart().startsWith('{') || header.trimStart().startsWith('<')) return false;
  const keys = header.split(',').map((h) => columnKey(h.replace(/^"|"$/g, '')));
  return REQUIRED_COLUMNS.every((c) => keys.includes(c));
}

export const argusCsvParser: FormatParser = {
  format: 'argus-csv',
  detect,
  parse: (files, options) => parseAgency(files, options),
};
