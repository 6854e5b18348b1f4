/** Ingestion use cases: a file (or folder) in any transaction format, and a batch of JSON values from the library or HTTP API. */

import { ArgusError } from '@argus/core';
import type { ByteSource } from '@argus/core/text';
import {
  detectTransactionFormat,
  parseTransactions,
  type TransactionFormatId,
  type TransactionParseOptions,
} from '@argus/core/transactions';
import { type BatchResult, type IngestCounts, type MonitoringDeps, MonitoringSession } from './monitoring-session.js';

export interface IngestProgress extends IngestCounts {
  /** Bytes of input read so far, and in all (where the sources know their size). */
  readonly bytes: number;
  readonly totalBytes?: number;
}

export interface IngestOptions extends Omit<TransactionParseOptions, 'rates'> {
  /** Detected from the file names and first bytes when absent. */
  readonly format?: TransactionFormatId;
  readonly files: readonly ByteSource[];
  readonly onProgress?: (p: IngestProgress) => void;
  readonly signal?: AbortSignal;
  /** A session kept open by the caller (a server's streaming engine); a new one is opened otherwise. */
  readonly session?: MonitoringSession;
}

export interface IngestSummary extends IngestCounts {
  readonly format: TransactionFormatId;
  /** The monitoring configuration version evaluated with (0: the defaults). */
  readonly configVersion: number;
  /** Stored transactions replayed into the engine's window before the input's first new one (0 when nothing was new). */
  readonly warmedUp: number;
  /** True when the signal stopped the ingest early; everything before that point is stored. */
  readonly aborted: boolean;
}

/** The file format detection looks at: AMLSim's transactions.csv in a folder, else the first file. */
async function headOf(files: readonly ByteSource[]): Promise<string> {
  const main = files.find((f) => f.name.toLowerCase() === 'transactions.csv') ?? files.find((f) => !/\.txt$/i.test(f.name)) ?? files[0];
  if (!main) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const c of main.open()) {
    chunks.push(c);
    size += c.byteLength;
    if (size >= 8192) break;
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return new TextDecoder('utf-8', { fatal: false }).decode(all);
}

/** The format of these files, or TRANSACTION_PARSE_FAILED naming what was looked at. */
export async function detectIngestFormat(files: readonly ByteSource[]): Promise<TransactionFormatId> {
  const format = detectTransactionFormat(
    files.map((f) => f.name),
    await headOf(files),
  );
  if (!format) {
    const names = files.map((f) => f.name).join(', ');
    throw new ArgusError('TRANSACTION_PARSE_FAILED', `${names}: not a transaction format Argus recognises (give --format)`, {
      location: { file: files[0]?.name ?? '' },
    });
  }
  return format;
}

/** Counts the bytes the parser pulls from each source. */
function counted(files: readonly ByteSource[], onBytes: (n: number) => void): ByteSource[] {
  return files.map((f) => ({
    name: f.name,
    ...(f.size !== undefined ? { size: f.size } : {}),
    async *open() {
      for await (const c of f.open()) {
        onBytes(c.byteLength);
        yield c;
      }
    },
  }));
}

/**
 * Parses, converts amounts through the agency's rate table, skips transaction ids already stored, evaluates
 * the rest with the monitoring engine and persists transactions, alerts and rejections in batches.
 * A replayed file stores nothing new and raises no alert.
 */
export async function ingestTransactions(deps: MonitoringDeps, options: IngestOptions): Promise<IngestSummary> {
  if (options.files.length === 0) throw new ArgusError('INPUT_INVALID', 'no files to ingest', { location: { field: 'files' } });
  const format = options.format ?? (await detectIngestFormat(options.files));
  const session = options.session ?? (await MonitoringSession.open(deps));
  let bytes = 0;
  const sizes = options.files.map((f) => f.size);
  const totalBytes = sizes.every((s) => s !== undefined) ? sizes.reduce((a: number, b) => a + (b as number), 0) : undefined;
  const files = options.onProgress ? counted(options.files, (n) => (bytes += n)) : options.files;
  const { format: _f, files: _files, onProgress, signal, session: _s, ...parseOptions } = options;
  const events = parseTransactions(format, files, { ...parseOptions, rates: session.settings.rates });
  const result = await session.ingest(events, {
    format,
    ...(signal ? { signal } : {}),
    ...(onProgress
      ? { onProgress: (c: IngestCounts) => onProgress({ ...c, bytes, ...(totalBytes !== undefined ? { totalBytes } : {}) }) }
      : {}),
  });
  return { ...result, format, configVersion: session.settings.version, warmedUp: session.warmedUp };
}

/** Ingests Transaction-shaped values with per-record validation; answers which were rejected and why. */
export async function ingestTransactionBatch(
  deps: MonitoringDeps,
  values: readonly unknown[],
  options: { readonly session?: MonitoringSession; readonly source?: string } = {},
): Promise<BatchResult> {
  const session = options.session ?? (await MonitoringSession.open(deps));
  return session.ingestBatch(values, options.source);
}
