/** A streaming, non-validating XML reader: text chunks in, tags and text out, memory bounded by the largest token. */

import { ArgusError } from '../model/errors.js';

export interface XmlOpenTag {
  /** The qualified name as written (`fsd:export`). */
  readonly name: string;
  /** The name without its namespace prefix (`export`). */
  readonly local: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly selfClosing: boolean;
  /** 1-based line and column of the `<` that opens the tag. */
  readonly line: number;
  readonly column: number;
}

export interface XmlHandler {
  openTag(tag: XmlOpenTag): void;
  closeTag(name: string, local: string): void;
  /** Character data between tags, entities decoded; CDATA included. Whitespace between elements is reported too. */
  text(text: string): void;
}

const LT = 60; // <
const GT = 62; // >
const SLASH = 47;
const QUOT = 34;
const APOS = 39;
const LF = 10;

const NAME = /^[\p{L}_:][\p{L}\p{M}\p{N}_.:\-\u00B7\u203F\u2040]*$/u;
const ATTR = /\s*([^\s=/>"']+)\s*=\s*(?:"([^"]*)"|'([^']*)')/y;
const WHITESPACE = /^[ \t\r\n]*$/;
const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

const localOf = (name: string): string => {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
};

/**
 * Push parser: call `write` with each decoded chunk (any boundaries), then `end`. Every well-formedness
 * fault (mismatched or unclosed tags, a bare `&`, an unknown entity, a bad attribute, text outside the
 * root, a document that stops before its root closes) throws LIST_PARSE_FAILED naming file, line and
 * column. No DTD is read and no external entity is ever resolved: a list file cannot make Argus fetch
 * anything. Only the five predefined entities and character references are decoded.
 */
export class XmlReader {
  readonly #file: string;
  readonly #handler: XmlHandler;
  #buf = '';
  #pos = 0;
  /** Absolute character offset of `#buf[0]`. */
  #base = 0;
  /** Newlines are counted up to this absolute offset. */
  #counted = 0;
  #line = 1;
  /** Absolute offset of the first character of the current line. */
  #lineStart = 0;
  /** Raw (undecoded) character data seen since the last tag. */
  #raw = '';
  #rawAt = -1;
  /** Decoded text pending delivery (raw parts already decoded, CDATA). */
  #text = '';
  readonly #stack: { name: string; line: number; column: number }[] = [];
  readonly #names = new Map<string, string>();
  #rootSeen = false;
  #rootClosed = false;
  #ended = false;

  constructor(file: string, handler: XmlHandler) {
    this.#file = file;
    this.#handler = handler;
  }

  /** Depth of open elements (1 inside the root). */
  get depth(): number {
    return this.#stack.length;
  }

  write(chunk: string): void {
    if (this.#ended) throw new Error('XmlReader: write after end');
    if (this.#pos > 0) {
      this.#advanceLines(this.#base + this.#pos);
      this.#base += this.#pos;
      this.#buf = this.#buf.slice(this.#pos) + chunk;
      this.#pos = 0;
    } else {
      this.#buf += chunk;
    }
    this.#run(false);
  }

  end(): void {
    this.#run(true);
    this.#ended = true;
    if (this.#pos < this.#buf.length) {
      this.#fail(this.#base + this.#pos, 'the document ends inside a tag (file truncated?)');
    }
    this.#flushText();
    const open = this.#stack[this.#stack.length - 1];
    if (open) {
      this.#fail(this.#base + this.#buf.length, `the document ends before <${open.name}> (line ${open.line}) is closed (file truncated?)`);
    }
    if (!this.#rootSeen) this.#fail(this.#base + this.#buf.length, 'no root element (empty or not an XML document)');
  }

  #run(final: boolean): void {
    const buf = this.#buf;
    const n = buf.length;
    let pos = this.#pos;
    while (pos < n) {
      if (buf.charCodeAt(pos) !== LT) {
        const lt = buf.indexOf('<', pos);
        const stop = lt < 0 ? n : lt;
        if (this.#rawAt < 0) this.#rawAt = this.#base + pos;
        this.#raw += buf.slice(pos, stop);
        pos = stop;
        continue;
      }
      const next = this.#markup(buf, pos, final);
      if (next < 0) break; // incomplete: wait for more input
      pos = next;
    }
    this.#pos = pos;
  }

  /** Parses the markup that starts at `pos`; returns the index after it, or -1 when more input is needed. */
  #markup(buf: string, pos: number, final: boolean): number {
    const n = buf.length;
    if (pos + 1 >= n) return final ? this.#fail(this.#base + pos, 'the document ends inside a tag (file truncated?)') : -1;
    const c1 = buf.charCodeAt(pos + 1);
    if (c1 === 33 /* ! */) {
      if (buf.startsWith('<!--', pos)) {
        const close = buf.indexOf('-->', pos + 4);
        if (close < 0) return this.#wait(final, pos, 'a comment is never closed');
        return close + 3;
      }
      if (buf.startsWith('<![CDATA[', pos)) {
        const close = buf.indexOf(']]>', pos + 9);
        if (close < 0) return this.#wait(final, pos, 'a CDATA section is never closed');
        if (this.#stack.length === 0) this.#fail(this.#base + pos, 'character data outside the root element');
        this.#decodeRaw();
        this.#text += buf.slice(pos + 9, close);
        return close + 3;
      }
      if (n - pos < 9) return this.#wait(final, pos, 'the document ends inside a declaration');
      if (buf.startsWith('<!DOCTYPE', pos)) {
        if (this.#rootSeen) this.#fail(this.#base + pos, 'a DOCTYPE after the root element');
        // Skipped, internal subset included: entities it declares are never expanded.
        let depth = 0;
        for (let i = pos + 9; i < n; i++) {
          const c = buf.charCodeAt(i);
          if (c === 91 /* [ */) depth++;
          else if (c === 93 /* ] */) depth--;
          else if (c === GT && depth <= 0) return i + 1;
        }
        return this.#wait(final, pos, 'the DOCTYPE is never closed');
      }
      return this.#fail(this.#base + pos, 'unexpected "<!"');
    }
    if (c1 === 63 /* ? */) {
      const close = buf.indexOf('?>', pos + 2);
      if (close < 0) return this.#wait(final, pos, 'a processing instruction is never closed');
      return close + 2;
    }
    // A start or end tag: find its '>' outside quoted attribute values.
    let quote = 0;
    let end = -1;
    for (let i = pos + 1; i < n; i++) {
      const c = buf.charCodeAt(i);
      if (quote !== 0) {
        if (c === quote) quote = 0;
        else if (c === LT) this.#fail(this.#base + i, '"<" inside an attribute value');
      } else if (c === QUOT || c === APOS) quote = c;
      else if (c === GT) {
        end = i;
        break;
      } else if (c === LT) this.#fail(this.#base + pos, 'a tag is not closed before the next "<"');
    }
    if (end < 0) return this.#wait(final, pos, 'the document ends inside a tag (file truncated?)');
    this.#flushText();
    if (c1 === SLASH) this.#closeTag(buf.slice(pos + 2, end).trim(), pos);
    else this.#openTag(buf, pos, end);
    return end + 1;
  }

  #openTag(buf: string, pos: number, end: number): void {
    const selfClosing = buf.charCodeAt(end - 1) === SLASH;
    const body = buf.slice(pos + 1, selfClosing ? end - 1 : end);
    let nameEnd = 0;
    while (nameEnd < body.length && !isSpace(body.charCodeAt(nameEnd))) nameEnd++;
    const name = body.slice(0, nameEnd);
    // Lists repeat a few dozen element names: each is validated (and its local part found) once.
    let local = this.#names.get(name);
    if (local === undefined) {
      if (!NAME.test(name)) this.#fail(this.#base + pos, `not a valid element name: "${name.slice(0, 40)}"`);
      local = localOf(name);
      if (this.#names.size < 10_000) this.#names.set(name, local);
    }
    if (this.#rootClosed) this.#fail(this.#base + pos, `<${name}> after the root element has closed`);
    const attrs: Record<string, string> = {};
    let at = nameEnd;
    if (at < body.length) {
      ATTR.lastIndex = at;
      for (let m = ATTR.exec(body); m; m = ATTR.exec(body)) {
        const key = m[1] as string;
        if (Object.hasOwn(attrs, key)) this.#fail(this.#base + pos, `attribute "${key}" appears twice in <${name}>`);
        const raw = m[2] ?? m[3] ?? '';
        attrs[key] = this.#decode(raw.replace(/[\t\n\r]/g, ' '), this.#base + pos);
        at = ATTR.lastIndex;
      }
      if (!WHITESPACE.test(body.slice(at))) this.#fail(this.#base + pos, `malformed attribute in <${name}>`);
    }
    this.#advanceLines(this.#base + pos);
    const line = this.#line;
    const column = this.#base + pos - this.#lineStart + 1;
    this.#rootSeen = true;
    if (!selfClosing) this.#stack.push({ name, line, column });
    this.#handler.openTag({ name, local, attrs, selfClosing, line, column });
    if (selfClosing) {
      this.#handler.closeTag(name, local);
      if (this.#stack.length === 0) this.#rootClosed = true;
    }
  }

  #closeTag(name: string, pos: number): void {
    const open = this.#stack.pop();
    if (!open) this.#fail(this.#base + pos, `</${name}> closes nothing`);
    else if (open.name !== name) this.#fail(this.#base + pos, `</${name}> does not close <${open.name}> opened at line ${open.line}`);
    this.#handler.closeTag(name, this.#names.get(name) ?? localOf(name));
    if (this.#stack.length === 0) this.#rootClosed = true;
  }

  #decodeRaw(): void {
    if (this.#raw.length === 0) return;
    const raw = this.#raw;
    const at = this.#rawAt;
    this.#raw = '';
    this.#rawAt = -1;
    if (this.#stack.length === 0) {
      if (!WHITESPACE.test(raw)) this.#fail(at + (raw.length - raw.trimStart().length), 'character data outside the root element');
      return;
    }
    this.#text += this.#decode(raw, at);
  }

  #flushText(): void {
    this.#decodeRaw();
    if (this.#text.length === 0) return;
    const text = this.#text;
    this.#text = '';
    this.#handler.text(text);
  }

  /** Decodes the predefined entities and character references; `at` is the absolute offset of `raw[0]`. */
  #decode(raw: string, at: number): string {
    let amp = raw.indexOf('&');
    if (amp < 0) return raw;
    let out = '';
    let from = 0;
    while (amp >= 0) {
      const semi = raw.indexOf(';', amp + 1);
      const ref = semi < 0 ? '' : raw.slice(amp + 1, semi);
      let ch: string | undefined;
      if (ref.startsWith('#x') || ref.startsWith('#X')) ch = codePoint(Number.parseInt(ref.slice(2), 16), ref.slice(2), /^[0-9a-fA-F]+$/);
      else if (ref.startsWith('#')) ch = codePoint(Number.parseInt(ref.slice(1), 10), ref.slice(1), /^[0-9]+$/);
      else ch = PREDEFINED[ref];
      if (ch === undefined) {
        const shown = semi < 0 || semi - amp > 12 ? raw.slice(amp, amp + 12) : raw.slice(amp, semi + 1);
        this.#fail(at + amp, semi < 0 || ref.length === 0 || ref.length > 10 ? `a bare "&" ("${shown}…")` : `unknown entity "${shown}"`);
      }
      out += raw.slice(from, amp) + ch;
      from = semi + 1;
      amp = raw.indexOf('&', from);
    }
    return out + raw.slice(from);
  }

  #wait(final: boolean, pos: number, reason: string): number {
    if (final) this.#fail(this.#base + pos, reason);
    return -1;
  }

  /** Counts newlines up to the absolute offset `abs` (monotonic, so each character is looked at once). */
  #advanceLines(abs: number): void {
    if (abs <= this.#counted) return;
    const buf = this.#buf;
    const to = abs - this.#base;
    let i = buf.indexOf('\n', this.#counted - this.#base);
    while (i >= 0 && i < to) {
      this.#line++;
      this.#lineStart = this.#base + i + 1;
      i = buf.indexOf('\n', i + 1);
    }
    this.#counted = abs;
  }

  #error(line: number, column: number, reason: string): ArgusError {
    return new ArgusError('LIST_PARSE_FAILED', `${this.#file}: line ${line}:${column}: malformed XML: ${reason}`, {
      location: { file: this.#file, line, column },
    });
  }

  #fail(abs: number, reason: string): never {
    // An offset before what is already counted (text that began in an earlier chunk) reports the counted line.
    this.#advanceLines(abs);
    throw this.#error(this.#line, Math.max(1, abs - this.#lineStart + 1), reason);
  }
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === LF || c === 13;
}

function codePoint(n: number, digits: string, shape: RegExp): string | undefined {
  if (!shape.test(digits) || !Number.isFinite(n) || n <= 0 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) return undefined;
  return String.fromCodePoint(n);
}
