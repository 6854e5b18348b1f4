/** MonitoringRepo over PostgreSQL: each batch is one statement over unnested arrays, so a batch costs one round trip. */

import type pg from 'pg';
import type {
  AlertFilter,
  AlertUpsertResult,
  BatchCommit,
  MonitoringRepo,
  RejectionFilter,
  StoredAlert,
  StoredMonitoringConfig,
  StoredRejection,
  TransactionListing,
  TransactionWindow,
} from '@argus/app';
import type { Alert, AlertStatus, Transaction } from '@argus/core';
import type { Rejection } from '@argus/core/transactions';

const list = <T>(v: T | readonly T[] | undefined): readonly T[] | undefined =>
  v === undefined ? undefined : Array.isArray(v) ? v : [v as T];

interface AlertRow {
  doc: string;
  status: string;
  assignee: string | null;
}

interface RejectionRow {
  seq: string;
  at: string;
  format: string | null;
  file: string;
  line: number | null;
  field: string | null;
  reason: string;
  record: string | null;
  raw: string | null;
}

function alertOf(r: AlertRow): StoredAlert {
  const a = JSON.parse(r.doc) as Alert;
  return { ...a, status: r.status as AlertStatus, ...(r.assignee !== null ? { assignee: r.assignee } : {}) };
}

function rejectionOf(r: RejectionRow): StoredRejection {
  return {
    seq: Number(r.seq),
    at: r.at,
    file: r.file,
    reason: r.reason,
    ...(r.format !== null ? { format: r.format } : {}),
    ...(r.line !== null ? { line: r.line } : {}),
    ...(r.field !== null ? { field: r.field } : {}),
    ...(r.record !== null ? { record: r.record } : {}),
    ...(r.raw !== null ? { raw: r.raw } : {}),
  };
}

export class PostgresMonitoringRepo implements MonitoringRepo {
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

  async insertTransactions(batch: readonly Transaction[]): Promise<string[]> {
    return this.#insertRows(this.#pool, batch);
  }

  async existingTransactionIds(ids: readonly string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const { rows } = await this.#pool.query<{ id: string }>(
      'SELECT id FROM monitoring_transactions WHERE agency_id = $1 AND id = ANY($2::text[])',
      [this.#agencyId, [...new Set(ids)]],
    );
    const stored = new Set(rows.map((r) => r.id));
    return [...new Set(ids)].filter((id) => stored.has(id));
  }

