/** A streaming RFC 4180 CSV reader that knows the line each record starts on. */

import { ArgusError } from '../model/errors.js';

export interface CsvRecord {
  readonly fields: string[];
  /** 1-based line number where the record starts. */
  readonly line: number;
}

export interface CsvOptions {
  readonly delimiter?: string;
  /** File name for error messages. */
  readonly file: string;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * Reads records from text chunks, whatever their boundaries. Quoted fields may hold delimiters,
 * doubled quotes and newlines. A quote left open at the end of input raises LIST_PARSE_FAILED with
 * the line it opened on — that is how a truncated CSV file is told apart from a complete one.
 * Lenient where real exports are sloppy: a quote inside an unquoted field is kept as a character,
 * and blank lines are skipped.
 */
export async function* readCsv(chunks: AsyncIterable<string>, options: CsvOptions): AsyncGenerator<CsvRecord> {
  const delimCode = (options.delimiter ?? ',').charCodeAt(0);
  let fields: string[] = [];
  let field = '';
  let inQuotes = false;
  let pendingQuote = false; // inside quotes, saw a quote: closes the field unless another quote follows
  let atFieldStart = true;
  let recordEmpty = true;
  let skipLf = false;
  let line = 1;
  let recordLine = 1;

  for await (const chunk of chunks) {
    let start = 0;
    const n = chunk.length;
    for (let i = 0; i < n; i++) {
      const c = chunk.charCodeAt(i);
      if (skipLf) {
        skipLf = false;
        if (c === LF) {
          start = i + 1;
          continue;
        }
      }
      if (inQuotes) {
        if (pendingQuote) {
          pendingQuote = false;
          if (c === QUOTE) {
            field += '"';
            start = i + 1;
            continue;
          }
          inQuotes = false; // fall through: this character follows a closed quoted field
          start = i;
        } else {
          if (c === QUOTE) {
            field += chunk.slice(start, i);
            pendingQuote = true;
            start = i + 1;
          } else if (c === LF) line++;
          else if (c === CR && chunk.charCodeAt(i + 1) !== LF) line++;
          continue;
        }
      }
      if (c === delimCode) {
        field += chunk.slice(start, i);
        fields.push(field);
        field = '';
        atFieldStart = true;
        recordEmpty = false;
        start = i + 1;
      } else if (c === LF || c === CR) {
        field += chunk.slice(start, i);
        if (!recordEmpty || field.length > 0) {
          fields.push(field);
          yield { fields, line: recordLine };
        }
        fields = [];
        field = '';
        atFieldStart = true;
        recordEmpty = true;
        if (c === CR) skipLf = true;
        line++;
        recordLine = line;
        start = i + 1;
      } else if (c === QUOTE && atFieldStart) {
        inQuotes = true;
        atFieldStart = false;
        recordEmpty = false;
        start = i + 1;
      } else {
        atFieldStart = false;
        recordEmpty = false;
      }
    }
    if (!(inQuotes && pendingQuote)) field += chunk.slice(start);
  }
  if (inQuotes && !pendingQuote) {
    throw new ArgusError('LIST_PARSE_FAILED', `${options.file}: line ${recordLine}: a quoted field is never closed (file truncated?)`, {
      location: { file: options.file, line: recordLine },
    });
  }
  if (!recordEmpty || field.length > 0) {
    fields.push(field);
    yield { fields, line: recordLine };
  }
}

/** Reads a CSV with a header row into objects keyed by header name (trimmed). */
export async function* readCsvObjects(
  chunks: AsyncIterable<string>,
  options: CsvOptions,
): AsyncGenerator<{ readonly row: Record<string, string>; readonly line: number; readonly header: readonly string[] }> {
  let header: string[] | undefined;
  for await (const rec of readCsv(chunks, options)) {
    if (!header) {
      header = rec.fields.map((h) => h.trim());
      continue;
    }
    const row: Record<string, string> = {};
    for (let k = 0; k < header.length; k++) row[header[k] as string] = rec.fields[k] ?? '';
    yield { row, line: rec.line, header };
  }
}
