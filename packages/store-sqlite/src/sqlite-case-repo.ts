/** CaseRepo over SQLite: case documents with indexed queue columns, evidence bytes keyed by SHA-256. */

import type Database from 'better-sqlite3';
import type { CaseFilter, CaseRepo, StoredEvidence } from '@argus/app';
import { ArgusError } from '@argus/core';
import type { CaseFile } from '@argus/core/cases';

export class SqliteCaseRepo implements CaseRepo {
  readonly #db: Database.Database;
  readonly #agencyId: string;

  constructor(db: Database.Database, agencyId: string) {
    this.#db = db;
    this.#agencyId = agencyId;
  }

  #links(c: CaseFile): void {
    this.#db.prepare('DELETE FROM case_alerts WHERE agency_id = ? AND case_id = ?').run(this.#agencyId, c.id);
    const ins = this.#db.prepare('INSERT OR IGNORE INTO case_alerts (agency_id, case_id, alert_id) VALUES (?, ?, ?)');
    for (const a of c.alertIds) ins.run(this.#agencyId, c.id, a);
  }

  async create(c: CaseFile): Promise<void> {
    try {
      this.#db.transaction(() => {
        this.#db
          .prepare(
            `INSERT INTO cases (agency_id, id, status, assignee, created_at, updated_at, version, doc)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            this.#agencyId,
            c.id,
            c.status,
            c.assignee ?? null,
            c.createdAt,
            c.updatedAt,
            c.version,
            JSON.stringify({ ...c, agencyId: this.#agencyId }),
          );
        this.#links(c);
      })();
    } catch (e) {
      if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw new ArgusError('CONFLICT', `case ${c.id} exists`);
      throw e;
    }
  }

  async get(id: string): Promise<CaseFile | undefined> {
    const r = this.#db.prepare('SELECT doc FROM cases WHERE agency_id = ? AND id = ?').get(this.#agencyId, id) as
      | { doc: string }
      | undefined;
    return r ? (JSON.parse(r.doc) as CaseFile) : undefined;
  }

  async update(c: CaseFile): Promise<boolean> {
    return this.#db.transaction(() => {
      const res = this.#db
        .prepare(
          `UPDATE cases SET status = ?, assignee = ?, updated_at = ?, version = ?, doc = ?
           WHERE agency_id = ? AND id = ? AND version = ?`,
        )
        .run(
          c.status,
          c.assignee ?? null,
          c.updatedAt,
          c.version,
          JSON.stringify({ ...c, agencyId: this.#agencyId }),
          this.#agencyId,
          c.id,
          c.version - 1,
        );
      if (res.changes === 0) return false;
      this.#links(c);
      return true;
    })();
  }

  #where(filter: CaseFilter): { sql: string; args: (string | number)[] } {
    const where = ['c.agency_id = ?'];
    const args: (string | number)[] = [this.#agencyId];
    if (filter.status !== undefined) {
      const s = typeof filter.status === 'string' ? [filter.status] : [...filter.status];
      where.push(`c.status IN (${s.map(() => '?').join(',')})`);
      args.push(...s);
    }
    if (filter.assignee !== undefined) {
      where.push('c.assignee = ?');
      args.push(filter.assignee);
    }
    if (filter.alertId !== undefined) {
      where.push('EXISTS (SELECT 1 FROM case_alerts a WHERE a.agency_id = c.agency_id AND a.case_id = c.id AND a.alert_id = ?)');
      args.push(filter.alertId);
    }
    return { sql: where.join(' AND '), args };
  }

  async list(filter: CaseFilter = {}): Promise<CaseFile[]> {
    const w = this.#where(filter);
    const rows = this.#db
      .prepare(`SELECT doc FROM cases c WHERE ${w.sql} ORDER BY c.updated_at DESC, c.id DESC LIMIT ? OFFSET ?`)
      .all(...w.args, filter.limit ?? 100, filter.offset ?? 0) as { doc: string }[];
    return rows.map((r) => JSON.parse(r.doc) as CaseFile);
  }

  async count(filter: CaseFilter = {}): Promise<number> {
    const w = this.#where(filter);
    return (this.#db.prepare(`SELECT count(*) AS n FROM cases c WHERE ${w.sql}`).get(...w.args) as { n: number }).n;
  }

  async putEvidence(e: Omit<StoredEvidence, 'size'>): Promise<void> {
    this.#db
      .prepare(`INSERT OR IGNORE INTO case_evidence_blobs (agency_id, sha256, size, content_type, bytes) VALUES (?, ?, ?, ?, ?)`)
      .run(this.#agencyId, e.sha256, e.bytes.length, e.contentType, Buffer.from(e.bytes.buffer, e.bytes.byteOffset, e.bytes.byteLength));
  }

  async getEvidence(sha256: string): Promise<StoredEvidence | undefined> {
    const r = this.#db
      .prepare('SELECT sha256, size, content_type, bytes FROM case_evidence_blobs WHERE agency_id = ? AND sha256 = ?')
      .get(this.#agencyId, sha256) as { sha256: string; size: number; content_type: string; bytes: Buffer } | undefined;
    return r ? { sha256: r.sha256, size: r.size, contentType: r.content_type, bytes: new Uint8Array(r.bytes) } : undefined;
  }
}
