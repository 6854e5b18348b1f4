/** The transaction format registry, in detection order (the most specific first), and the one parse entry point. */

import { ArgusError } from '../model/errors.js';
import type { ByteSource } from '../text/byte-source.js';
import { amlsimParser } from './amlsim-csv.js';
import { amlworldParser } from './amlworld-csv.js';
import { argusCsvParser } from './argus-csv.js';
import { jsonBatchParser } from './json-batch.js';
import { pacs008Parser } from './pacs008-xml.js';
import { asParseFailure } from './parse-helpers.js';
import { paysimParser } from './paysim-csv.js';
import type { TransactionFormatId, TransactionParseEvent, TransactionParseOptions, TransactionParser } from './transaction-format.js';

export const TRANSACTION_PARSERS: readonly TransactionParser[] = [
  pacs008Parser,
  amlsimParser,
  paysimParser,
  amlworldParser,
  argusCsvParser,
  jsonBatchParser,
];

/**
 * The format of a file (or folder of files) from the file names and the first bytes of the main file
 * (decoded as text); undefined when no parser recognises it.
 */
export function detectTransactionFormat(fileNames: readonly string[], head: string): TransactionFormatId | undefined {
  return TRANSACTION_PARSERS.find((p) => p.detect(fileNames, head))?.format;
}

/** Streams transactions and rejections from the files in the given format. */
export function parseTransactions(
  format: TransactionFormatId,
  files: readonly ByteSource[],
  options: TransactionParseOptions = {},
): AsyncIterable<TransactionParseEvent> {
  const parser = TRANSACTION_PARSERS.find((p) => p.format === format);
  if (!parser) throw new ArgusError('INPUT_INVALID', `no parser for transaction format "${format}"`, { location: { field: 'format' } });
  const events = parser.parse(files, options);
  // Text-layer faults (encoding, an unclosed quote, malformed XML) come up as list errors: renamed here, once.
  return {
    [Symbol.asyncIterator]() {
      const it = events[Symbol.asyncIterator]();
      return {
        next: () =>
          it.next().catch((e: unknown) => {
            throw asParseFailure(e, files[0]?.name ?? '');
          }),
        return: (value?: unknown) => (it.return ? it.return(value) : Promise.resolve({ done: true as const, value: undefined })),
      };
    },
  };
}
