/** ListRepo over SQLite: an agency reads public lists and its own, writes its own; versions switch in one short transaction. */

import type Database from 'better-sqlite3';
import { ArgusError, type Entity } from '@argus/core';
import { entityFromStored, storedEntity } from '@argus/core/versions';
import {
  type CompletedListVersion,
  type ListFileRecord,
  type ListRepo,
  type ListSourceRecord,
  type ListVersionChanges,
  type ListVersionCounts,
  type ListVersionRecord,
  type ListWarningRecord,
  type NewListVersion,
  PUBLIC_AGENCY,
} from '@argus/app';

const PAGE = 1000;

interface SourceRow {
  agency_id: string;
  id: string;
  name: string;
  format: string | null;
  urls: string;
  current_version_id: string | null;
  created_at: string;
}

interface VersionRow {
  agency_id: string;
  id: string;
  source_id: string;
  seq: number;
  status: ListVersionRecord['status'];
  checksum: string;
  file_name: string;
  files: string;
  format: string;
  published_at: string | null;
  declared_count: number | null;
  imported_at: string;
  completed_at: string | null;
  counts: string | null;
  changes: string | null;
  error: string | null;
}

function sourceRecord(r: SourceRow): ListSourceRecord {
  return {
    id: r.id,
    agencyId: r.agency_id,
    name: r.name,
    ...(r.format !== null ? { format: r.format } : {}),
    urls: JSON.parse(r.urls) as string[],
    ...(r.current_version_id !== null ? { currentVersionId: r.current_version_id } : {}),
    createdAt: r.created_at,
  };
}

function versionRecord(r: VersionRow): ListVersionRecord {
  return {
    id: r.id,
    sourceId: r.source_id,
    agencyId: r.agency_id,
    seq: r.seq,
    status: r.status,
    checksum: r.checksum,
    fileName: r.file_name,
    files: JSON.parse(r.files) as ListFileRecord[],
    format: r.format,
    ...(r.published_at !== null ? { publishedAt: r.published_at } : {}),
    ...(r.declared_count !== null ? { declaredCount: r.declared_count } : {}),
    importedAt: r.imported_at,
    ...(r.completed_at !== null ? { completedAt: r.completed_at } : {}),
    ...(r.counts !== null ? { counts: JSON.parse(r.counts) as ListVersionCounts } : {}),
    ...(r.changes !== null ? { changes: JSON.parse(r.changes) as ListVersionChanges } : {}),
    ...(r.error !== null ? { error: r.error } : {}),
  };
}

export class SqliteListRepo implements ListRepo {
  readonly #db: Database.Database;
  readonly #agency: string;

  constructor(db: Database.Database, agencyId: string) {
    this.#db = db;
    this.#agency = agencyId;
  }

  /** The visible row wins by ownership: the agency's own before public. */
  #sourceRow(id: string): SourceRow | undefined {
    return this.#db
      .prepare(`SELECT * FROM list_sources WHERE id = ? AND agency_id IN (?, ?) ORDER BY agency_id = ? DESC LIMIT 1`)
      .get(id, this.#agency, PUBLIC_AGENCY, this.#agency) as SourceRow | undefined;
  }

  #versionRow(id: string): VersionRow | undefined {
    return this.#db
      .prepare(`SELECT * FROM list_versions WHERE id = ? AND agency_id IN (?, ?) ORDER BY agency_id = ? DESC LIMIT 1`)
      .get(id, this.#agency, PUBLIC_AGENCY, this.#agency) as VersionRow | undefined;
  }

