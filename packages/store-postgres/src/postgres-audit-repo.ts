/** AuditRepo over PostgreSQL: a per-agency advisory lock serialises appends, so the chain never forks. */

import type pg from 'pg';
import type { AuditQuery, AuditRepo } from '@argus/app';
import { type AuditEvent, type AuditEventInput, chainEvent } from '@argus/core/audit';

interface Row {
  agency_id: string;
  seq: string;
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
    seq: Number(r.seq),
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

const json = (v: unknown): string | null => (v === undefined || v === null ? null : JSON.stringify(v));

export class PostgresAuditRepo implements AuditRepo {
  readonly #pool: pg.Pool;
  readonly #agencyId: string;

  constructor(pool: pg.Pool, agencyId: string) {
    this.#pool = pool;
    this.#agencyId = agencyId;
  }

  async append(input: Omit<AuditEventInput, 'agencyId'>): Promise<AuditEvent> {
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
    const client = await this.#pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`argus-audit:${this.#agencyId}`]);
      const { rows } = await client.query<{ seq: string; hash: string }>(
        'SELECT seq, hash FROM audit_log WHERE agency_id = $1 ORDER BY seq DESC LIMIT 1',
        [this.#agencyId],
      );
      const h = rows[0];
      const e = chainEvent(h ? { seq: Number(h.seq), hash: h.hash } : undefined, normalised);
      await client.query(
        `INSERT INTO audit_log (agency_id, seq, time, actor, action, subject, before_json, after_json, prev_hash, hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [this.#agencyId, e.seq, e.time, e.actor, e.action, e.subject, before, after, e.prevHash, e.hash],
      );
      await client.query('COMMIT');
      return e;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw err;
    } finally {
      client.release();
    }
  }

  async list(query: AuditQuery = {}): Promise<AuditEvent[]> {
    const where = ['agency_id = $1', 'seq > $2'];
    const args: (string | number)[] = [this.#agencyId, query.afterSeq ?? 0];
    for (const [col, v] of [
      ['actor', query.actor],
      ['action', query.action],
      ['subject', query.subject],
    ] as const) {
      if (v !== undefined) {
        args.push(v);
        where.push(`${col} = $${args.length}`);
      }
    }
    args.push(query.limit ?? 1000);
    const { rows } = await this.#pool.query<Row>(
      `SELECT * FROM audit_log WHERE ${where.join(' AND ')} ORDER BY seq LIMIT $${args.length}`,
      args,
    );
    return rows.map(event);
  }

  async head(): Promise<AuditEvent | undefined> {
    const { rows } = await this.#pool.query<Row>('SELECT * FROM audit_log WHERE agency_id = $1 ORDER BY seq DESC LIMIT 1', [
      this.#agencyId,
    ]);
    return rows[0] ? event(rows[0]) : undefined;
  }

  async count(): Promise<number> {
    const { rows } = await this.#pool.query<{ n: string }>('SELECT count(*) AS n FROM audit_log WHERE agency_id = $1', [this.#agencyId]);
    return Number(rows[0]?.n ?? 0);
  }
}