  async commitBatch(batch: { readonly transactions: readonly Transaction[]; readonly alerts: readonly Alert[] }): Promise<BatchCommit> {
    return this.#tx(async (client) => ({
      inserted: await this.#insertRows(client, batch.transactions),
      alerts: await this.#upsertRows(client, batch.alerts),
    }));
  }

  /** Inserts the new transactions of a batch and returns their ids, in batch order. */
  async #insertRows(db: pg.Pool | pg.PoolClient, batch: readonly Transaction[]): Promise<string[]> {
    if (batch.length === 0) return [];
    const cols: unknown[][] = [[], [], [], [], [], [], [], []];
    for (const t of batch) {
      cols[0]?.push(t.id);
      cols[1]?.push(t.time);
      cols[2]?.push(t.originator.account);
      cols[3]?.push(t.beneficiary.account);
      cols[4]?.push(t.amount);
      cols[5]?.push(t.currency);
      cols[6]?.push(t.baseAmount ?? null);
      cols[7]?.push(JSON.stringify(t));
    }
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO monitoring_transactions (agency_id, id, time, originator, beneficiary, amount, currency, base_amount, doc)
       SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::float8[], $7::text[], $8::float8[], $9::text[])
       ON CONFLICT (agency_id, id) DO NOTHING RETURNING id`,
      [this.#agencyId, ...cols],
    );
    // RETURNING has no order: answer in batch order, a repeated id once.
    const fresh = new Set(rows.map((r) => r.id));
    const out: string[] = [];
    for (const t of batch) {
      if (fresh.delete(t.id)) out.push(t.id);
    }
    return out;
  }

  async getTransaction(id: string): Promise<Transaction | undefined> {
    const { rows } = await this.#pool.query<{ doc: string }>('SELECT doc FROM monitoring_transactions WHERE agency_id = $1 AND id = $2', [
      this.#agencyId,
      id,
    ]);
    return rows[0] ? (JSON.parse(rows[0].doc) as Transaction) : undefined;
  }

  async getTransactions(ids: readonly string[]): Promise<Transaction[]> {
    if (ids.length === 0) return [];
    const { rows } = await this.#pool.query<{ id: string; doc: string }>(
      'SELECT id, doc FROM monitoring_transactions WHERE agency_id = $1 AND id = ANY($2::text[])',
      [this.#agencyId, [...ids]],
    );
    const byId = new Map(rows.map((r) => [r.id, r.doc]));
    return ids.flatMap((id) => {
      const doc = byId.get(id);
      return doc === undefined ? [] : [JSON.parse(doc) as Transaction];
    });
  }

  async transactionsOfAccount(account: string, window: TransactionWindow = {}): Promise<Transaction[]> {
    const { rows } = await this.#pool.query<{ doc: string }>(
      `SELECT doc FROM (
         SELECT doc, time, id FROM monitoring_transactions WHERE agency_id = $1 AND originator = $2 AND time >= $3 AND time < $4
         UNION
         SELECT doc, time, id FROM monitoring_transactions WHERE agency_id = $1 AND beneficiary = $2 AND time >= $3 AND time < $4
       ) t ORDER BY time DESC, id LIMIT $5`,
      [this.#agencyId, account, window.since ?? '', window.until ?? '\uffff', window.limit ?? 1000],
    );
    return rows.map((r) => JSON.parse(r.doc) as Transaction);
  }

  async listTransactions(window: TransactionListing = {}): Promise<Transaction[]> {
    const after = window.after;
    const { rows } = await this.#pool.query<{ doc: string }>(
      `SELECT doc FROM monitoring_transactions WHERE agency_id = $1 AND time >= $2 AND time < $3
         AND ($6::text IS NULL OR (time, id) > ($6::text COLLATE "C", $7::text))
       ORDER BY time, id LIMIT $4 OFFSET $5`,
      [
        this.#agencyId,
        window.since ?? '',
        window.until ?? '\uffff',
        window.limit ?? 1000,
        window.offset ?? 0,
        after?.time ?? null,
        after?.id ?? null,
      ],
    );
    return rows.map((r) => JSON.parse(r.doc) as Transaction);
  }

  async countTransactions(): Promise<number> {
    const { rows } = await this.#pool.query<{ n: string }>('SELECT count(*) AS n FROM monitoring_transactions WHERE agency_id = $1', [
      this.#agencyId,
    ]);
    return Number(rows[0]?.n ?? 0);
  }

  async latestTransactionTime(): Promise<string | undefined> {
    const { rows } = await this.#pool.query<{ t: string | null }>(
      'SELECT max(time) AS t FROM monitoring_transactions WHERE agency_id = $1',
      [this.#agencyId],
    );
    return rows[0]?.t ?? undefined;
  }

  async upsertAlerts(batch: readonly Alert[]): Promise<AlertUpsertResult> {
    if (batch.length === 0) return { inserted: [], updated: [] };
    return this.#tx((client) => this.#upsertRows(client, batch));
  }

  /** Inserts new alerts and replaces existing ones; the caller holds the database transaction on `client`. */
  async #upsertRows(client: pg.PoolClient, batch: readonly Alert[]): Promise<AlertUpsertResult> {
    if (batch.length === 0) return { inserted: [], updated: [] };
    // The last version of an id within the batch wins, as it would one by one.
    const last = new Map<string, Alert>();
    for (const a of batch) last.set(a.id, a);
    const alerts = [...last.values()];
    const now = new Date().toISOString();
    const { rows: existing } = await client.query<{ id: string }>(
      'SELECT id FROM monitoring_alerts WHERE agency_id = $1 AND id = ANY($2::text[]) FOR UPDATE',
      [this.#agencyId, alerts.map((a) => a.id)],
    );
    const known = new Set(existing.map((r) => r.id));
    const cols: unknown[][] = [[], [], [], [], [], [], [], []];
    for (const a of alerts) {
      const { status, ...content } = a;
      cols[0]?.push(a.id);
      cols[1]?.push(a.type);
      cols[2]?.push(a.kind);
      cols[3]?.push(a.severity);
      cols[4]?.push(a.score);
      cols[5]?.push(status);
      cols[6]?.push(a.detectedAt);
      cols[7]?.push(JSON.stringify(content));
    }
    await client.query(
      `INSERT INTO monitoring_alerts (agency_id, id, type, kind, severity, score, status, assignee, detected_at, updated_at, doc)
       SELECT $1, u.id, u.type, u.kind, u.severity, u.score, u.status, NULL, u.detected_at, $10, u.doc
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::float8[], $7::text[], $8::text[], $9::text[])
         AS u(id, type, kind, severity, score, status, detected_at, doc)
       ON CONFLICT (agency_id, id) DO UPDATE SET type = excluded.type, kind = excluded.kind, severity = excluded.severity,
         score = excluded.score, detected_at = excluded.detected_at, updated_at = excluded.updated_at, doc = excluded.doc`,
      [this.#agencyId, ...cols, now],
    );
    const ids = alerts.map((a) => a.id);
    await client.query('DELETE FROM monitoring_alert_accounts WHERE agency_id = $1 AND alert_id = ANY($2::text[])', [this.#agencyId, ids]);
    const linkAccounts: string[] = [];
    const linkAlerts: string[] = [];
    for (const a of alerts) {
      for (const account of new Set(a.accounts)) {
        linkAccounts.push(account);
        linkAlerts.push(a.id);
      }
    }
    await client.query(
      `INSERT INTO monitoring_alert_accounts (agency_id, account, alert_id) SELECT $1, * FROM unnest($2::text[], $3::text[]) ON CONFLICT DO NOTHING`,
      [this.#agencyId, linkAccounts, linkAlerts],
    );
    const inserted: string[] = [];
    const updated: string[] = [];
    const seen = new Set<string>();
    for (const a of batch) {
      if (seen.has(a.id)) continue;
      seen.add(a.id);
      (known.has(a.id) ? updated : inserted).push(a.id);
    }
    return { inserted, updated };
  }

  async getAlert(id: string): Promise<StoredAlert | undefined> {
    const { rows } = await this.#pool.query<AlertRow>(
      'SELECT doc, status, assignee FROM monitoring_alerts WHERE agency_id = $1 AND id = $2',
      [this.#agencyId, id],
    );
    return rows[0] ? alertOf(rows[0]) : undefined;
  }

  #where(filter: Omit<AlertFilter, 'limit' | 'offset'>): { sql: string; args: unknown[] } {
    const args: unknown[] = [this.#agencyId];
    const where = ['a.agency_id = $1'];
    const inList = (column: string, values: readonly string[] | undefined) => {
      if (values === undefined) return;
      args.push([...values]);
      where.push(`${column} = ANY($${args.length}::text[])`);
    };
    inList('a.type', list(filter.type));
    inList('a.severity', list(filter.severity));
    inList('a.status', list(filter.status));
    if (filter.since !== undefined) {
      args.push(filter.since);
      where.push(`a.detected_at >= $${args.length}`);
    }
    if (filter.account !== undefined) {
      args.push(filter.account);
      where.push(
        `EXISTS (SELECT 1 FROM monitoring_alert_accounts x WHERE x.agency_id = a.agency_id AND x.account = $${args.length} AND x.alert_id = a.id)`,
      );
    }
    return { sql: where.join(' AND '), args };
  }

  async listAlerts(filter: AlertFilter = {}): Promise<StoredAlert[]> {
    const w = this.#where(filter);
    const args = [...w.args, filter.limit ?? null, filter.offset ?? 0];
    const { rows } = await this.#pool.query<AlertRow>(
      `SELECT doc, status, assignee FROM monitoring_alerts a WHERE ${w.sql} ORDER BY a.detected_at DESC, a.id LIMIT $${args.length - 1} OFFSET $${args.length}`,
      args,
    );
    return rows.map(alertOf);
  }

  async countAlerts(filter: Omit<AlertFilter, 'limit' | 'offset'> = {}): Promise<number> {
    const w = this.#where(filter);
    const { rows } = await this.#pool.query<{ n: string }>(`SELECT count(*) AS n FROM monitoring_alerts a WHERE ${w.sql}`, w.args);
    return Number(rows[0]?.n ?? 0);
  }

  async updateAlertStatus(id: string, status: AlertStatus): Promise<boolean> {
    const r = await this.#pool.query('UPDATE monitoring_alerts SET status = $1, updated_at = $2 WHERE agency_id = $3 AND id = $4', [
      status,
      new Date().toISOString(),
      this.#agencyId,
      id,
    ]);
    return (r.rowCount ?? 0) > 0;
  }

  async assignAlert(id: string, assignee: string | undefined): Promise<boolean> {
    const r = await this.#pool.query('UPDATE monitoring_alerts SET assignee = $1, updated_at = $2 WHERE agency_id = $3 AND id = $4', [
      assignee ?? null,
      new Date().toISOString(),
      this.#agencyId,
      id,
    ]);
    return (r.rowCount ?? 0) > 0;
  }

  async addRejections(batch: readonly Rejection[], meta: { readonly at: string; readonly format?: string }): Promise<void> {
    if (batch.length === 0) return;
    const cols: unknown[][] = [[], [], [], [], [], []];
    for (const r of batch) {
      cols[0]?.push(r.file);
      cols[1]?.push(r.line ?? null);
      cols[2]?.push(r.field ?? null);
      cols[3]?.push(r.reason);
      cols[4]?.push(r.record ?? null);
      cols[5]?.push(r.raw ?? null);
    }
    // WITH ORDINALITY keeps the batch order in seq.
    await this.#pool.query(
      `INSERT INTO monitoring_rejections (agency_id, at, format, file, line, field, reason, record, raw)
       SELECT $1, $2, $3, u.file, u.line, u.field, u.reason, u.record, u.raw
       FROM unnest($4::text[], $5::int[], $6::text[], $7::text[], $8::text[], $9::text[]) WITH ORDINALITY AS u(file, line, field, reason, record, raw, n)
       ORDER BY u.n`,
      [this.#agencyId, meta.at, meta.format ?? null, ...cols],
    );
  }

  #rejectionWhere(filter: Omit<RejectionFilter, 'limit' | 'offset'>): { sql: string; args: unknown[] } {
    const args: unknown[] = [this.#agencyId];
    const where = ['agency_id = $1'];
    if (filter.file !== undefined) {
      args.push(filter.file);
      where.push(`file = $${args.length}`);
    }
    if (filter.since !== undefined) {
      args.push(filter.since);
      where.push(`at >= $${args.length}`);
    }
    return { sql: where.join(' AND '), args };
  }

  async listRejections(filter: RejectionFilter = {}): Promise<StoredRejection[]> {
    const w = this.#rejectionWhere(filter);
    const args = [...w.args, filter.limit ?? 100, filter.offset ?? 0];
    const { rows } = await this.#pool.query<RejectionRow>(
      `SELECT seq, at, format, file, line, field, reason, record, raw FROM monitoring_rejections WHERE ${w.sql}
       ORDER BY seq DESC LIMIT $${args.length - 1} OFFSET $${args.length}`,
      args,
    );
    return rows.map(rejectionOf);
  }

  async countRejections(filter: Omit<RejectionFilter, 'limit' | 'offset'> = {}): Promise<number> {
    const w = this.#rejectionWhere(filter);
    const { rows } = await this.#pool.query<{ n: string }>(`SELECT count(*) AS n FROM monitoring_rejections WHERE ${w.sql}`, w.args);
    return Number(rows[0]?.n ?? 0);
  }

  async getConfig(version?: number): Promise<StoredMonitoringConfig | undefined> {
    const { rows } =
      version === undefined
        ? await this.#pool.query<{ version: number; saved_at: string; saved_by: string | null; doc: string }>(
            'SELECT version, saved_at, saved_by, doc FROM monitoring_configs WHERE agency_id = $1 ORDER BY version DESC LIMIT 1',
            [this.#agencyId],
          )
        : await this.#pool.query<{ version: number; saved_at: string; saved_by: string | null; doc: string }>(
            'SELECT version, saved_at, saved_by, doc FROM monitoring_configs WHERE agency_id = $1 AND version = $2',
            [this.#agencyId, version],
          );
    const r = rows[0];
    if (!r) return undefined;
    return {
      version: r.version,
      config: JSON.parse(r.doc) as unknown,
      savedAt: r.saved_at,
      ...(r.saved_by !== null ? { savedBy: r.saved_by } : {}),
    };
  }

  async saveConfig(config: unknown, meta: { readonly savedAt: string; readonly savedBy?: string }): Promise<StoredMonitoringConfig> {
    return this.#tx(async (client) => {
      // One saver per agency at a time, so two saves never claim the same version.
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`argus-monitoring-config:${this.#agencyId}`]);
      const { rows } = await client.query<{ v: number }>(
        'SELECT coalesce(max(version), 0) AS v FROM monitoring_configs WHERE agency_id = $1',
        [this.#agencyId],
      );
      const version = Number(rows[0]?.v ?? 0) + 1;
      await client.query('INSERT INTO monitoring_configs (agency_id, version, saved_at, saved_by, doc) VALUES ($1, $2, $3, $4, $5)', [
        this.#agencyId,
        version,
        meta.savedAt,
        meta.savedBy ?? null,
        JSON.stringify(config),
      ]);
      return { version, config, savedAt: meta.savedAt, ...(meta.savedBy !== undefined ? { savedBy: meta.savedBy } : {}) };
    });
  }

  async listConfigVersions(): Promise<Omit<StoredMonitoringConfig, 'config'>[]> {
    const { rows } = await this.#pool.query<{ version: number; saved_at: string; saved_by: string | null }>(
      'SELECT version, saved_at, saved_by FROM monitoring_configs WHERE agency_id = $1 ORDER BY version DESC',
      [this.#agencyId],
    );
    return rows.map((r) => ({ version: r.version, savedAt: r.saved_at, ...(r.saved_by !== null ? { savedBy: r.saved_by } : {}) }));
  }
}
