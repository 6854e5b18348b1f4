/** importList: one edition of a list in, as a new version that becomes current only when it parsed completely. */

import { ArgusError, type Entity, isArgusError } from '@argus/core';
import type { ByteSource } from '@argus/core/text';
import { VersionCounter, checksumSources, inNameOrder } from '@argus/core/versions';
import type { ListFileRecord, ListRepo, ListSourceRecord, ListVersionRecord, ListWarningRecord } from '../ports/list-repo.js';
import { isListFormat, type ListFormatId, type ListParseEvent } from './list-parser.js';
import { type ListVisibility, type ListsDeps, checkSourceId, registryOf, visibilityOf, writeRepo } from './lists-deps.js';
import { findOfficialSource } from './source-registry.js';

export interface ImportProgress {
  readonly bytes: number;
  readonly totalBytes?: number;
  readonly entities: number;
}

export interface ImportListRequest {
  readonly source: string;
  /** The files of the edition (one file, or every file of a CSV set). */
  readonly files: readonly ByteSource[];
  /** What the user named (a path or URL), recorded on the version; the first file's name by default. */
  readonly fileName?: string;
  /** A format id; detected from the file names and first bytes when absent. */
  readonly format?: string;
  /** Display name of a new source. */
  readonly name?: string;
  /** Official sources are public; others are the agency's own unless this says otherwise. */
  readonly visibility?: ListVisibility;
  /** Download validators per file name, recorded for the next conditional request. */
  readonly fileRecords?: readonly ListFileRecord[];
  readonly onProgress?: (progress: ImportProgress) => void;
  readonly signal?: AbortSignal;
}

export type ImportListResult =
  | {
      readonly status: 'imported';
      readonly source: ListSourceRecord;
      readonly version: ListVersionRecord;
      readonly previous?: ListVersionRecord;
      /** The first warnings, with their locations (all of them are stored; `version.counts.warnings` says how many). */
      readonly warnings: readonly ListWarningRecord[];
    }
  /** The bytes are those of the current version: nothing was imported. */
  | { readonly status: 'unchanged'; readonly source: ListSourceRecord; readonly version: ListVersionRecord };

const HEAD_BYTES = 4096;
/** A pending version this old belongs to an import that died (crash, kill): no import of one edition takes hours. */
const ABANDONED_AFTER_MS = 6 * 60 * 60 * 1000;
const KEEP_WARNINGS = 10;

/**
 * Imports one edition. The checksum is taken first: bytes identical to the current version create
 * no version. Otherwise a pending version is opened and entities are written in batches as the
 * parser streams them (memory stays flat whatever the file size). Only after the whole edition
 * parsed and validated (not empty) does one short transaction make it current; on any failure the
 * pending version is marked failed, its rows are removed, and the error is raised again — the
 * previous version stays current.
 */
