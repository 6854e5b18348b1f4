/** Streams the repeated records of an XML list (one small element tree each) without ever holding the whole document. */

import { ArgusError } from '../model/errors.js';
import { type TextEncodingName, decodeText } from './decode.js';
import { peekBytes } from './peek-bytes.js';
import { type XmlOpenTag, XmlReader } from './xml-reader.js';

/** One element of a record, with its children; `text` is its own character data (not its children's), untrimmed. */
export interface XmlNode {
  readonly name: string;
  readonly local: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: XmlNode[];
  text: string;
  readonly line: number;
  readonly column: number;
}

export type XmlRecordEvent =
  /** The root element's start tag (its attributes often carry the publication date). */
  | { readonly type: 'root'; readonly tag: XmlOpenTag }
  /** A complete record element and everything inside it. */
  | { readonly type: 'record'; readonly node: XmlNode };

export interface XmlRecordOptions {
  /** File name for errors. */
  readonly file: string;
  /** Whether an element (at `depth`, 1 = root) is a record. Elements inside a record are never asked. */
  readonly isRecord: (tag: XmlOpenTag, depth: number) => boolean;
}

/**
 * Decodes the bytes (encoding from the BOM or the XML declaration; UTF-8 by default, decoded fatally)
 * and yields the root tag and then each record as soon as its end tag is read. Memory holds one
 * record tree and the current chunk, whatever the file size.
 */
export async function* readXmlRecords(bytes: AsyncIterable<Uint8Array>, options: XmlRecordOptions): AsyncGenerator<XmlRecordEvent> {
  const queue: XmlRecordEvent[] = [];
  const path: (XmlNode | undefined)[] = [];
  let depth = 0;
  let record: XmlNode | undefined;
  const reader = new XmlReader(options.file, {
    openTag(tag) {
      depth++;
      if (depth === 1) queue.push({ type: 'root', tag });
      if (record) {
        const node = nodeOf(tag);
        path[path.length - 1]?.children.push(node);
        path.push(node);
      } else if (options.isRecord(tag, depth)) {
        record = nodeOf(tag);
        path.push(record);
      }
    },
    closeTag() {
      depth--;
      if (!record) return;
      const node = path.pop();
      if (node === record) {
        queue.push({ type: 'record', node: record });
        record = undefined;
      }
    },
    text(text) {
      const node = path[path.length - 1];
      if (node) node.text += text;
    },
  });
  for await (const text of decodeText(...(await withEncoding(bytes, options.file)))) {
    reader.write(text);
    if (queue.length > 0) yield* queue.splice(0);
  }
  reader.end();
  yield* queue.splice(0);
}

function nodeOf(tag: XmlOpenTag): XmlNode {
  return { name: tag.name, local: tag.local, attrs: tag.attrs, children: [], text: '', line: tag.line, column: tag.column };
}

const ENCODINGS: Readonly<Record<string, TextEncodingName>> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'us-ascii': 'utf-8',
  ascii: 'utf-8',
  'iso-8859-1': 'windows-1252',
  'iso8859-1': 'windows-1252',
  latin1: 'windows-1252',
  'windows-1252': 'windows-1252',
  cp1252: 'windows-1252',
  'utf-16': 'utf-16le',
  'utf-16le': 'utf-16le',
};

/**
 * The encoding an XML document declares: a BOM first, then `<?xml … encoding="…"?>`, else UTF-8.
 * `{ unsupported }` for an encoding Argus does not read.
 */
export function xmlEncoding(head: Uint8Array): TextEncodingName | { readonly unsupported: string } {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return { unsupported: 'UTF-16BE' };
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  let ascii = '';
  for (let i = 0; i < head.length && i < 200; i++) ascii += String.fromCharCode(head[i] as number);
  const decl = /^<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(ascii);
  if (!decl) return 'utf-8';
  const name = (decl[1] as string).toLowerCase();
  return ENCODINGS[name] ?? { unsupported: decl[1] as string };
}

/** Picks the decoder from the first bytes, which are replayed ahead of the rest. */
async function withEncoding(
  bytes: AsyncIterable<Uint8Array>,
  file: string,
): Promise<[AsyncIterable<Uint8Array>, string, TextEncodingName]> {
  const peeked = await peekBytes(bytes, 200);
  const encoding = xmlEncoding(peeked.head);
  if (typeof encoding !== 'string') {
    throw new ArgusError(
      'LIST_PARSE_FAILED',
      `${file}: the XML declares the encoding "${encoding.unsupported}", which Argus does not read`,
      {
        location: { file, line: 1 },
      },
    );
  }
  return [peeked.bytes, file, encoding];
}

/** The children of a record node with this local name. */
export function childrenOf(node: XmlNode, local: string): XmlNode[] {
  return node.children.filter((c) => c.local === local);
}

/** The first child with this local name. */
export function childOf(node: XmlNode, local: string): XmlNode | undefined {
  return node.children.find((c) => c.local === local);
}

/** The trimmed text of the first child with this local name; '' when absent or empty. */
export function childText(node: XmlNode, local: string): string {
  return childOf(node, local)?.text.trim() ?? '';
}
