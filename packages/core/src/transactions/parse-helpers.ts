/** Plumbing the transaction parsers share: CSV rows from bytes, header lookup, rejections, error wrapping. */

import { ArgusError, isArgusError } from '../model/errors.js';
import type { Transaction } from '../model/transaction.js';
import type { ByteSource } from '../text/byte-source.js';
import { type CsvRecord, readCsv } from '../text/csv.js';
import { decodeText, sniffEncoding } from '../text/decode.js';
import type { Checked } from './transaction-fields.js';
import { withBaseAmount } from './transaction-fields.js';
import type { Rejection, TransactionParseEvent, TransactionParseOptions } from './transaction-format.js';

const RAW_LIMIT = 500;

/** A parse failure of the whole file, as TRANSACTION_PARSE_FAILED (list-oriented text helpers raise LIST_PARSE_FAILED). */
export function parseFailure(
  file: string,
  message: string,
  location: { line?: number; column?: number; field?: string; offset?: number } = {},
): ArgusError {
  return new ArgusError('TRANSACTION_PARSE_FAILED', message.startsWith(file) ? message : `${file}: ${message}`, {
    location: { file, ...location },
  });
}

/** Re-raises a text-layer error (bad encoding, unclosed quote, malformed XML) under the transaction code, keeping its location. */
export function asParseFailure(e: unknown, file: string): unknown {
  if (isArgusError(e) && e.code === 'LIST_PARSE_FAILED') {
    return new ArgusError('TRANSACTION_PARSE_FAILED', e.message, {
      ...(e.location ? { location: e.location } : { location: { file } }),
      cause: e,
    });
  }
  return e;
}

/** The first chunk of bytes, for encoding sniffing, replayed ahead of the rest. */
async function* sniffed(source: ByteSource): AsyncGenerator<string> {
  const it = source.open()[Symbol.asyncIterator]();
  const first = await it.next();
  if (first.done) return;
  const encoding = sniffEncoding(first.value.subarray(0, 64 * 1024));
  async function* bytes(): AsyncGenerator<Uint8Array> {
    try {
      yield first.value as Uint8Array;
      for (;;) {
        const step = await it.next();
        if (step.done) return;
        yield step.value;
      }
    } finally {
      // A reader that stops early (a header peek) releases the file.
      await it.return?.();
    }
  }
  yield* decodeText(bytes(), source.name, encoding);
}

/**
 * The CSV records of a source (UTF-8, or windows-1252 when it is not UTF-8). Text-layer faults surface as
 * LIST_PARSE_FAILED: callers wrap their loop with `asParseFailure` (one generator less per record).
 */
export function csvRecords(source: ByteSource): AsyncGenerator<CsvRecord> {
  return readCsv(sniffed(source), { file: source.name });
}

/** Header names → column index; `lower` folds case and separators so `Originator Account` finds `originator_account`. */
export function headerIndex(header: readonly string[], lower = false): Map<string, number> {
  const m = new Map<string, number>();
  header.forEach((h, i) => {
    const key = lower ? foldHeader(h) : h.trim();
    if (!m.has(key)) m.set(key, i);
  });
  return m;
}

export function foldHeader(h: string): string {
  return h
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/** Fails the file when required columns are missing, naming them. */
export function requireColumns(file: string, index: ReadonlyMap<string, number>, required: readonly string[], headerLine: number): void {
  const missing = required.filter((c) => !index.has(c));
  if (missing.length > 0) {
    throw parseFailure(file, `line ${headerLine}: the header lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`, {
      line: headerLine,
      field: missing[0] as string,
    });
  }
}

export function rawOf(fields: readonly string[]): string {
  const s = fields.join(',');
  return s.length > RAW_LIMIT ? `${s.slice(0, RAW_LIMIT)}…` : s;
}

export function rejection(
  file: string,
  line: number,
  field: string | undefined,
  reason: string,
  record?: string,
  raw?: string,
): TransactionParseEvent {
  const r: Rejection = {
    file,
    line,
    ...(field ? { field } : {}),
    reason,
    ...(record ? { record } : {}),
    ...(raw !== undefined ? { raw: raw.length > RAW_LIMIT ? `${raw.slice(0, RAW_LIMIT)}…` : raw } : {}),
  };
  return { type: 'rejection', rejection: r };
}

/** The event for a checked record: the transaction with its base amount, or a rejection naming the field at fault. */
export function emit(
  checked: Checked<Transaction>,
  options: TransactionParseOptions,
  at: { file: string; line: number; fields?: readonly string[]; raw?: string; record?: string; currencyField?: string },
): TransactionParseEvent {
  // The raw record is only assembled for a rejection.
  const raw = () => at.raw ?? (at.fields ? rawOf(at.fields) : undefined);
  if (!checked.ok) return rejection(at.file, at.line, checked.field || undefined, checked.reason, at.record, raw());
  const converted = withBaseAmount(checked.value, options.rates, at.currencyField);
  if (!converted.ok) return rejection(at.file, at.line, converted.field, converted.reason, checked.value.id, raw());
  return { type: 'transaction', tx: converted.value, file: at.file, line: at.line };
}

/** The instant of simulation step `step`: epoch + step × stepSeconds. */
export function stepInstant(epochMs: number, step: number, stepSeconds: number): string {
  return new Date(epochMs + step * stepSeconds * 1000).toISOString();
}

export function epochMs(options: TransactionParseOptions): number {
  const ms = Date.parse(options.epoch ?? '2020-01-01T00:00:00Z');
  if (Number.isNaN(ms))
    throw new ArgusError('INPUT_INVALID', `the epoch "${options.epoch}" is not an ISO 8601 instant`, { location: { field: 'epoch' } });
  return ms;
}

const STEP = /^\d{1,9}$/;

/** A non-negative integer simulation step. */
export function checkStep(text: string, field: string): Checked<number> {
  const t = text.trim();
  return STEP.test(t)
    ? { ok: true, value: Number(t) }
    : { ok: false, field, reason: `"${t.slice(0, 20)}" is not a time step (a non-negative integer)` };
}

/** The first line of a head of text, for format detection. */
export function firstLine(head: string): string {
  const s = head.replace(/^\uFEFF/, '');
  const nl = s.search(/\r?\n/);
  return nl < 0 ? s : s.slice(0, nl);
}
