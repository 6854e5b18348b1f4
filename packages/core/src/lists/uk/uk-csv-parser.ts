/** 'uk-csv': the UK HM Treasury / OFSI consolidated list (ConList CSV): "Last Updated" line, header, one row per name. */

import type { ErrorLocation } from '../../model/errors.js';
import { ArgusError } from '../../model/errors.js';
import type { ByteSource } from '../../text/byte-source.js';
import { type CsvRecord, readCsv } from '../../text/csv.js';
import { decodeText, sniffEncoding } from '../../text/decode.js';
import { peekBytes } from '../../text/peek-bytes.js';
import type { FormatParser, ListParseEvent, ListParseOptions } from '../list-format.js';
import { UkGroup, ukColumnKey, ukDate } from './uk-row.js';

const SNIFF_BYTES = 64 * 1024;

/** The first line of a ConList ("Last Updated,27/04/2020,,,") or, in files without it, the header itself. */
function looksLikeConList(text: string): boolean {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/, 2);
  const isHeader = (line: string | undefined) =>
    line !== undefined && /(^|,)"?Group ID"?(,|$)/i.test(line) && /(^|,)"?Name 6"?(,|$)/i.test(line);
  return (/^"?Last Updated"?,/i.test(lines[0] ?? '') && isHeader(lines[1])) || isHeader(lines[0]);
}

export const ukCsvParser: FormatParser = {
  format: 'uk-csv',
  detect(_fileNames, head) {
    // The header is ASCII whatever the encoding; UTF-8 decoding also drops a byte-order mark.
    return looksLikeConList(new TextDecoder('utf-8').decode(head));
  },
  parse(files, options) {
    return parseUk(files, options);
  },
};

/**
 * Rows are merged by Group ID. The official file keeps a group's rows together, but not strictly (the
 * same group can come back later, e.g. duplicated rows), so groups are held in a map and emitted, in
 * first-seen order, when the file ends: memory grows with the number of groups (a few thousand in the
 * full ConList, a few MB), never with the number of rows or bytes beyond that.
 */
async function* parseUk(files: readonly ByteSource[], options: ListParseOptions): AsyncGenerator<ListParseEvent> {
  for (const file of files) {
    const peeked = await peekBytes(file.open(), SNIFF_BYTES);
    if (peeked.head.byteLength === 0) {
      throw new ArgusError('LIST_PARSE_FAILED', `${file.name}: the file is empty`, { location: { file: file.name, offset: 0 } });
    }
    const encoding = sniffEncoding(peeked.head);
    const groups = new Map<string, UkGroup>();
    let keys: string[] | undefined;
    let headers: Map<string, string> | undefined;
    let pendingShort: CsvRecord | undefined;
    const where = (line: number, extra: Partial<ErrorLocation> = {}): ErrorLocation => ({ file: file.name, line, ...extra });

    for await (const rec of readCsv(decodeText(peeked.bytes, file.name, encoding), { file: file.name })) {
      if (!keys) {
        const first = rec.fields[0]?.trim() ?? '';
        if (/^last updated$/i.test(first)) {
          const date = ukDate(rec.fields[1] ?? '');
          if (date && date !== 'invalid') yield { type: 'meta', publishedAt: date };
          else
            yield {
              type: 'warning',
              location: where(rec.line, { field: 'Last Updated' }),
              message: `unreadable "Last Updated" date "${rec.fields[1] ?? ''}"`,
            };
          continue;
        }
        keys = rec.fields.map(ukColumnKey);
        headers = new Map(rec.fields.map((h) => [ukColumnKey(h), h.trim()]));
        for (const required of ['group id', 'name 6', 'group type']) {
          if (!keys.includes(required)) {
            throw new ArgusError(
              'LIST_PARSE_FAILED',
              `${file.name}: line ${rec.line}: not an OFSI ConList header (no "${required}" column)`,
              {
                location: where(rec.line, { field: required }),
              },
            );
          }
        }
        continue;
      }
      // A short row is only known to be the last (a truncated file) when no other row follows it.
      if (pendingShort) {
        yield {
          type: 'warning',
          location: where(pendingShort.line),
          message: `row has ${pendingShort.fields.length} fields, the header ${keys.length}; skipped`,
        };
        pendingShort = undefined;
      }
      if (rec.fields.length < keys.length) {
        pendingShort = rec;
        continue;
      }
      const row = new Map<string, string>();
      for (let i = 0; i < keys.length; i++) row.set(keys[i] as string, rec.fields[i] ?? '');
      const groupId = (row.get('group id') ?? '').trim();
      if (groupId === '') {
        yield { type: 'warning', location: where(rec.line, { field: 'Group ID' }), message: 'row without Group ID skipped' };
        continue;
      }
      let group = groups.get(groupId);
      const first = !group;
      if (!group) groups.set(groupId, (group = new UkGroup(options.list, groupId, rec.line)));
      for (const w of group.addRow(row, headers as Map<string, string>, first)) {
        yield {
          type: 'warning',
          location: where(rec.line, { record: groupId, ...(w.field ? { field: w.field } : {}) }),
          message: w.message,
        };
      }
    }
    if (pendingShort) {
      throw new ArgusError(
        'LIST_PARSE_FAILED',
        `${file.name}: line ${pendingShort.line}: the last row has ${pendingShort.fields.length} of ${keys?.length} fields (file truncated?)`,
        { location: where(pendingShort.line) },
      );
    }
    if (!keys) {
      throw new ArgusError('LIST_PARSE_FAILED', `${file.name}: no header row (not an OFSI ConList?)`, { location: where(1) });
    }
    for (const [groupId, group] of groups) {
      if (group.builder.nameCount === 0) {
        yield { type: 'warning', location: where(group.line, { record: groupId }), message: `group ${groupId} has no name; skipped` };
        continue;
      }
      group.builder.ensurePrimaryName();
      yield { type: 'entity', entity: group.builder.build() };
    }
    yield { type: 'meta', declaredCount: groups.size };
  }
}
