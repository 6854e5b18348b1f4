/** 'eu-xml': the EU financial sanctions (FSF) XML export (`export` of sanctionEntity elements), streamed record by record. */

import { ArgusError } from '../../model/errors.js';
import type { ByteSource } from '../../text/byte-source.js';
import { readXmlRecords } from '../../text/xml-records.js';
import type { FormatParser, ListParseEvent, ListParseOptions } from '../list-format.js';
import { mapEuRecord } from './eu-record.js';

/** The root start tag: `export` (possibly prefixed) in an FSD namespace, e.g. http://eu.europa.ec/fpi/fsd/export. */
const ROOT = /<(?:[\w.-]+:)?export\s[^>]*xmlns(?::[\w.-]+)?\s*=\s*["'][^"']*\/fsd\//;

export const euXmlParser: FormatParser = {
  format: 'eu-xml',
  detect(_fileNames, head) {
    return ROOT.test(new TextDecoder('utf-8', { fatal: false }).decode(head));
  },
  parse(files, options) {
    return parseEu(files, options);
  },
};

async function* parseEu(files: readonly ByteSource[], options: ListParseOptions): AsyncGenerator<ListParseEvent> {
  let declared = 0;

  for (const file of files) {
    for await (const ev of readXmlRecords(file.open(), {
      file: file.name,
      isRecord: (tag, depth) => depth === 2 && tag.local === 'sanctionEntity',
    })) {
      if (ev.type === 'root') {
        if (ev.tag.local !== 'export') {
          throw new ArgusError(
            'LIST_PARSE_FAILED',
            `${file.name}: line ${ev.tag.line}: not an EU FSF export (root element <${ev.tag.name}>)`,
            {
              location: { file: file.name, line: ev.tag.line, column: ev.tag.column },
            },
          );
        }
        const generated = ev.tag.attrs.generationDate?.trim();
        if (generated) yield { type: 'meta', publishedAt: generated };
        continue;
      }
      declared++;
      const result = mapEuRecord(ev.node, options.list);
      for (const w of result.warnings) {
        yield {
          type: 'warning',
          location: { file: file.name, line: w.line, record: result.record, ...(w.field ? { field: w.field } : {}) },
          message: w.message,
        };
      }
      if (result.entity) {
        yield { type: 'entity', entity: result.entity };
      }
    }
  }
  // The export states no total; the number of sanctionEntity elements is what it declares.
  yield { type: 'meta', declaredCount: declared };
}
