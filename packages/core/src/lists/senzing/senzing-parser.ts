/** 'senzing-json': OpenSanctions' Senzing entity export (`senzing.json`), one JSON record per line. */

import type { ErrorLocation } from '../../model/errors.js';
import type { ByteSource } from '../../text/byte-source.js';
import { readJsonLines } from '../../text/json-lines.js';
import type { FormatParser, ListParseEvent, ListParseOptions } from '../list-format.js';
import { senzingEntity } from './senzing-entity.js';

/** One pass, one line at a time: every Senzing record is complete in itself, so memory holds one line. */
async function* parseSenzing(files: readonly ByteSource[], options: ListParseOptions): AsyncGenerator<ListParseEvent> {
  for (const file of files) {
    for await (const l of readJsonLines(file)) {
      const where: ErrorLocation = { file: file.name, line: l.line };
      if (!l.ok) {
        yield { type: 'warning', location: where, message: `${l.message}; line skipped` };
        continue;
      }
      const warnings: ListParseEvent[] = [];
      const recordId = typeof l.value.RECORD_ID === 'string' ? l.value.RECORD_ID : undefined;
      const at: ErrorLocation = recordId === undefined ? where : { ...where, record: recordId };
      const result = senzingEntity(l.value, options.list, (field, message) =>
        warnings.push({ type: 'warning', location: { ...at, field }, message }),
      );
      yield* warnings;
      if ('skip' in result) yield { type: 'warning', location: at, message: `${result.skip}; not imported` };
      else yield { type: 'entity', entity: result.draft.build() };
    }
  }
}

/** Senzing JSON lines: the first record is an object keyed by RECORD_ID / DATA_SOURCE (it may be cut off by the head's end). */
function detect(_fileNames: readonly string[], head: Uint8Array): boolean {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(head).replace(/^\uFEFF/, '');
  const firstLine = text.trimStart().split('\n', 1)[0] ?? '';
  return firstLine.startsWith('{') && /"(RECORD_ID|DATA_SOURCE)"\s*:/.test(firstLine);
}

export const senzingJsonParser: FormatParser = {
  format: 'senzing-json',
  detect,
  parse: (files, options) => parseSenzing(files, options),
};