export async function importList(deps: ListsDeps, request: ImportListRequest): Promise<ImportListResult> {
  checkSourceId(request.source);
  if (request.files.length === 0) throw new ArgusError('INPUT_INVALID', 'no files to import');
  const files = inNameOrder(request.files);
  const displayName = request.fileName ?? (files[0] as ByteSource).name;
  const format = request.format ?? (await detect(deps, files, displayName));
  if (!isListFormat(format)) {
    throw new ArgusError('LIST_FORMAT_UNKNOWN', `${displayName}: unknown list format "${format}"`, { location: { file: displayName } });
  }

  const visibility = visibilityOf(deps, request.source, request.visibility);
  const repo = writeRepo(deps, visibility);
  const official = findOfficialSource(registryOf(deps), request.source);
  const existing = await repo.getSource(request.source);
  const source = await repo.upsertSource({
    id: request.source,
    name: request.name ?? existing?.name ?? official?.name ?? request.source,
    urls: existing?.urls ?? official?.files.map((f) => f.url) ?? [],
    format: existing?.format ?? official?.format ?? format,
    createdAt: deps.clock.now().toISOString(),
  });

  await reapAbandoned(deps, repo, source.id);
  const { checksum } = await checksumSources(files);
  const previous = source.currentVersionId ? await repo.getVersion(source.currentVersionId) : undefined;
  if (previous && previous.checksum === checksum) return { status: 'unchanged', source, version: previous };

  const records = new Map((request.fileRecords ?? []).map((r) => [r.name, r]));
  const version = await repo.beginVersion({
    sourceId: source.id,
    checksum,
    fileName: displayName,
    files: files.map((f) => ({ ...records.get(f.name), name: f.name, size: records.get(f.name)?.size ?? f.size ?? 0 })),
    format,
    importedAt: deps.clock.now().toISOString(),
  });

  try {
    const run = await streamInto(deps, repo, version, files, format, request);
    if (run.counts.entities === 0) {
      throw new ArgusError('LIST_EMPTY', `${displayName}: the file holds no entities`, { location: { file: displayName } });
    }
    const changes = previous ? await repo.compareVersions(previous.id, version.id) : undefined;
    const completed = await repo.completeVersion(version.id, {
      counts: run.counts,
      completedAt: deps.clock.now().toISOString(),
      ...(run.publishedAt !== undefined ? { publishedAt: run.publishedAt } : {}),
      ...(run.declaredCount !== undefined ? { declaredCount: run.declaredCount } : {}),
      ...(changes ? { changes } : {}),
    });
    const current = (await repo.getSource(source.id)) ?? source;
    return { status: 'imported', source: current, version: completed, ...(previous ? { previous } : {}), warnings: run.warnings };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    try {
      await repo.failVersion(version.id, isArgusError(e) ? `${e.code}: ${message}` : message, deps.clock.now().toISOString());
    } catch {
      // The store may be what failed; the pending version stays invisible to readers either way.
    }
    throw e;
  }
}

/** Marks versions left pending by a dead import as failed, so their rows are reclaimed. */
async function reapAbandoned(deps: ListsDeps, repo: ListRepo, sourceId: string): Promise<void> {
  const now = deps.clock.now();
  for (const v of await repo.listVersions(sourceId)) {
    if (v.status === 'pending' && now.getTime() - Date.parse(v.importedAt) > ABANDONED_AFTER_MS) {
      await repo.failVersion(v.id, 'abandoned: the import never finished', now.toISOString());
    }
  }
}

async function detect(deps: ListsDeps, files: readonly ByteSource[], displayName: string): Promise<string> {
  const head = await readHead(files[0] as ByteSource, HEAD_BYTES);
  if (head.byteLength === 0 && files.length === 1) {
    // "Unknown format" would send the user looking for a --format; the real problem is no bytes at all.
    throw new ArgusError('LIST_PARSE_FAILED', `${displayName}: the file is empty`, { location: { file: displayName, offset: 0 } });
  }
  const format = deps.parser.detectFormat(
    files.map((f) => f.name),
    head,
  );
  if (!format) {
    throw new ArgusError('LIST_FORMAT_UNKNOWN', `${displayName}: the list format could not be recognised (give --format)`, {
      location: { file: displayName },
    });
  }
  return format;
}

async function readHead(file: ByteSource, max: number): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let n = 0;
  for await (const chunk of file.open()) {
    parts.push(chunk.subarray(0, max - n));
    n += Math.min(chunk.byteLength, max - n);
    if (n >= max) break;
  }
  const head = new Uint8Array(n);
  let at = 0;
  for (const p of parts) {
    head.set(p, at);
    at += p.byteLength;
  }
  return head;
}

interface StreamRun {
  readonly counts: ReturnType<VersionCounter['result']>;
  readonly warnings: ListWarningRecord[];
  readonly publishedAt?: string;
  readonly declaredCount?: number;
}

