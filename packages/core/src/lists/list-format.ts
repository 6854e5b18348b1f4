/** The list formats Argus reads, and the events every format parser streams. */

import type { Entity } from '../model/entity.js';
import type { ErrorLocation } from '../model/errors.js';
import type { ByteSource } from '../text/byte-source.js';

/** Every list format Argus reads (the ids `--format` takes). */
export const LIST_FORMATS = ['ofac-csv', 'ofac-xml', 'un-xml', 'eu-xml', 'uk-csv', 'ftm-json', 'senzing-json', 'argus-csv'] as const;
export type ListFormatId = (typeof LIST_FORMATS)[number];

export function isListFormat(value: string): value is ListFormatId {
  return (LIST_FORMATS as readonly string[]).includes(value);
}

/** What a parser emits while it streams a list: the edition's metadata, entities, and warnings about bad records. */
export type ListParseEvent =
  | { type: 'meta'; publishedAt?: string; declaredCount?: number; declaredBySchema?: Record<string, number> }
  | { type: 'entity'; entity: Entity }
  | { type: 'warning'; location: ErrorLocation; message: string };

export interface ListParseOptions {
  /** The source id entities are filed under (`Entity.source.list`, and the prefix of `Entity.id`). */
  readonly list: string;
}

/**
 * One format: how to recognise it and how to stream it. Unprocessable input (malformed XML, a wrong
 * encoding, a truncated or empty file) throws ArgusError LIST_PARSE_FAILED naming file and line or byte
 * offset; a bad record inside a valid file is a `warning` event and parsing goes on.
 */
export interface FormatParser {
  readonly format: ListFormatId;
  /** True when these file names and first bytes (of the first file in name order) are this format. */
  detect(fileNames: readonly string[], head: Uint8Array): boolean;
  parse(files: readonly ByteSource[], options: ListParseOptions): AsyncIterable<ListParseEvent>;
}
