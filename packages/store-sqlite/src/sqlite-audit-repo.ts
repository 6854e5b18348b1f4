/** AuditRepo over SQLite: appends read the head and insert in one transaction, so the chain never forks. */

import type Database from 'better-sqlite3';
import type { AuditQuery, AuditRepo } from '@argus/app';
import { type AuditEvent, type AuditEventInput, chainEvent } from '@argus/core/audit';

interface Row {
  agency_id: string;
  seq: number;
  time: string;
  actor: string;
  action: string;
  subject: string;
  before_json: string | null;
  after_json: string | null;
  prev_hash: string;
  hash: string;
}

function event(r: Row): AuditEvent {
  return {
    agencyId: r.agency_id,
    seq: r.seq,
    time: r.time,
    actor: r.actor,
    action: r.action,
    subject: r.subject,
    ...(r.before_json !== null ? { before: JSON.parse(r.before_json) as unknown } : {}),
    ...(r.after_json !== null ? { after: JSON.parse(r.after_json) as unknown } : {}),
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

/** JSON text, or null for nothing; values are normalised through JSON first so the hash covers what is stored. */
const json = (v: unknown): string | null => (v === undefined || v === null ? null : JSON.stringify(v));

export class SqliteAuditRepo implements AuditRepo {
  readonly #db: Database.Database;
  readonly #agencyId: string;

  constructor(db: Database.Database, agencyId: string) {
    this.#db = db;
    this.#agencyId = agencyId;
  }

  async append(input: Omit<AuditEventInput, 'agencyId'>): Promise<AuditEvent> {
    const db = this.#db;
    const before = json(input.before);
    const after = json(input.after);
    const normalised: AuditEventInput = {
      agencyId: this.#agencyId,
      actor: input.actor,
      action: input.action,
      subject: input.subject,
      time: input.time,
      ...(before !== null ? { before: JSON.parse(before) as unknown } : {}),
      ...(after !== null ? { after: JSON.parse(after) as unknown } : {}),
    };
    // IMMEDIATE takes the write lock before reading the head: two processes cannot both extend the same head.
    return db
      .transaction(() => {
        const head = db.prepare('SELECT seq, hash FROM audit_log WHERE agency_id = ? ORDER BY seq DESC LIMIT 1').get(this.#agencyId) as
          | { seq: number; hash: string }
          | undefined;
        const e = chainEvent(head, normalised);
        db.prepare(
          `INSERT INTO audit_log (agency_id, seq, time, actor, action, subject, before_json, after_json, prev_hash, hash)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(this.#agencyId, e.seq, e.time, e.actor, e.action, e.subject, before, after, e.prevHash, e.hash);
        return e;
      })
      .immediate();
  }

  async list(query: AuditQuery = {}): Promise<AuditEvent[]> {
    const where = ['agency_id = ?', 'seq > ?'];
    const args: (string | number)[] = [this.#agencyId, query.afterSeq ?? 0];
    for (const [col, v] of [
      ['actor', query.actor],
      ['action', query.action],
      ['subject', query.subject],
    ] as const) {
      if (v !== undefined) {
        where.push(`${col} = ?`);
        args.push(v);
      }
    }
    args.push(query.limit ?? 1000);
    const rows = this.#db.prepare(`SELECT * FROM audit_log WHERE ${where.join(' AND ')} ORDER BY seq LIMIT ?`).all(...args) as Row[];
    return rows.map(event);
  }

  async head(): Promise<AuditEvent | undefined> {
    const r = this.#db.prepare('SELECT * FROM audit_log WHERE agency_id = ? ORDER BY seq DESC LIMIT 1').get(this.#agencyId) as
      | Row
      | undefined;
    return r ? event(r) : undefined;
  }

  async count(): Promise<number> {
    return (this.#db.prepare('SELECT count(*) AS n FROM audit_log WHERE agency_id = ?').get(this.#agencyId) as { n: number }).n;
  }
}
