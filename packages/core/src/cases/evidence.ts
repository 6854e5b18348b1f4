/** Evidence metadata: SHA-256, size, a size limit and the content type sniffed from magic bytes (never trusted from the upload). */

import { createHash } from 'node:crypto';

/** 25 MiB: enough for statements and scans, small enough to keep in the database. */
export const DEFAULT_EVIDENCE_LIMIT = 25 * 1024 * 1024;

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0) => sig.every((x, i) => b[at + i] === x);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/**
 * The content type from the first bytes. Anything a browser might execute or render as active content
 * (HTML, SVG, scripts, executables) comes back as application/octet-stream so it is only ever downloaded.
 */
export function sniffContentType(bytes: Uint8Array): string {
  if (startsWith(bytes, ascii('%PDF-'))) return 'application/pdf';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'image/gif';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'image/tiff';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'application/zip';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'application/x-ole-storage';
  if (startsWith(bytes, [0x4d, 0x5a]) || startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46])) return 'application/octet-stream';
  if (bytes.length > 0 && isPlainText(bytes)) {
    const head = new TextDecoder().decode(bytes.subarray(0, 512)).trimStart().toLowerCase();
    if (head.startsWith('<') || head.startsWith('#!')) return 'application/octet-stream';
    return 'text/plain; charset=utf-8';
  }
  return 'application/octet-stream';
}

function isPlainText(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 4096);
  for (const b of sample) if (b === 0 || (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d)) return false;
  try {
    // A multi-byte sequence cut at the sample's end is not a reason to reject.
    new TextDecoder('utf-8', { fatal: true }).decode(sample.length === bytes.length ? sample : sample.subarray(0, sample.length - 4));
    return true;
  } catch {
    return false;
  }
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export type EvidenceCheck =
  | { readonly ok: true; readonly sha256: string; readonly size: number; readonly contentType: string; readonly fileName: string }
  | { readonly ok: false; readonly reason: 'empty' | 'too_large' | 'bad_name'; readonly message: string };

/** Checks an upload and computes what the case records about it. The file name is reduced to its last path part. */
export function inspectEvidence(bytes: Uint8Array, fileName: string, limit = DEFAULT_EVIDENCE_LIMIT): EvidenceCheck {
  const name = (fileName.split(/[\\/]/).pop() ?? '')
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim()
    .slice(0, 255);
  if (!name) return { ok: false, reason: 'bad_name', message: 'evidence needs a file name' };
  if (bytes.length === 0) return { ok: false, reason: 'empty', message: `${name}: the file is empty` };
  if (bytes.length > limit) {
    return { ok: false, reason: 'too_large', message: `${name}: ${bytes.length} bytes exceeds the evidence limit of ${limit} bytes` };
  }
  return { ok: true, sha256: sha256Hex(bytes), size: bytes.length, contentType: sniffContentType(bytes), fileName: name };
}
