/** CaseRepo over PostgreSQL: case documents with indexed queue columns, evidence bytes keyed by SHA-256. */

import type pg from 'pg';
import type { CaseFilter, CaseRepo, StoredEvidence } from '@argus/app';
import { ArgusError } from '@argus/core';
import type { CaseFile } from '@argus/core/cases';

export class PostgresCaseRepo implements CaseRepo {
  readonly #pool: pg.Pool;
  readonly #agencyId: string;

  constructor(pool: pg.Pool, agencyId: string) {
    this.#pool = pool;
    this.#agencyId = agencyId;
  }

  async #tx<T>(fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.#pool.connect();
    try {
      await client.query('BEGIN');
      const out = await fn(client);
      await client.query('COMMIT');
      return out;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => {});
      throw e;
    } finally {
      client.release();
    }
  }

  async #links(client: pg.PoolClient, c: CaseFile): Promise<void> {
    await client.query('DELETE FROM case_alerts WHERE agency_id = $1 AND case_id = $2', [this.#agencyId, c.id]);
    if (c.alertIds.length === 0) return;
    await client.query(`INSERT INTO case_alerts (agency_id, case_id, alert_id) SELECT $1, $2, unnest($3::text[]) ON CONFLICT DO NOTHING`, [
      this.#agencyId,
      c.id,
      [...c.alertIds],
    ]);
  }

  async create(c: CaseFile): Promise<void> {
    try {
      await this.#tx(async (client) => {
        await client.query(
          `INSERT INTO cases (agency_id, id, status, assignee, created_at, updated_at, version, doc) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [
            this.#agencyId,
            c.id,
            c.status,
            c.assignee ?? null,
            c.createdAt,
            c.updatedAt,
            c.version,
            JSON.stringify({ ...c, agencyId: this.#agencyId }),
          ],
        );
        await this.#links(client, c);
      });
    } catch (e) {
      if ((e as { code?: string }).code === '23505') throw new ArgusError('CONFLICT', `case ${c.id} exists`);
      throw e;
    }
  }

  async get(id: string): Promise<CaseFile | undefined> {
    const { rows } = await this.#pool.query<{ doc: string }>('SELECT doc FROM cases WHERE agency_id = $1 AND id = $2', [
      this.#agencyId,
      id,
    ]);
    return rows[0] ? (JSON.parse(rows[0].doc) as CaseFile) : undefined;
  }

  async update(c: CaseFile): Promise<boolean> {
    return this.#tx(async (client) => {
      const res = await client.query(
        `UPDATE cases SET status = $1, assignee = $2, updated_at = $3, version = $4, doc = $5
         WHERE agency_id = $6 AND id = $7 AND version = $8`,
        [
          c.status,
          c.assignee ?? null,
          c.updatedAt,
          c.version,
          JSON.stringify({ ...c, agencyId: this.#agencyId }),
          this.#agencyId,
          c.id,
          c.version - 1,
        ],
      );
      if (res.rowCount === 0) return false;
      await this.#links(client, c);
      return true;
    });
  }

  #where(filter: CaseFilter): { sql: string; args: unknown[] } {
    const args: unknown[] = [this.#agencyId];
    const where = ['c.agency_id = $1'];
    if (filter.status !== undefined) {
      args.push(typeof filter.status === 'string' ? [filter.status] : [...filter.status]);
      where.push(`c.status = ANY($${args.length}::text[])`);
    }
    if (filter.assignee !== undefined) {
      args.push(filter.assignee);
      where.push(`c.assignee = $${args.length}`);
    }
    if (filter.alertId !== undefined) {
      args.push(filter.alertId);
      where.push(
        `EXISTS (SELECT 1 FROM case_alerts a WHERE a.agency_id = c.agency_id AND a.case_id = c.id AND a.alert_id = $${args.length})`,
      );
    }
    return { sql: where.join(' AND '), args };
  }

  async list(filter: CaseFilter = {}): Promise<CaseFile[]> {
    const w = this.#where(filter);
    const args = [...w.args, filter.limit ?? 100, filter.offset ?? 0];
    const { rows } = await this.#pool.query<{ doc: string }>(
      `SELECT doc FROM cases c WHERE ${w.sql} ORDER BY c.updated_at DESC, c.id DESC LIMIT $${args.length - 1} OFFSET $${args.length}`,
      args,
    );
    return rows.map((r) => JSON.parse(r.doc) as CaseFile);
  }

  async count(filter: CaseFilter = {}): Promise<number> {
    const w = this.#where(filter);
    const { rows } = await this.#pool.query<{ n: string }>(`SELECT count(*) AS n FROM cases c WHERE ${w.sql}`, w.args);
    return Number(rows[0]?.n ?? 0);
  }

  async putEvidence(e: Omit<StoredEvidence, 'size'>): Promise<void> {
    await this.#pool.query(
      `INSERT INTO case_evidence_blobs (agency_id, sha256, size, content_type, bytes) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (agency_id, sha256) DO NOTHING`,
      [this.#agencyId, e.sha256, e.bytes.length, e.contentType, Buffer.from(e.bytes.buffer, e.bytes.byteOffset, e.bytes.byteLength)],
    );
  }

  async getEvidence(sha256: string): Promise<StoredEvidence | undefined> {
    const { rows } = await this.#pool.query<{ sha256: string; size: number; content_type: string; bytes: Buffer }>(
      'SELECT sha256, size, content_type, bytes FROM case_evidence_blobs WHERE agency_id = $1 AND sha256 = $2',
      [this.#agencyId, sha256],
    );
    const r = rows[0];
    return r ? { sha256: r.sha256, size: r.size, contentType: r.content_type, bytes: new Uint8Array(r.bytes) } : undefined;
  }
}
