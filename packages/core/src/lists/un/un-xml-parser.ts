/** 'un-xml': the UN Security Council consolidated list (CONSOLIDATED_LIST of INDIVIDUALS and ENTITIES), streamed record by record. */

import { ArgusError } from '../../model/errors.js';
import type { ByteSource } from '../../text/byte-source.js';
import { readXmlRecords } from '../../text/xml-records.js';
import type { FormatParser, ListParseEvent, ListParseOptions } from '../list-format.js';
import { mapUnRecord } from './un-record.js';

const ROOT = 'CONSOLIDATED_LIST';

/** The first bytes as text, lossily: enough to see the root element. */
function headText(head: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: false }).decode(head);
}

export const unXmlParser: FormatParser = {
  format: 'un-xml',
  detect(_fileNames, head) {
    return new RegExp(`<${ROOT}[\\s>/]`).test(headText(head));
  },
  parse(files, options) {
    return parseUn(files, options);
  },
};

async function* parseUn(files: readonly ByteSource[], options: ListParseOptions): AsyncGenerator<ListParseEvent> {
  const declared = { Person: 0, Organization: 0 };
  for (const file of files) {
    for await (const ev of readXmlRecords(file.open(), {
      file: file.name,
      // CONSOLIDATED_LIST > INDIVIDUALS > INDIVIDUAL, CONSOLIDATED_LIST > ENTITIES > ENTITY
      isRecord: (tag, depth) => depth === 3 && (tag.local === 'INDIVIDUAL' || tag.local === 'ENTITY'),
    })) {
      if (ev.type === 'root') {
        if (ev.tag.local !== ROOT) {
          throw new ArgusError(
            'LIST_PARSE_FAILED',
            `${file.name}: line ${ev.tag.line}: not a UN consolidated list (root element <${ev.tag.name}>)`,
            {
              location: { file: file.name, line: ev.tag.line, column: ev.tag.column },
            },
          );
        }
        const generated = ev.tag.attrs.dateGenerated?.trim();
        if (generated) yield { type: 'meta', publishedAt: generated };
        continue;
      }
      const node = ev.node;
      if (node.local === 'INDIVIDUAL') declared.Person++;
      else declared.Organization++;
      const result = mapUnRecord(node, options.list);
      for (const w of result.warnings) {
        yield {
          type: 'warning',
          location: { file: file.name, line: w.line, record: result.record, ...(w.field ? { field: w.field } : {}) },
          message: w.message,
        };
      }
      if (result.entity) yield { type: 'entity', entity: result.entity };
    }
  }
  // The file states no totals; the number of INDIVIDUAL and ENTITY elements is what it declares.
  yield { type: 'meta', declaredCount: declared.Person + declared.Organization, declaredBySchema: { ...declared } };
}
