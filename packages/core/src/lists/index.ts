/** @argus/core/lists: streaming parsers for every official watchlist format, bytes in, entities out. */

import { ArgusError } from '../model/errors.js';
import type { ByteSource } from '../text/byte-source.js';
import { FORMAT_PARSERS } from './formats.js';
import type { ListFormatId, ListParseEvent, ListParseOptions } from './list-format.js';

export * from './list-format.js';
export { FORMAT_PARSERS } from './formats.js';

/** The format of a file (or CSV set) from its names and first bytes; undefined when no parser recognises it. */
export function detectFormat(fileNames: readonly string[], head: Uint8Array): ListFormatId | undefined {
  return FORMAT_PARSERS.find((p) => p.detect(fileNames, head))?.format;
}

/** Streams one edition in the given format. */
export function parseList(
  format: ListFormatId,
  input: { readonly files: readonly ByteSource[] },
  options: ListParseOptions,
): AsyncIterable<ListParseEvent> {
  const parser = FORMAT_PARSERS.find((p) => p.format === format);
  if (!parser) throw new ArgusError('LIST_FORMAT_UNKNOWN', `no parser for list format "${format}"`);
  return parser.parse(input.files, options);
}
