/** The transaction formats Argus reads, and what every format parser streams: transactions and located rejections. */

import type { Transaction } from '../model/transaction.js';
import type { ByteSource } from '../text/byte-source.js';
import type { RateTable } from './rate-table.js';

/** Every transaction format (the ids `argus monitor ingest --format` takes). */
export const TRANSACTION_FORMATS = ['argus', 'json', 'pacs008', 'amlsim', 'paysim', 'amlworld'] as const;
export type TransactionFormatId = (typeof TRANSACTION_FORMATS)[number];

export function isTransactionFormat(value: string): value is TransactionFormatId {
  return (TRANSACTION_FORMATS as readonly string[]).includes(value);
}

/** A record that could not become a transaction: where it is and why. The stream goes on after it. */
export interface Rejection {
  readonly file: string;
  /** 1-based line the record starts on (CSV row, JSON line, XML element). */
  readonly line?: number;
  /** The input field at fault, named as the input names it. */
  readonly field?: string;
  readonly reason: string;
  /** The record's transaction id, where it could be read. */
  readonly record?: string;
  /** The record as it was written (truncated), for the analyst who fixes the feed. */
  readonly raw?: string;
}

export type TransactionParseEvent =
  | { readonly type: 'transaction'; readonly tx: Transaction; readonly file: string; readonly line: number }
  | { readonly type: 'rejection'; readonly rejection: Rejection };

export interface TransactionParseOptions {
  /** Fills `baseAmount`; a currency the table does not hold rejects the record. Without a table, baseAmount is left unset. */
  readonly rates?: RateTable;
  /**
   * Prefix of the ids generated from row numbers where a format has no transaction id (AMLSim, PaySim,
   * AMLworld): `<prefix>-<row>`. Default: the format id. Give each distinct data set its own prefix,
   * so two simulations ingested into one agency do not collide (the CLI uses the file or folder name).
   */
  readonly idPrefix?: string;
  /** The instant simulation step 0 maps to (AMLSim, PaySim); default 2020-01-01T00:00:00Z. */
  readonly epoch?: string;
  /** Seconds per simulation step: AMLSim default 86,400 (a day, as AMLSim counts), PaySim 3,600 (an hour). */
  readonly stepSeconds?: number;
  /** Currency of formats that carry none (AMLSim, PaySim); default USD. */
  readonly currency?: string;
}

/**
 * One format: how to recognise it and how to stream it. Input that cannot be read at all (malformed
 * XML or JSON structure, a wrong encoding, a missing required column) throws ArgusError
 * TRANSACTION_PARSE_FAILED naming file and line; a bad record is a `rejection` event and parsing goes on.
 */
export interface TransactionParser {
  readonly format: TransactionFormatId;
  /** True when these file names and the first bytes of the main file are this format. */
  detect(fileNames: readonly string[], head: string): boolean;
  parse(files: readonly ByteSource[], options: TransactionParseOptions): AsyncIterable<TransactionParseEvent>;
}

export const DEFAULT_EPOCH = '2020-01-01T00:00:00Z';