async function streamInto(
  deps: ListsDeps,
  repo: ListRepo,
  version: ListVersionRecord,
  files: readonly ByteSource[],
  format: ListFormatId,
  request: ImportListRequest,
): Promise<StreamRun> {
  const batchSize = deps.batchSize ?? 1000;
  const counter = new VersionCounter();
  const kept: ListWarningRecord[] = [];
  let pendingWarnings: { location: string; message: string }[] = [];
  let batch = new Map<string, Entity>();
  let bytes = 0;
  const totalBytes = files.every((f) => f.size !== undefined) ? files.reduce((s, f) => s + (f.size ?? 0), 0) : undefined;
  let publishedAt: string | undefined;
  let declaredCount: number | undefined;
  let declaredBySchema: Record<string, number> | undefined;
  const displayName = version.fileName;

  const warn = (location: string, message: string) => {
    counter.addWarning();
    pendingWarnings.push({ location, message });
    if (kept.length < KEEP_WARNINGS) kept.push({ versionId: version.id, location, message });
  };
  const flushWarnings = async () => {
    if (pendingWarnings.length === 0) return;
    const w = pendingWarnings;
    pendingWarnings = [];
    await repo.addWarnings(version.id, w);
  };
  const flush = async () => {
    if (batch.size === 0) return;
    const entities = [...batch.values()];
    batch = new Map();
    const { duplicates } = await repo.addEntities(version.id, entities);
    for (const id of duplicates) warn(`${displayName}, record ${id}`, `entity ${id} appears more than once; the later record was ignored`);
    const dup = new Set(duplicates);
    for (const e of entities) if (!dup.has(e.id)) counter.add(e);
    await flushWarnings();
    request.onProgress?.({ bytes, ...(totalBytes !== undefined ? { totalBytes } : {}), entities: counter.entities });
  };

  // Count bytes as the parser pulls them, for the progress bar.
  const counted: ByteSource[] = files.map((f) => ({
    name: f.name,
    ...(f.size !== undefined ? { size: f.size } : {}),
    async *open() {
      for await (const chunk of f.open()) {
        bytes += chunk.byteLength;
        yield chunk;
      }
    },
  }));

  const events = deps.parser.parseList(format, { files: counted }, { list: version.sourceId })[Symbol.asyncIterator]();
  for (;;) {
    request.signal?.throwIfAborted();
    let step: IteratorResult<ListParseEvent>;
    try {
      step = await events.next();
    } catch (e) {
      // A parser fault that is not already an ArgusError still means this file could not be read.
      if (isArgusError(e)) throw e;
      throw new ArgusError('LIST_PARSE_FAILED', `${displayName}: ${e instanceof Error ? e.message : String(e)}`, {
        location: { file: displayName },
        cause: e,
      });
    }
    if (step.done) break;
    const ev = step.value;
    if (ev.type === 'entity') {
      if (batch.has(ev.entity.id)) {
        warn(`${displayName}, record ${ev.entity.id}`, `entity ${ev.entity.id} appears more than once; the later record was ignored`);
        continue;
      }
      batch.set(ev.entity.id, ev.entity);
      if (batch.size >= batchSize) await flush();
    } else if (ev.type === 'warning') {
      warn(ArgusError.where(ev.location) || displayName, ev.message);
      if (pendingWarnings.length >= batchSize) await flushWarnings();
    } else {
      if (ev.publishedAt !== undefined) publishedAt = ev.publishedAt;
      if (ev.declaredCount !== undefined) declaredCount = ev.declaredCount;
      if (ev.declaredBySchema !== undefined) declaredBySchema = ev.declaredBySchema;
    }
  }
  await flush();

  // The file's own totals against what was read: a difference is reported, never silent.
  const counts = counter.result();
  if (declaredCount !== undefined && declaredCount !== counts.entities) {
    warn(displayName, `the file declares ${declaredCount} entities; ${counts.entities} were read`);
  }
  for (const [schema, n] of Object.entries(declaredBySchema ?? {})) {
    const got = counts.bySchema[schema] ?? 0;
    if (got !== n) warn(displayName, `the file declares ${n} ${schema} entities; ${got} were read`);
  }
  await flushWarnings();
  return {
    counts: counter.result(),
    warnings: kept,
    ...(publishedAt !== undefined ? { publishedAt } : {}),
    ...(declaredCount !== undefined ? { declaredCount } : {}),
  };
}
