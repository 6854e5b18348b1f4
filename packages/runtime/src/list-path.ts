/** A list on disk as ByteSources: one file, or every file of a directory (a CSV set). */

import { readdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { ArgusError } from '@argus/core';
import type { ByteSource } from '@argus/core/text';
import { fileSource } from '@argus/fetch';

export interface ListPath {
  /** What the user named, for messages and the version record. */
  readonly fileName: string;
  readonly files: readonly ByteSource[];
}

/**
 * Opens nothing yet: each ByteSource streams its file when read. A directory yields its visible
 * regular files in name order; files are named by their base name so parsers recognise a set
 * (sdn.csv, add.csv, alt.csv…) and messages stay short.
 */
export function readListPath(path: string): ListPath {
  const full = resolve(path);
  const st = statSync(full, { throwIfNoEntry: false });
  if (!st) throw new ArgusError('INPUT_INVALID', `${path}: no such file or directory`, { location: { file: path } });
  if (st.isFile()) return { fileName: path, files: [fileSource(full, st.size, basename(full))] };
  if (!st.isDirectory()) throw new ArgusError('INPUT_INVALID', `${path}: not a file or directory`, { location: { file: path } });
  const files: ByteSource[] = [];
  for (const name of readdirSync(full).sort()) {
    if (name.startsWith('.')) continue;
    const p = join(full, name);
    const s = statSync(p);
    if (s.isFile()) files.push(fileSource(p, s.size, name));
  }
  if (files.length === 0) throw new ArgusError('LIST_EMPTY', `${path}: the directory holds no files`, { location: { file: path } });
  return { fileName: path, files };
}
