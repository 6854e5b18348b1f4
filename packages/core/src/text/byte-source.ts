/** Bytes in: how core parsers receive input without doing I/O themselves. */

/** A named, re-openable stream of bytes. Adapters build these from files, HTTP bodies or buffers. */
export interface ByteSource {
  /** The file name or URL, used in every error and warning. */
  readonly name: string;
  /** Size in bytes where known (for progress). */
  readonly size?: number;
  open(): AsyncIterable<Uint8Array>;
}

/** A ByteSource over bytes already in memory (tests, uploads). */
export function bytesSource(name: string, data: Uint8Array | string): ByteSource {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  return {
    name,
    size: bytes.byteLength,
    async *open() {
      // Hand out modest chunks so streaming code paths (chunk boundaries) are exercised.
      const step = 64 * 1024;
      for (let i = 0; i < bytes.byteLength; i += step) yield bytes.subarray(i, i + step);
    },
  };
}
