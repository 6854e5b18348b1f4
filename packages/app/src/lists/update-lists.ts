/** updateLists: fetch the official lists from their publishers, conditionally, and import the editions that changed. */

import { ArgusError, isArgusError } from '@argus/core';
import type { FetchResult } from '../ports/list-fetcher.js';
import type { ListFileRecord, ListVersionRecord } from '../ports/list-repo.js';
import { type ImportListResult, type ImportProgress, importList } from './import-list.js';
import { type ListsDeps, registryOf, writeRepo } from './lists-deps.js';
import type { OfficialSource } from './source-registry.js';

export type UpdateOutcome =
  /** The publisher answered 304 for every file: nothing downloaded. */
  | { readonly source: string; readonly status: 'not-modified'; readonly version?: ListVersionRecord }
  /** Downloaded, but the bytes are those of the current version. */
  | { readonly source: string; readonly status: 'unchanged'; readonly version: ListVersionRecord }
  | { readonly source: string; readonly status: 'imported'; readonly result: Extract<ImportListResult, { status: 'imported' }> }
  | { readonly source: string; readonly status: 'failed'; readonly error: { readonly code: string; readonly message: string } };

export interface UpdateListsRequest {
  /** Source ids of the registry; all of them when empty. */
  readonly sources?: readonly string[];
  readonly signal?: AbortSignal;
  readonly onStart?: (source: string) => void;
  readonly onProgress?: (source: string, progress: ImportProgress) => void;
}

/**
 * Updates each named official source in turn. A source whose download or import fails is reported
 * as `failed` (its current version untouched) and the others go on.
 */
export async function updateLists(deps: ListsDeps, request: UpdateListsRequest = {}): Promise<UpdateOutcome[]> {
  const registry = registryOf(deps);
  const wanted = request.sources && request.sources.length > 0 ? request.sources : registry.map((s) => s.id);
  const sources = wanted.map((id) => {
    const s = registry.find((r) => r.id === id);
    if (!s) {
      throw new ArgusError('LIST_SOURCE_UNKNOWN', `no official list source "${id}" (known: ${registry.map((r) => r.id).join(', ')})`, {
        location: { field: 'source' },
      });
    }
    return s;
  });
  const out: UpdateOutcome[] = [];
  for (const source of sources) {
    request.onStart?.(source.id);
    try {
      out.push(await updateOne(deps, source, request));
    } catch (e) {
      if (request.signal?.aborted) throw e;
      const error = isArgusError(e) ? { code: e.code, message: e.message } : { code: 'INTERNAL', message: String(e) };
      out.push({ source: source.id, status: 'failed', error });
    }
  }
  return out;
}

async function updateOne(deps: ListsDeps, source: OfficialSource, request: UpdateListsRequest): Promise<UpdateOutcome> {
  const fetcher = deps.fetcher;
  if (!fetcher) throw new ArgusError('INTERNAL', 'no list fetcher configured');
  const repo = writeRepo(deps, 'public');
  const stored = await repo.getSource(source.id);
  const current = stored?.currentVersionId ? await repo.getVersion(stored.currentVersionId) : undefined;
  const validators = new Map((current?.files ?? []).map((f) => [f.name, f]));

  const results = new Map<string, FetchResult>();
  try {
    for (const file of source.files) {
      const known = validators.get(file.name);
      // Only a file the current version was actually downloaded from can be asked for conditionally.
      const conditional = known?.url === file.url ? known : undefined;
      results.set(
        file.name,
        await fetcher.fetch({
          url: file.url,
          name: file.name,
          ...(conditional?.etag ? { etag: conditional.etag } : {}),
          ...(conditional?.lastModified ? { lastModified: conditional.lastModified } : {}),
          ...(request.signal ? { signal: request.signal } : {}),
        }),
      );
    }
    if ([...results.values()].every((r) => r.status === 'not-modified')) {
      return { source: source.id, status: 'not-modified', ...(current ? { version: current } : {}) };
    }
    // Some files changed: the set is imported whole, so fetch the unchanged ones too.
    for (const file of source.files) {
      if (results.get(file.name)?.status === 'not-modified') {
        results.set(
          file.name,
          await fetcher.fetch({ url: file.url, name: file.name, ...(request.signal ? { signal: request.signal } : {}) }),
        );
      }
    }
    const fetched = source.files.map((f) => {
      const r = results.get(f.name);
      if (r?.status !== 'fetched') throw new ArgusError('LIST_FETCH_FAILED', `${f.url}: answered 304 to an unconditional request`);
      return { file: f, result: r };
    });
    const fileRecords: ListFileRecord[] = fetched.map(({ file, result }) => ({
      name: file.name,
      url: file.url,
      size: result.size,
      ...(result.etag !== undefined ? { etag: result.etag } : {}),
      ...(result.lastModified !== undefined ? { lastModified: result.lastModified } : {}),
    }));
    const imported = await importList(deps, {
      source: source.id,
      files: fetched.map(({ result }) => result.file),
      fileName: source.files.length === 1 ? (source.files[0]?.url ?? source.id) : `${source.files.length} files of ${source.id}`,
      format: source.format,
      name: source.name,
      visibility: 'public',
      fileRecords,
      ...(request.onProgress ? { onProgress: (p: ImportProgress) => request.onProgress?.(source.id, p) } : {}),
      ...(request.signal ? { signal: request.signal } : {}),
    });
    if (imported.status === 'unchanged') {
      // Same bytes under new validators: remember them so the next run can ask conditionally.
      await repo.updateFiles(imported.version.id, fileRecords);
      return { source: source.id, status: 'unchanged', version: imported.version };
    }
    return { source: source.id, status: 'imported', result: imported };
  } finally {
    for (const r of results.values()) if (r.status === 'fetched') await r.dispose().catch(() => {});
  }
}
