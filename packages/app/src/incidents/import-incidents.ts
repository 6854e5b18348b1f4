/** importIncidents: a dataset file (PBC suicide / drone, Argus CSV / JSON) into the register, every bad row a located warning. */

import { ArgusError } from '@argus/core';
import { type FigureSums, type Incident, type IncidentFormat, isIncidentFormat, parseIncidentFile, shortHash } from '@argus/core/incidents';
import { type ByteSource, type TextEncodingName, decodeText, sniffEncoding } from '@argus/core/text';
import type { IncidentImportRecord, IncidentImportWarning } from '../ports/incident-repo.js';
import { type IncidentsDeps, indexesOf, repoOf } from './incidents-deps.js';

export interface ImportIncidentsRequest {
  readonly file: ByteSource;
  readonly format: string;
  /** Detected when absent: UTF-8 if the bytes decode as such, else Windows-1252 (the PBC files). */
  readonly encoding?: TextEncodingName;
  readonly batchSize?: number;
}

export interface ImportIncidentsResult {
  readonly record: IncidentImportRecord;
  /** Killed / injured low and high summed over the imported incidents. */
  readonly imported: FigureSums;
}

/** The bytes the encoding is judged on: the whole file up to 32 MB (one stray byte deep in a file decides it). */
async function head(file: ByteSource): Promise<Uint8Array> {
  const limit = 32 * 1024 * 1024;
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of file.open()) {
    chunks.push(chunk);
    size += chunk.byteLength;
    if (size >= limit) break;
  }
  const all = new Uint8Array(size + 4);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  // sniffEncoding ignores the last 4 bytes (a character cut by a chunk edge): pad so the real end is judged.
  return all;
}

/**
 * Imports one file. Rows are written in batches; ids are stable (`pbc-suicide-<S#>`), so importing a
 * file again replaces its incidents instead of doubling them. Every warning is kept on the import
 * record with its line and field; skipped rows are counted, nothing is dropped silently.
 */
export async function importIncidents(deps: IncidentsDeps, request: ImportIncidentsRequest): Promise<ImportIncidentsResult> {
  if (!isIncidentFormat(request.format)) {
    throw new ArgusError('INPUT_INVALID', `unknown incident format "${request.format}" (pbc-suicide, pbc-drone, argus-csv, argus-json)`, {
      location: { field: 'format' },
    });
  }
  const format: IncidentFormat = request.format;
  const name = request.file.name;
  const encoding = request.encoding ?? sniffEncoding(await head(request.file));
  const { places, groups } = indexesOf(deps);
  const repo = repoOf(deps);
  const batchSize = request.batchSize ?? 500;
  const warnings: IncidentImportWarning[] = [];
  const imported: FigureSums = { killedLow: 0, killedHigh: 0, injuredLow: 0, injuredHigh: 0 };
  let rows = 0;
  let count = 0;
  let skipped = 0;
  let totals: IncidentImportRecord['totals'];
  let batch: Incident[] = [];
  const rowsSeen = new Set<number>();
  for await (const ev of parseIncidentFile(format, decodeText(request.file.open(), name, encoding), { file: name, places, groups })) {
    if (ev.type === 'incident') {
      if (!rowsSeen.has(ev.line)) rows++;
      rowsSeen.add(ev.line);
      count++;
      imported.killedLow += ev.incident.totals.killed.low;
      imported.killedHigh += ev.incident.totals.killed.high;
      imported.injuredLow += ev.incident.totals.injured.low;
      imported.injuredHigh += ev.incident.totals.injured.high;
      batch.push(ev.incident);
      if (batch.length >= batchSize) {
        await repo.upsertIncidents(batch);
        batch = [];
      }
    } else if (ev.type === 'warning') {
      if (!rowsSeen.has(ev.line)) rows++;
      rowsSeen.add(ev.line);
      if (ev.skipped) skipped++;
      warnings.push({
        location: [`${name}`, `line ${ev.line}`, ...(ev.field ? [`field ${ev.field}`] : [])].join(', '),
        message: ev.message,
        skipped: ev.skipped,
      });
    } else {
      const differ = Object.keys(ev.declared).filter((c) => ev.declared[c] !== ev.summed[c]);
      totals = { line: ev.line, declared: { ...ev.declared }, summed: { ...ev.summed }, matches: differ.length === 0 };
      for (const c of differ) {
        warnings.push({
          location: `${name}, line ${ev.line}, field ${c}`,
          message: `the totals row says ${ev.declared[c]}, the rows sum to ${ev.summed[c]}`,
          skipped: false,
        });
      }
    }
  }
  if (batch.length > 0) await repo.upsertIncidents(batch);
  if (count === 0 && rows === 0) {
    throw new ArgusError('INCIDENT_IMPORT_FAILED', `${name}: no incident rows`, { location: { file: name } });
  }
  const importedAt = deps.clock.now().toISOString();
  const record: IncidentImportRecord = {
    id: `imp-${shortHash(`${name}|${format}|${importedAt}`)}`,
    file: name,
    format,
    encoding,
    importedAt,
    counts: { rows, imported: count, skipped, warnings: warnings.length },
    ...(totals ? { totals } : {}),
    warnings,
  };
  await repo.saveImport(record);
  return { record, imported };
}
