/**
 * JSON batches of Transaction-shaped objects: a JSON array (streamed element by element, never held
 * whole) or JSON lines (one object per line). A malformed or invalid element is a rejection at its
 * line; only a broken array structure (a file cut short) fails the file.
 */

import type { ByteSource } from '../text/byte-source.js';
import { decodeText } from '../text/decode.js';
import { asParseFailure, emit, parseFailure, rejection } from './parse-helpers.js';
import { checkTransactionObject } from './transaction-fields.js';
import type { TransactionParseEvent, TransactionParseOptions, TransactionParser } from './transaction-format.js';

const RAW_LIMIT = 500;

/** One element's text and the line it starts on. */
interface Element {
  readonly text: string;
  readonly line: number;
}

const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const LF = 10;

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;

/**
 * Splits a top-level JSON array into element texts as chunks arrive: tracks strings, escapes and
 * nesting depth only; JSON.parse judges each element.
 */
async function* arrayElements(chunks: AsyncIterable<string>, file: string): AsyncGenerator<Element> {
  let started = false;
  let ended = false;
  let depth = 0; // inside the array: 0 between elements
  let inString = false;
  let escaped = false;
  let line = 1;
  let buf = '';
  let elemLine = 0;
  let elemStart = -1; // index in buf where the current element began
  for await (const chunk of chunks) {
    buf = elemStart >= 0 ? buf.slice(elemStart) + chunk : chunk;
    let i = elemStart >= 0 ? buf.length - chunk.length : 0;
    if (elemStart >= 0) elemStart = 0;
    for (; i < buf.length; i++) {
      const c = buf.charCodeAt(i);
      if (c === LF) line++;
      if (inString) {
        if (escaped) escaped = false;
        else if (c === BACKSLASH) escaped = true;
        else if (c === QUOTE) inString = false;
        continue;
      }
      if (!started) {
        if (isSpace(c)) continue;
        if (c !== OPEN_BRACKET) throw parseFailure(file, `line ${line}: a JSON batch is an array or one object per line`, { line });
        started = true;
        continue;
      }
      if (ended) {
        if (!isSpace(c)) throw parseFailure(file, `line ${line}: text after the end of the array`, { line });
        continue;
      }
      if (elemStart < 0) {
        if (isSpace(c) || c === COMMA) continue;
        if (c === CLOSE_BRACKET) {
          ended = true;
          continue;
        }
        elemStart = i;
        elemLine = line;
      }
      if (c === QUOTE) inString = true;
      else if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
      else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        if (depth === 0) {
          // The array closes right after a scalar element.
          yield { text: buf.slice(elemStart, i), line: elemLine };
          elemStart = -1;
          ended = true;
          continue;
        }
        depth--;
        if (depth === 0) {
          yield { text: buf.slice(elemStart, i + 1), line: elemLine };
          elemStart = -1;
        }
      } else if (c === COMMA && depth === 0) {
        yield { text: buf.slice(elemStart, i), line: elemLine };
        elemStart = -1;
      }
    }
    if (elemStart < 0) buf = '';
  }
  if (!started) throw parseFailure(file, 'the file is empty', { line: 1 });
  if (!ended) throw parseFailure(file, `line ${line}: the array is never closed (file truncated?)`, { line });
}

async function* jsonLines(chunks: AsyncIterable<string>): AsyncGenerator<Element> {
  let rest = '';
  let line = 0;
  for await (const chunk of chunks) {
    const text = rest + chunk;
    let from = 0;
    for (let nl = text.indexOf('\n', from); nl >= 0; nl = text.indexOf('\n', from)) {
      line++;
      const l = text.slice(from, nl).trim();
      if (l !== '') yield { text: l, line };
      from = nl + 1;
    }
    rest = text.slice(from);
  }
  line++;
  if (rest.trim() !== '') yield { text: rest.trim(), line };
}

/** Peeks at the first non-space character to tell an array from JSON lines, replaying the text. */
async function* elementsOf(source: ByteSource): AsyncGenerator<Element> {
  const text = decodeText(source.open(), source.name)[Symbol.asyncIterator]();
  const head: string[] = [];
  let first = '';
  for (;;) {
    const step = await text.next();
    if (step.done) break;
    head.push(step.value);
    const t = step.value.trimStart();
    if (t !== '') {
      first = t[0] as string;
      break;
    }
  }
  async function* replay(): AsyncGenerator<string> {
    yield* head;
    for (;;) {
      const step = await text.next();
      if (step.done) return;
      yield step.value;
    }
  }
  if (first === '') throw parseFailure(source.name, 'the file is empty', { line: 1 });
  yield* first === '[' ? arrayElements(replay(), source.name) : jsonLines(replay());
}

async function* parse(files: readonly ByteSource[], options: TransactionParseOptions): AsyncGenerator<TransactionParseEvent> {
  for (const file of files) {
    try {
      for await (const el of elementsOf(file)) {
        const raw = el.text.length > RAW_LIMIT ? `${el.text.slice(0, RAW_LIMIT)}…` : el.text;
        let value: unknown;
        try {
          value = JSON.parse(el.text);
        } catch (e) {
          yield rejection(file.name, el.line, undefined, `not valid JSON: ${(e as Error).message}`, undefined, raw);
          continue;
        }
        const id = typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : undefined;
        yield emit(checkTransactionObject(value), options, {
          file: file.name,
          line: el.line,
          raw,
          ...(typeof id === 'string' && id.trim() ? { record: id.trim() } : {}),
        });
      }
    } catch (e) {
      throw asParseFailure(e, file.name);
    }
  }
}

export const jsonBatchParser: TransactionParser = {
  format: 'json',
  detect(names, head) {
    const t = head.replace(/^\uFEFF/, '').trimStart();
    if (t.startsWith('[')) return true;
    return t.startsWith('{') && (/"originator"/.test(t) || names.some((n) => /\.(jsonl|ndjson|json)$/i.test(n)));
  },
  parse,
};
