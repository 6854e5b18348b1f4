/** ListRepo over PostgreSQL: an agency reads public lists and its own, writes its own; versions switch in one short transaction. */

import type pg from 'pg';
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
  urls: string[];
  current_version_id: string | null;
  created_at: Date;
}

interface VersionRow {
  agency_id: string;
  id: string;
  source_id: string;
  seq: number;
  status: ListVersionRecord['status'];
  checksum: string;
  file_name: string;
  files: ListFileRecord[];
  format: string;
  published_at: string | null;
  declared_count: number | null;
  imported_at: Date;
  completed_at: Date | null;
  counts: ListVersionCounts | null;
  changes: ListVersionChanges | null;
  error: string | null;
}

function sourceRecord(r: SourceRow): ListSourceRecord {
  return {
    id: r.id,
    agencyId: r.agency_id,
    name: r.name,
    ...(r.format !== null ? { format: r.format } : {}),
    urls: r.urls,
    ...(r.current_version_id !== null ? { currentVersionId: r.current_version_id } : {}),
    createdAt: r.created_at.toISOString(),
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
    files: r.files,
    format: r.format,
    ...(r.published_at !== null ? { publishedAt: r.published_at } : {}),
    ...(r.declared_count !== null ? { declaredCount: r.declared_count } : {}),
    importedAt: r.imported_at.toISOString(),
    ...(r.completed_at !== null ? { completedAt: r.completed_at.toISOString() } : {}),
    ...(r.counts !== null ? { counts: r.counts } : {}),
    ...(r.changes !== null ? { changes: r.changes } : {}),
    ...(r.error !== null ? { error: r.error } : {}),
  };
}

type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>;

export class PostgresListRepo implements ListRepo {
  readonly #pool: pg.Pool;
  readonly #agency: string;

  constructor(pool: pg.Pool, agencyId: string) {
    this.#pool = pool;
    this.#agency = agencyId;
  }

