/** Streaming byte → text decoding that refuses a wrong encoding instead of inventing characters. */

import { ArgusError } from '../model/errors.js';

export type TextEncodingName = 'utf-8' | 'windows-1252' | 'utf-16le';

/**
 * Decodes chunks as they come. UTF-8 is decoded fatally: an invalid byte sequence raises
 * LIST_PARSE_FAILED naming the file and byte offset, because a mis-encoded list must not be imported.
 * A UTF-8 byte-order mark is dropped.
 */
export async function* decodeText(
  chunks: AsyncIterable<Uint8Array>,
  file: string,
  encoding: TextEncodingName = 'utf-8',
): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8', ignoreBOM: false });
  let offset = 0;
  for await (const chunk of chunks) {
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch (cause) {
      throw new ArgusError('LIST_PARSE_FAILED', `${file}: not valid ${encoding} text near byte ${offset + firstBadUtf8(chunk)}`, {
        location: { file, offset: offset + firstBadUtf8(chunk) },
        cause,
      });
    }
    offset += chunk.byteLength;
    if (text.length > 0) yield text;
  }
  let tail: string;
  try {
    tail = decoder.decode();
  } catch (cause) {
    throw new ArgusError('LIST_PARSE_FAILED', `${file}: text ends inside a multi-byte ${encoding} character (truncated?)`, {
      location: { file, offset },
      cause,
    });
  }
  if (tail.length > 0) yield tail;
}

/** Index of the first byte that starts an invalid UTF-8 sequence in this chunk (approximate across chunk edges). */
function firstBadUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined) return i;
      if ((c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return i;
}

/** Sniffs a leading chunk: UTF-8 if it decodes, else windows-1252 (the usual legacy encoding of CSV exports). */
export function sniffEncoding(head: Uint8Array): TextEncodingName {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  try {
    // Trim a possibly cut multi-byte character at the end of the sample.
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, Math.max(0, head.length - 4)));
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}
