/** A ByteSource over a file on disk, read in modest chunks so nothing holds the whole file. */

import { createReadStream } from 'node:fs';
import type { ByteSource } from '@argus/core/text';

export function fileSource(path: string, size: number, name: string = path): ByteSource {
  return {
    name,
    size,
    async *open() {
      for await (const chunk of createReadStream(path, { highWaterMark: 256 * 1024 })) yield chunk as Buffer;
    },
  };
}
