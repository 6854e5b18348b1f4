/** SHA-256 over the bytes of a list edition (every file of a set, in name order), streamed. */

import { createHash } from 'node:crypto';
import type { ByteSource } from '../text/byte-source.js';

/** Files of a set in the order their checksum and import use: by name, so the same set always hashes the same. */
export function inNameOrder(files: readonly ByteSource[]): ByteSource[] {
  return [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * The checksum identifying an edition. A single file hashes as its bytes (so it matches `sha256sum`);
 * a set hashes each file's name and bytes in name order, so renaming or moving bytes between files changes it.
 */
export async function checksumSources(files: readonly ByteSource[]): Promise<{ checksum: string; bytes: number }> {
  const ordered = inNameOrder(files);
  let bytes = 0;
  if (ordered.length === 1) {
    const h = createHash('sha256');
    for await (const chunk of (ordered[0] as ByteSource).open()) {
      h.update(chunk);
      bytes += chunk.byteLength;
    }
    return { checksum: h.digest('hex'), bytes };
  }
  const outer = createHash('sha256');
  for (const file of ordered) {
    const h = createHash('sha256');
    for await (const chunk of file.open()) {
      h.update(chunk);
      bytes += chunk.byteLength;
    }
    outer.update(`${baseName(file.name)}\0${h.digest('hex')}\n`);
  }
  return { checksum: outer.digest('hex'), bytes };
}

function baseName(name: string): string {
  const cut = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
  return (cut >= 0 ? name.slice(cut + 1) : name).toLowerCase();
}