  /** A version this agency owns and is still importing. */
  #pendingRow(id: string): VersionRow {
    const row = this.#db.prepare(`SELECT * FROM list_versions WHERE id = ? AND agency_id = ?`).get(id, this.#agency) as
      | VersionRow
      | undefined;
    if (!row) throw new ArgusError('LIST_VERSION_UNKNOWN', `no list version "${id}" of agency ${this.#agency}`);
    if (row.status !== 'pending') throw new ArgusError('CONFLICT', `list version ${id} is ${row.status}, not pending`);
    return row;
  }

  async upsertSource(source: Parameters<ListRepo['upsertSource']>[0]): Promise<ListSourceRecord> {
    const db = this.#db;
    return db.transaction(() => {
      // A source id is either public or one agency's own, never both: entity ids must stay unambiguous.
      const clash = (
        this.#agency === PUBLIC_AGENCY
          ? db.prepare(`SELECT agency_id FROM list_sources WHERE id = ? AND agency_id <> ? LIMIT 1`).get(source.id, PUBLIC_AGENCY)
          : db.prepare(`SELECT agency_id FROM list_sources WHERE id = ? AND agency_id = ?`).get(source.id, PUBLIC_AGENCY)
      ) as { agency_id: string } | undefined;
      if (clash) {
        throw new ArgusError(
          'CONFLICT',
          `list source "${source.id}" already exists as ${clash.agency_id === PUBLIC_AGENCY ? 'a public' : 'an agency'} list`,
        );
      }
      db.prepare(
        `INSERT INTO list_sources (agency_id, id, name, format, urls, created_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (agency_id, id) DO UPDATE SET name = excluded.name, format = excluded.format, urls = excluded.urls`,
      ).run(this.#agency, source.id, source.name, source.format ?? null, JSON.stringify(source.urls), source.createdAt);
      return sourceRecord(
        db.prepare(`SELECT * FROM list_sources WHERE agency_id = ? AND id = ?`).get(this.#agency, source.id) as SourceRow,
      );
    })();
  }

  async getSource(id: string): Promise<ListSourceRecord | undefined> {
    const row = this.#sourceRow(id);
    return row ? sourceRecord(row) : undefined;
  }

  async listSources(): Promise<ListSourceRecord[]> {
    const rows = this.#db
      .prepare(`SELECT * FROM list_sources WHERE agency_id IN (?, ?) ORDER BY id, agency_id`)
      .all(this.#agency, PUBLIC_AGENCY) as SourceRow[];
    return rows.map(sourceRecord);
  }

  async beginVersion(version: NewListVersion): Promise<ListVersionRecord> {
    const db = this.#db;
    return db.transaction(() => {
      const owned = db.prepare(`SELECT 1 FROM list_sources WHERE agency_id = ? AND id = ?`).get(this.#agency, version.sourceId);
      if (!owned) throw new ArgusError('LIST_SOURCE_UNKNOWN', `no list source "${version.sourceId}" of agency ${this.#agency}`);
      const { seq } = db
        .prepare(`SELECT COALESCE(MAX(seq), 0) + 1 AS seq FROM list_versions WHERE agency_id = ? AND source_id = ?`)
        .get(this.#agency, version.sourceId) as { seq: number };
      const id = `${version.sourceId}@${seq}`;
      db.prepare(
        `INSERT INTO list_versions (agency_id, id, source_id, seq, status, checksum, file_name, files, format, imported_at)
         VALUES (?, ?, ?, ?, 'pending', ?, ?, ?, ?, ?)`,
      ).run(
        this.#agency,
        id,
        version.sourceId,
        seq,
        version.checksum,
        version.fileName,
        JSON.stringify(version.files),
        version.format,
        version.importedAt,
      );
      return versionRecord(db.prepare(`SELECT * FROM list_versions WHERE agency_id = ? AND id = ?`).get(this.#agency, id) as VersionRow);
    })();
  }

  async addEntities(versionId: string, entities: readonly Entity[]): Promise<{ readonly duplicates: readonly string[] }> {
    const db = this.#db;
    this.#pendingRow(versionId);
    const insert = db.prepare(
      `INSERT INTO list_entities (agency_id, version_id, entity_id, schema, hash, data) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT DO NOTHING`,
    );
    const duplicates: string[] = [];
    db.transaction(() => {
      for (const e of entities) {
        const s = storedEntity(e);
        if (insert.run(this.#agency, versionId, s.id, s.schema, s.hash, s.json).changes === 0) duplicates.push(s.id);
      }
    })();
    return { duplicates };
  }

  async addWarnings(versionId: string, warnings: readonly Omit<ListWarningRecord, 'versionId'>[]): Promise<void> {
    const db = this.#db;
    this.#pendingRow(versionId);
    const insert = db.prepare(`INSERT INTO list_warnings (agency_id, version_id, location, message) VALUES (?, ?, ?, ?)`);
    db.transaction(() => {
      for (const w of warnings) insert.run(this.#agency, versionId, w.location, w.message);
    })();
  }

  async compareVersions(fromVersionId: string, versionId: string): Promise<ListVersionChanges> {
    const a = this.#versionRow(fromVersionId);
    const b = this.#versionRow(versionId);
    if (!a || !b) throw new ArgusError('LIST_VERSION_UNKNOWN', `no list version "${a ? versionId : fromVersionId}"`);
    const row = this.#db
      .prepare(
        `SELECT
           (SELECT count(*) FROM list_entities y WHERE y.agency_id = @bAg AND y.version_id = @b AND NOT EXISTS
              (SELECT 1 FROM list_entities x WHERE x.agency_id = @aAg AND x.version_id = @a AND x.entity_id = y.entity_id)) AS added,
           (SELECT count(*) FROM list_entities x WHERE x.agency_id = @aAg AND x.version_id = @a AND NOT EXISTS
              (SELECT 1 FROM list_entities y WHERE y.agency_id = @bAg AND y.version_id = @b AND y.entity_id = x.entity_id)) AS removed,
           (SELECT count(*) FROM list_entities x JOIN list_entities y
              ON y.agency_id = @bAg AND y.version_id = @b AND y.entity_id = x.entity_id AND y.hash <> x.hash
            WHERE x.agency_id = @aAg AND x.version_id = @a) AS changed,
           (SELECT count(*) FROM list_entities x JOIN list_entities y
              ON y.agency_id = @bAg AND y.version_id = @b AND y.entity_id = x.entity_id AND y.hash = x.hash
            WHERE x.agency_id = @aAg AND x.version_id = @a) AS unchanged`,
      )
      .get({ a: a.id, aAg: a.agency_id, b: b.id, bAg: b.agency_id }) as Omit<ListVersionChanges, 'fromVersionId'>;
    return { fromVersionId: a.id, added: row.added, removed: row.removed, changed: row.changed, unchanged: row.unchanged };
  }

  async completeVersion(versionId: string, summary: CompletedListVersion): Promise<ListVersionRecord> {
    const db = this.#db;
    return db.transaction(() => {
      const row = this.#pendingRow(versionId);
      db.prepare(`UPDATE list_versions SET status = 'superseded' WHERE agency_id = ? AND source_id = ? AND status = 'current'`).run(
        this.#agency,
        row.source_id,
      );
      db.prepare(
        `UPDATE list_versions SET status = 'current', counts = ?, completed_at = ?, published_at = ?, declared_count = ?, changes = ?
         WHERE agency_id = ? AND id = ?`,
      ).run(
        JSON.stringify(summary.counts),
        summary.completedAt,
        summary.publishedAt ?? null,
        summary.declaredCount ?? null,
        summary.changes ? JSON.stringify(summary.changes) : null,
        this.#agency,
        versionId,
      );
      db.prepare(`UPDATE list_sources SET current_version_id = ? WHERE agency_id = ? AND id = ?`).run(
        versionId,
        this.#agency,
        row.source_id,
      );
      return versionRecord(
        db.prepare(`SELECT * FROM list_versions WHERE agency_id = ? AND id = ?`).get(this.#agency, versionId) as VersionRow,
      );
    })();
  }

  async failVersion(versionId: string, error: string, at: string): Promise<void> {
    const db = this.#db;
    db.transaction(() => {
      const changed = db
        .prepare(
          `UPDATE list_versions SET status = 'failed', error = ?, completed_at = ? WHERE agency_id = ? AND id = ? AND status = 'pending'`,
        )
        .run(error, at, this.#agency, versionId).changes;
      if (changed === 0) return;
      db.prepare(`DELETE FROM list_entities WHERE agency_id = ? AND version_id = ?`).run(this.#agency, versionId);
      db.prepare(`DELETE FROM list_warnings WHERE agency_id = ? AND version_id = ?`).run(this.#agency, versionId);
    })();
  }

  async updateFiles(versionId: string, files: readonly ListFileRecord[]): Promise<void> {
    this.#db
      .prepare(`UPDATE list_versions SET files = ? WHERE agency_id = ? AND id = ?`)
      .run(JSON.stringify(files), this.#agency, versionId);
  }

  async getVersion(versionId: string): Promise<ListVersionRecord | undefined> {
    const row = this.#versionRow(versionId);
    return row ? versionRecord(row) : undefined;
  }

  async listVersions(sourceId: string): Promise<ListVersionRecord[]> {
    const source = this.#sourceRow(sourceId);
    if (!source) return [];
    const rows = this.#db
      .prepare(`SELECT * FROM list_versions WHERE agency_id = ? AND source_id = ? ORDER BY seq DESC`)
      .all(source.agency_id, sourceId) as VersionRow[];
    return rows.map(versionRecord);
  }

  async warnings(versionId: string, limit = 1000): Promise<ListWarningRecord[]> {
    const v = this.#versionRow(versionId);
    if (!v) return [];
    const rows = this.#db
      .prepare(`SELECT location, message FROM list_warnings WHERE agency_id = ? AND version_id = ? ORDER BY id LIMIT ?`)
      .all(v.agency_id, v.id, limit) as { location: string; message: string }[];
    return rows.map((r) => ({ versionId: v.id, location: r.location, message: r.message }));
  }

  async *versionEntities(versionId: string): AsyncIterable<Entity> {
    const v = this.#versionRow(versionId);
    if (!v || v.status === 'failed') return;
    yield* this.#pages(v.agency_id, v.id);
  }

  /** Pages by key rather than holding a statement open, so the connection stays free for writes between pages. */
  async *#pages(agencyId: string, versionId: string): AsyncGenerator<Entity> {
    const page = this.#db.prepare(
      `SELECT entity_id, data FROM list_entities WHERE agency_id = ? AND version_id = ? AND entity_id > ? ORDER BY entity_id LIMIT ?`,
    );
    let after = '';
    for (;;) {
      const rows = page.all(agencyId, versionId, after, PAGE) as { entity_id: string; data: string }[];
      for (const r of rows) yield entityFromStored(r.data, versionId);
      if (rows.length < PAGE) return;
      after = (rows[rows.length - 1] as { entity_id: string }).entity_id;
    }
  }

  async *currentEntities(sourceIds?: readonly string[]): AsyncIterable<Entity> {
    const wanted = sourceIds ? new Set(sourceIds) : undefined;
    for (const s of await this.listSources()) {
      if (!s.currentVersionId || (wanted && !wanted.has(s.id))) continue;
      yield* this.#pages(s.agencyId, s.currentVersionId);
    }
  }

  async getEntity(entityId: string, versionId?: string): Promise<Entity | undefined> {
    if (versionId !== undefined) {
      const v = this.#versionRow(versionId);
      if (!v) return undefined;
      const row = this.#db
        .prepare(`SELECT data FROM list_entities WHERE agency_id = ? AND version_id = ? AND entity_id = ?`)
        .get(v.agency_id, v.id, entityId) as { data: string } | undefined;
      return row ? entityFromStored(row.data, v.id) : undefined;
    }
    const row = this.#db
      .prepare(
        `SELECT e.data, e.version_id FROM list_sources s
         JOIN list_entities e ON e.agency_id = s.agency_id AND e.version_id = s.current_version_id AND e.entity_id = ?
         WHERE s.agency_id IN (?, ?) ORDER BY s.agency_id = ? DESC LIMIT 1`,
      )
      .get(entityId, this.#agency, PUBLIC_AGENCY, this.#agency) as { data: string; version_id: string } | undefined;
    return row ? entityFromStored(row.data, row.version_id) : undefined;
  }
}
