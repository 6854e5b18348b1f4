/** The parsers importList needs, as an interface: `@argus/core/lists` provides them, tests may stub them. */

import type { ListFormatId, ListParseEvent } from '@argus/core/lists';
import type { ByteSource } from '@argus/core/text';

export { LIST_FORMATS, type ListFormatId, type ListParseEvent, isListFormat } from '@argus/core/lists';

export interface ListParser {
  /** The format of a file (or set) from its names and first bytes; undefined when unknown. */
  detectFormat(fileNames: readonly string[], head: Uint8Array): string | undefined;
  /** Streams one edition. Unprocessable input raises ArgusError LIST_PARSE_FAILED naming file and line or byte offset. */
  parseList(
    format: ListFormatId,
    input: { readonly files: readonly ByteSource[] },
    options: { list: string },
  ): AsyncIterable<ListParseEvent>;
}
