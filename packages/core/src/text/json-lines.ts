/** Streaming JSON lines: one JSON object per line, any chunk boundaries, line numbers kept for every warning. */

import { ArgusError } from '../model/errors.js';
import type { ByteSource } from './byte-source.js';
import { decodeText } from './decode.js';

export interface TextLine {
  readonly text: string;
  /** 1-based line number. */
  readonly line: number;
}

/** A line longer than this is not a record but a broken file (V8 strings top out near 512 MiB anyway). */
const MAX_LINE_CHARS = 64 * 1024 * 1024;

/**
 * Splits decoded text into lines (LF or CRLF), skipping blank ones. Memory is bounded by the longest
 * line: a pending line is kept as parts and joined once, so a line spread over many chunks costs O(n).
 */
export async function* readLines(chunks: AsyncIterable<string>, file: string): AsyncGenerator<TextLine> {
  let parts: string[] = [];
  let pending = 0;
  let line = 1;
  for await (const chunk of chunks) {
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf('\n', start);
      if (nl < 0) break;
      let text = parts.length === 0 ? chunk.slice(start, nl) : parts.join('') + chunk.slice(start, nl);
      parts = [];
      pending = 0;
      if (text.endsWith('\r')) text = text.slice(0, -1);
      if (text.trim() !== '') yield { text, line };
      line++;
      start = nl + 1;
    }
    if (start < chunk.length) {
      parts.push(chunk.slice(start));
      pending += chunk.length - start;
      if (pending > MAX_LINE_CHARS) {
        throw new ArgusError(
          'LIST_PARSE_FAILED',
          `${file}: line ${line} is longer than ${MAX_LINE_CHARS} characters (not a JSON lines file?)`,
          {
            location: { file, line },
          },
        );
      }
    }
  }
  const text = parts.join('').replace(/\r$/, '');
  if (text.trim() !== '') yield { text, line };
}

export type JsonLine =
  | { readonly ok: true; readonly line: number; readonly text: string; readonly value: Record<string, unknown> }
  | { readonly ok: false; readonly line: number; readonly text: string; readonly message: string };

export interface JsonLinesOptions {
  /**
   * Lines the caller can tell are records it does not need (by a cheap look at the raw text) are
   * neither parsed nor yielded: a two-pass reader parses each line only in the pass that uses it.
   */
  readonly skip?: (text: string) => boolean;
}

/** Lines that fail before any line parses: past this many the file is not JSON lines at all. */
const GIVE_UP_AFTER = 20;

/**
 * Reads one JSON-lines file as objects. A line that is not a JSON object comes back as `ok: false`
 * (the caller turns it into a warning and goes on); a file where no line parses — an empty file,
 * XML, CSV, a binary — raises LIST_PARSE_FAILED naming the first bad line. Invalid UTF-8 raises
 * LIST_PARSE_FAILED with its byte offset (from decodeText).
 */
export async function* readJsonLines(source: ByteSource, options: JsonLinesOptions = {}): AsyncGenerator<JsonLine> {
  let good = 0;
  const bad: { line: number; text: string; message: string }[] = [];
  for await (const { text, line } of readLines(decodeText(source.open(), source.name), source.name)) {
    if (options.skip?.(text)) {
      if (good === 0) yield* drain(bad);
      good++;
      continue;
    }
    const parsed = parseJsonObject(text);
    if (typeof parsed === 'string') {
      if (good === 0) {
        bad.push({ line, text, message: parsed });
        if (bad.length >= GIVE_UP_AFTER) throw notJsonLines(source.name, bad);
        continue;
      }
      yield { ok: false, line, text, message: parsed };
      continue;
    }
    if (good === 0) yield* drain(bad);
    good++;
    yield { ok: true, line, text, value: parsed };
  }
  if (good === 0) {
    if (bad.length === 0)
      throw new ArgusError('LIST_PARSE_FAILED', `${source.name}: the file is empty`, { location: { file: source.name } });
    throw notJsonLines(source.name, bad);
  }
}

/** Lines that failed before the first good one turn out to be bad records of a real file after all. */
function* drain(bad: { line: number; text: string; message: string }[]): Generator<JsonLine> {
  for (const b of bad.splice(0)) yield { ok: false, ...b };
}

function notJsonLines(file: string, bad: readonly { line: number; message: string }[]): ArgusError {
  const first = bad[0] as { line: number; message: string };
  return new ArgusError('LIST_PARSE_FAILED', `${file}: line ${first.line}: not a JSON lines file (${first.message})`, {
    location: { file, line: first.line },
  });
}

/** The object on a line, or why it is not one. */
export function parseJsonObject(text: string): Record<string, unknown> | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return `invalid JSON: ${e instanceof Error ? e.message : String(e)}`;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'the line is JSON but not an object';
  return value as Record<string, unknown>;
}