  async #tx<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.#pool.connect();
    try {
      await client.query('BEGIN');
      const out = await work(client);
      await client.query('COMMIT');
      return out;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => {});
      throw e;
    } finally {
      client.release();
    }
  }

  /** The visible row wins by ownership: the agency's own before public. */
  async #sourceRow(id: string, q: Queryable = this.#pool): Promise<SourceRow | undefined> {
    const { rows } = await q.query<SourceRow>(
      `SELECT * FROM list_sources WHERE id = $1 AND agency_id IN ($2, $3) ORDER BY agency_id = $2 DESC LIMIT 1`,
      [id, this.#agency, PUBLIC_AGENCY],
    );
    return rows[0];
  }

  async #versionRow(id: string): Promise<VersionRow | undefined> {
    const { rows } = await this.#pool.query<VersionRow>(
      `SELECT * FROM list_versions WHERE id = $1 AND agency_id IN ($2, $3) ORDER BY agency_id = $2 DESC LIMIT 1`,
      [id, this.#agency, PUBLIC_AGENCY],
    );
    return rows[0];
  }

  /** A version this agency owns and is still importing (locked for the transaction when `lock`). */
  async #pendingRow(id: string, q: Queryable = this.#pool, lock = false): Promise<VersionRow> {
    const { rows } = await q.query<VersionRow>(`SELECT * FROM list_versions WHERE id = $1 AND agency_id = $2${lock ? ' FOR UPDATE' : ''}`, [
      id,
      this.#agency,
    ]);
    const row = rows[0];
    if (!row) throw new ArgusError('LIST_VERSION_UNKNOWN', `no list version "${id}" of agency ${this.#agency}`);
    if (row.status !== 'pending') throw new ArgusError('CONFLICT', `list version ${id} is ${row.status}, not pending`);
    return row;
  }

  async upsertSource(source: Parameters<ListRepo['upsertSource']>[0]): Promise<ListSourceRecord> {
    return this.#tx(async (c) => {
      // Serialise creators of one source id, so the public/agency exclusivity check cannot race.
      await c.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`argus-list-source:${source.id}`]);
      // A source id is either public or one agency's own, never both: entity ids must stay unambiguous.
      const { rows: clash } = await c.query<{ agency_id: string }>(
        this.#agency === PUBLIC_AGENCY
          ? `SELECT agency_id FROM list_sources WHERE id = $1 AND agency_id <> $2 LIMIT 1`
          : `SELECT agency_id FROM list_sources WHERE id = $1 AND agency_id = $2`,
        [source.id, PUBLIC_AGENCY],
      );
      if (clash[0]) {
        throw new ArgusError(
          'CONFLICT',
          `list source "${source.id}" already exists as ${clash[0].agency_id === PUBLIC_AGENCY ? 'a public' : 'an agency'} list`,
        );
      }
      const { rows } = await c.query<SourceRow>(
        `INSERT INTO list_sources (agency_id, id, name, format, urls, created_at) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (agency_id, id) DO UPDATE SET name = excluded.name, format = excluded.format, urls = excluded.urls
         RETURNING *`,
        [this.#agency, source.id, source.name, source.format ?? null, JSON.stringify(source.urls), source.createdAt],
      );
      return sourceRecord(rows[0] as SourceRow);
    });
  }

  async getSource(id: string): Promise<ListSourceRecord | undefined> {
    const row = await this.#sourceRow(id);
    return row ? sourceRecord(row) : undefined;
  }

  async listSources(): Promise<ListSourceRecord[]> {
    const { rows } = await this.#pool.query<SourceRow>(
      `SELECT * FROM list_sources WHERE agency_id IN ($1, $2) ORDER BY id COLLATE "C", agency_id`,
      [this.#agency, PUBLIC_AGENCY],
    );
    return rows.map(sourceRecord);
  }

  async beginVersion(version: NewListVersion): Promise<ListVersionRecord> {
    return this.#tx(async (c) => {
      // Locking the source row serialises seq numbers of concurrent imports of one source.
      const { rows: owned } = await c.query(`SELECT 1 FROM list_sources WHERE agency_id = $1 AND id = $2 FOR UPDATE`, [
        this.#agency,
        version.sourceId,
      ]);
      if (owned.length === 0) throw new ArgusError('LIST_SOURCE_UNKNOWN', `no list source "${version.sourceId}" of agency ${this.#agency}`);
      const { rows: s } = await c.query<{ seq: number }>(
        `SELECT COALESCE(MAX(seq), 0) + 1 AS seq FROM list_versions WHERE agency_id = $1 AND source_id = $2`,
        [this.#agency, version.sourceId],
      );
      const seq = Number(s[0]?.seq ?? 1);
      const { rows } = await c.query<VersionRow>(
        `INSERT INTO list_versions (agency_id, id, source_id, seq, status, checksum, file_name, files, format, imported_at)
         VALUES ($1, $2, $3, $4, 'pending', $5, $6, $7, $8, $9) RETURNING *`,
        [
          this.#agency,
          `${version.sourceId}@${seq}`,
          version.sourceId,
          seq,
          version.checksum,
          version.fileName,
          JSON.stringify(version.files),
          version.format,
          version.importedAt,
        ],
      );
      return versionRecord(rows[0] as VersionRow);
    });
  }

  async addEntities(versionId: string, entities: readonly Entity[]): Promise<{ readonly duplicates: readonly string[] }> {
    await this.#pendingRow(versionId);
    if (entities.length === 0) return { duplicates: [] };
    const ids: string[] = [];
    const schemas: string[] = [];
    const hashes: string[] = [];
    const data: string[] = [];
    for (const e of entities) {
      const s = storedEntity(e);
      ids.push(s.id);
      schemas.push(s.schema);
      hashes.push(s.hash);
      data.push(s.json);
    }
    // One statement per batch: arrays in, unnest, so a thousand rows cost one round trip.
    const { rows } = await this.#pool.query<{ entity_id: string }>(
      `INSERT INTO list_entities (agency_id, version_id, entity_id, schema, hash, data)
       SELECT $1, $2, u.entity_id, u.schema, u.hash, u.data
       FROM unnest($3::text[], $4::text[], $5::text[], $6::text[]) AS u(entity_id, schema, hash, data)
       ON CONFLICT DO NOTHING RETURNING entity_id`,
      [this.#agency, versionId, ids, schemas, hashes, data],
    );
    if (rows.length === ids.length) return { duplicates: [] };
    // Every id not inserted was already there; an id repeated inside the batch is inserted once, so count occurrences.
    const inserted = new Map<string, number>();
    for (const r of rows) inserted.set(r.entity_id, (inserted.get(r.entity_id) ?? 0) + 1);
    const duplicates: string[] = [];
    for (const id of ids) {
      const n = inserted.get(id) ?? 0;
      if (n > 0) inserted.set(id, n - 1);
      else duplicates.push(id);
    }
    return { duplicates };
  }

  async addWarnings(versionId: string, warnings: readonly Omit<ListWarningRecord, 'versionId'>[]): Promise<void> {
    await this.#pendingRow(versionId);
    if (warnings.length === 0) return;
    await this.#pool.query(
      `INSERT INTO list_warnings (agency_id, version_id, location, message)
       SELECT $1, $2, u.location, u.message FROM unnest($3::text[], $4::text[]) WITH ORDINALITY AS u(location, message, n) ORDER BY u.n`,
      [this.#agency, versionId, warnings.map((w) => w.location), warnings.map((w) => w.message)],
    );
  }

  async compareVersions(fromVersionId: string, versionId: string): Promise<ListVersionChanges> {
    const a = await this.#versionRow(fromVersionId);
    const b = await this.#versionRow(versionId);
    if (!a || !b) throw new ArgusError('LIST_VERSION_UNKNOWN', `no list version "${a ? versionId : fromVersionId}"`);
    const { rows } = await this.#pool.query<{ added: string; removed: string; changed: string; unchanged: string }>(
      `SELECT
         count(*) FILTER (WHERE x.entity_id IS NULL) AS added,
         count(*) FILTER (WHERE y.entity_id IS NULL) AS removed,
         count(*) FILTER (WHERE x.hash <> y.hash) AS changed,
         count(*) FILTER (WHERE x.hash = y.hash) AS unchanged
       FROM (SELECT entity_id, hash FROM list_entities WHERE agency_id = $1 AND version_id = $2) x
       FULL JOIN (SELECT entity_id, hash FROM list_entities WHERE agency_id = $3 AND version_id = $4) y USING (entity_id)`,
      [a.agency_id, a.id, b.agency_id, b.id],
    );
    const r = rows[0];
    return {
      fromVersionId: a.id,
      added: Number(r?.added ?? 0),
      removed: Number(r?.removed ?? 0),
      changed: Number(r?.changed ?? 0),
      unchanged: Number(r?.unchanged ?? 0),
    };
  }

  async completeVersion(versionId: string, summary: CompletedListVersion): Promise<ListVersionRecord> {
    return this.#tx(async (c) => {
      const row = await this.#pendingRow(versionId, c, true);
      await c.query(`SELECT 1 FROM list_sources WHERE agency_id = $1 AND id = $2 FOR UPDATE`, [this.#agency, row.source_id]);
      await c.query(`UPDATE list_versions SET status = 'superseded' WHERE agency_id = $1 AND source_id = $2 AND status = 'current'`, [
        this.#agency,
        row.source_id,
      ]);
      const { rows } = await c.query<VersionRow>(
        `UPDATE list_versions SET status = 'current', counts = $1, completed_at = $2, published_at = $3, declared_count = $4, changes = $5
         WHERE agency_id = $6 AND id = $7 RETURNING *`,
        [
          JSON.stringify(summary.counts),
          summary.completedAt,
          summary.publishedAt ?? null,
          summary.declaredCount ?? null,
          summary.changes ? JSON.stringify(summary.changes) : null,
          this.#agency,
          versionId,
        ],
      );
      await c.query(`UPDATE list_sources SET current_version_id = $1 WHERE agency_id = $2 AND id = $3`, [
        versionId,
        this.#agency,
        row.source_id,
      ]);
      return versionRecord(rows[0] as VersionRow);
    });
  }

  async failVersion(versionId: string, error: string, at: string): Promise<void> {
    await this.#tx(async (c) => {
      const { rowCount } = await c.query(
        `UPDATE list_versions SET status = 'failed', error = $1, completed_at = $2 WHERE agency_id = $3 AND id = $4 AND status = 'pending'`,
        [error, at, this.#agency, versionId],
      );
      if (!rowCount) return;
      await c.query(`DELETE FROM list_entities WHERE agency_id = $1 AND version_id = $2`, [this.#agency, versionId]);
      await c.query(`DELETE FROM list_warnings WHERE agency_id = $1 AND version_id = $2`, [this.#agency, versionId]);
    });
  }

  async updateFiles(versionId: string, files: readonly ListFileRecord[]): Promise<void> {
    await this.#pool.query(`UPDATE list_versions SET files = $1 WHERE agency_id = $2 AND id = $3`, [
      JSON.stringify(files),
      this.#agency,
      versionId,
    ]);
  }

  async getVersion(versionId: string): Promise<ListVersionRecord | undefined> {
    const row = await this.#versionRow(versionId);
    return row ? versionRecord(row) : undefined;
  }

  async listVersions(sourceId: string): Promise<ListVersionRecord[]> {
    const source = await this.#sourceRow(sourceId);
    if (!source) return [];
    const { rows } = await this.#pool.query<VersionRow>(
      `SELECT * FROM list_versions WHERE agency_id = $1 AND source_id = $2 ORDER BY seq DESC`,
      [source.agency_id, sourceId],
    );
    return rows.map(versionRecord);
  }

  async warnings(versionId: string, limit = 1000): Promise<ListWarningRecord[]> {
    const v = await this.#versionRow(versionId);
    if (!v) return [];
    const { rows } = await this.#pool.query<{ location: string; message: string }>(
      `SELECT location, message FROM list_warnings WHERE agency_id = $1 AND version_id = $2 ORDER BY id LIMIT $3`,
      [v.agency_id, v.id, limit],
    );
    return rows.map((r) => ({ versionId: v.id, location: r.location, message: r.message }));
  }

  async *versionEntities(versionId: string): AsyncIterable<Entity> {
    const v = await this.#versionRow(versionId);
    if (!v || v.status === 'failed') return;
    yield* this.#pages(v.agency_id, v.id);
  }

  /** Keyset pages in "C" collation: the same byte order SQLite gives, so diffs merge the same on both stores. */
  async *#pages(agencyId: string, versionId: string): AsyncGenerator<Entity> {
    let after = '';
    for (;;) {
      const { rows } = await this.#pool.query<{ entity_id: string; data: string }>(
        `SELECT entity_id, data FROM list_entities WHERE agency_id = $1 AND version_id = $2 AND entity_id > $3 ORDER BY entity_id LIMIT $4`,
        [agencyId, versionId, after, PAGE],
      );
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
      const v = await this.#versionRow(versionId);
      if (!v) return undefined;
      const { rows } = await this.#pool.query<{ data: string }>(
        `SELECT data FROM list_entities WHERE agency_id = $1 AND version_id = $2 AND entity_id = $3`,
        [v.agency_id, v.id, entityId],
      );
      return rows[0] ? entityFromStored(rows[0].data, v.id) : undefined;
    }
    const { rows } = await this.#pool.query<{ data: string; version_id: string }>(
      `SELECT e.data, e.version_id FROM list_sources s
       JOIN list_entities e ON e.agency_id = s.agency_id AND e.version_id = s.current_version_id AND e.entity_id = $1
       WHERE s.agency_id IN ($2, $3) ORDER BY s.agency_id = $2 DESC LIMIT 1`,
      [entityId, this.#agency, PUBLIC_AGENCY],
    );
    return rows[0] ? entityFromStored(rows[0].data, rows[0].version_id) : undefined;
  }
}
