/** MonitoringRepo over SQLite: batched inserts in one transaction each, prepared statements cached per connection. */

import type Database from 'better-sqlite3';
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
import { statement } from './sqlite-statements.js';

type Arg = string | number | null;
const list = <T>(v: T | readonly T[] | undefined): readonly T[] | undefined =>
  v === undefined ? undefined : Array.isArray(v) ? v : [v as T];

interface AlertRow {
  doc: string;
  status: string;
  assignee: string | null;
}

interface RejectionRow {
  seq: number;
  at: string;
  format: string | null;
  file: string;
  line: number | null;
  field: string | null;
  reason: string;
  record: string | null;
  raw: string | null;
}

/** A transaction row: the columns, and in `doc` what they do not hold. */
interface TransactionRow {
  id: string;
  time: string;
  originator: string;
  beneficiary: string;
  amount: number;
  currency: string;
  base_amount: number | null;
  doc: string;
}

const TX_COLUMNS = 'id, time, originator, beneficiary, amount, currency, base_amount, doc';

/**
 * The document of a transaction row: only what the columns do not hold (the parties' names, countries and
 * institutions as `o` and `b`, channel `c`, purpose `p`). Rows are written at tens of thousands a second and
 * the document was most of a row's bytes: without the columns repeated in it an insert costs about a third less.
 */
function docOf(t: Transaction): string {
  const { account: _o, ...o } = t.originator;
  const { account: _b, ...b } = t.beneficiary;
  return JSON.stringify({
    o,
    b,
    ...(t.channel !== undefined ? { c: t.channel } : {}),
    ...(t.purpose !== undefined ? { p: t.purpose } : {}),
  });
}

interface TransactionDoc {
  o?: Omit<Transaction['originator'], 'account'>;
  b?: Omit<Transaction['beneficiary'], 'account'>;
  c?: Transaction['channel'];
  p?: string;
}

function transactionOf(r: TransactionRow): Transaction {
  const d = JSON.parse(r.doc) as TransactionDoc | Transaction;
  // Rows written before the compact document hold the whole transaction.
  if ('originator' in d) return d;
  return {
    id: r.id,
    time: r.time,
    amount: r.amount,
    currency: r.currency,
    ...(r.base_amount !== null ? { baseAmount: r.base_amount } : {}),
    originator: { account: r.originator, ...d.o },
    beneficiary: { account: r.beneficiary, ...d.b },
    ...(d.c !== undefined ? { channel: d.c } : {}),
    ...(d.p !== undefined ? { purpose: d.p } : {}),
  };
}

function alertOf(r: AlertRow): StoredAlert {
  const a = JSON.parse(r.doc) as Alert;
  return { ...a, status: r.status as AlertStatus, ...(r.assignee !== null ? { assignee: r.assignee } : {}) };
}

function rejectionOf(r: RejectionRow): StoredRejection {
  return {
    seq: r.seq,
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

export class SqliteMonitoringRepo implements MonitoringRepo {
  readonly #db: Database.Database;
  readonly #agencyId: string;

  constructor(db: Database.Database, agencyId: string) {
    this.#db = db;
    this.#agencyId = agencyId;
  }

  async insertTransactions(batch: readonly Transaction[]): Promise<string[]> {
    if (batch.length === 0) return [];
    return this.#db.transaction(() => this.#insertRows(batch))();
  }

  async existingTransactionIds(ids: readonly string[]): Promise<string[]> {
    const get = statement(this.#db, 'SELECT 1 FROM monitoring_transactions WHERE agency_id = ? AND id = ?');
    const out: string[] = [];
    for (const id of new Set(ids)) if (get.get(this.#agencyId, id)) out.push(id);
    return out;
  }

  async commitBatch(batch: { readonly transactions: readonly Transaction[]; readonly alerts: readonly Alert[] }): Promise<BatchCommit> {
    return this.#db.transaction(() => ({ inserted: this.#insertRows(batch.transactions), alerts: this.#upsertRows(batch.alerts) }))();
  }

  /** Inserts the new transactions of a batch and returns their ids; the caller holds the database transaction. */
  #insertRows(batch: readonly Transaction[]): string[] {
    if (batch.length === 0) return [];
    const ins = statement(
      this.#db,
      `INSERT OR IGNORE INTO monitoring_transactions (agency_id, id, time, originator, beneficiary, amount, currency, base_amount, doc)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const agency = this.#agencyId;
    const fresh: string[] = [];
    for (const t of batch) {
      const r = ins.run(
        agency,
        t.id,
        t.time,
        t.originator.account,
        t.beneficiary.account,
        t.amount,
        t.currency,
        t.baseAmount ?? null,
        docOf(t),
      );
      if (r.changes > 0) fresh.push(t.id);
    }
    return fresh;
  }

  async getTransaction(id: string): Promise<Transaction | undefined> {
    const r = statement(this.#db, `SELECT ${TX_COLUMNS} FROM monitoring_transactions WHERE agency_id = ? AND id = ?`).get(
      this.#agencyId,
      id,
    ) as TransactionRow | undefined;
    return r ? transactionOf(r) : undefined;
  }

  async getTransactions(ids: readonly string[]): Promise<Transaction[]> {
    const get = statement(this.#db, `SELECT ${TX_COLUMNS} FROM monitoring_transactions WHERE agency_id = ? AND id = ?`);
    const out: Transaction[] = [];
    for (const id of ids) {
      const r = get.get(this.#agencyId, id) as TransactionRow | undefined;
      if (r) out.push(transactionOf(r));
    }
    return out;
  }

  async transactionsOfAccount(account: string, window: TransactionWindow = {}): Promise<Transaction[]> {
    const since = window.since ?? '';
    const until = window.until ?? '\uffff';
    const limit = window.limit ?? 1000;
    // Two index range scans merged: an OR over the two party columns would scan the table.
    const rows = statement(
      this.#db,
      `SELECT ${TX_COLUMNS} FROM (
         SELECT ${TX_COLUMNS} FROM monitoring_transactions WHERE agency_id = ? AND originator = ? AND time >= ? AND time < ?
         UNION
         SELECT ${TX_COLUMNS} FROM monitoring_transactions WHERE agency_id = ? AND beneficiary = ? AND time >= ? AND time < ?
       ) ORDER BY time DESC, id LIMIT ?`,
    ).all(this.#agencyId, account, since, until, this.#agencyId, account, since, until, limit) as TransactionRow[];
    return rows.map(transactionOf);
  }

  async listTransactions(window: TransactionListing = {}): Promise<Transaction[]> {
    const after = window.after;
    const rows = (
      after
        ? statement(
            this.#db,
            `SELECT ${TX_COLUMNS} FROM monitoring_transactions WHERE agency_id = ? AND time >= ? AND time < ? AND (time > ? OR (time = ? AND id > ?))
             ORDER BY time, id LIMIT ? OFFSET ?`,
          ).all(
            this.#agencyId,
            window.since ?? '',
            window.until ?? '\uffff',
            after.time,
            after.time,
            after.id,
            window.limit ?? 1000,
            window.offset ?? 0,
          )
        : statement(
            this.#db,
            `SELECT ${TX_COLUMNS} FROM monitoring_transactions WHERE agency_id = ? AND time >= ? AND time < ? ORDER BY time, id LIMIT ? OFFSET ?`,
          ).all(this.#agencyId, window.since ?? '', window.until ?? '\uffff', window.limit ?? 1000, window.offset ?? 0)
    ) as TransactionRow[];
    return rows.map(transactionOf);
  }

  async countTransactions(): Promise<number> {
    return (
      statement(this.#db, 'SELECT count(*) AS n FROM monitoring_transactions WHERE agency_id = ?').get(this.#agencyId) as { n: number }
    ).n;
  }

  async latestTransactionTime(): Promise<string | undefined> {
    const r = statement(this.#db, 'SELECT max(time) AS t FROM monitoring_transactions WHERE agency_id = ?').get(this.#agencyId) as {
      t: string | null;
    };
    return r.t ?? undefined;
  }

  async upsertAlerts(batch: readonly Alert[]): Promise<AlertUpsertResult> {
    return this.#db.transaction(() => this.#upsertRows(batch))();
  }

  /** Inserts new alerts and replaces existing ones; the caller holds the database transaction. */
  #upsertRows(batch: readonly Alert[]): AlertUpsertResult {
    if (batch.length === 0) return { inserted: [], updated: [] };
    const db = this.#db;
    const agency = this.#agencyId;
    const exists = statement(db, 'SELECT 1 FROM monitoring_alerts WHERE agency_id = ? AND id = ?');
    const insert = statement(
      db,
      `INSERT INTO monitoring_alerts (agency_id, id, type, kind, severity, score, status, assignee, detected_at, updated_at, doc)
       VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)`,
    );
    const update = statement(
      db,
      `UPDATE monitoring_alerts SET type = ?, kind = ?, severity = ?, score = ?, detected_at = ?, updated_at = ?, doc = ?
       WHERE agency_id = ? AND id = ?`,
    );
    const unlink = statement(db, 'DELETE FROM monitoring_alert_accounts WHERE agency_id = ? AND alert_id = ?');
    const link = statement(db, 'INSERT OR IGNORE INTO monitoring_alert_accounts (agency_id, account, alert_id) VALUES (?, ?, ?)');
    const now = new Date().toISOString();
    // The last version of an id within the batch wins, as it would one by one.
    const last = new Map<string, Alert>();
    for (const a of batch) last.set(a.id, a);
    const inserted: string[] = [];
    const updated: string[] = [];
    for (const a of last.values()) {
      const { status, ...content } = a;
      const doc = JSON.stringify(content);
      if (exists.get(agency, a.id)) {
        update.run(a.type, a.kind, a.severity, a.score, a.detectedAt, now, doc, agency, a.id);
        unlink.run(agency, a.id);
        updated.push(a.id);
      } else {
        insert.run(agency, a.id, a.type, a.kind, a.severity, a.score, status, a.detectedAt, now, doc);
        inserted.push(a.id);
      }
      for (const account of new Set(a.accounts)) link.run(agency, account, a.id);
    }
    return { inserted, updated };
  }

  async getAlert(id: string): Promise<StoredAlert | undefined> {
    const r = statement(this.#db, 'SELECT doc, status, assignee FROM monitoring_alerts WHERE agency_id = ? AND id = ?').get(
      this.#agencyId,
      id,
    ) as AlertRow | undefined;
    return r ? alertOf(r) : undefined;
  }

  #where(filter: Omit<AlertFilter, 'limit' | 'offset'>): { sql: string; args: Arg[] } {
    const where = ['a.agency_id = ?'];
    const args: Arg[] = [this.#agencyId];
    const inList = (column: string, values: readonly string[] | undefined) => {
      if (values === undefined) return;
      where.push(values.length === 0 ? '0' : `${column} IN (${values.map(() => '?').join(',')})`);
      args.push(...values);
    };
    inList('a.type', list(filter.type));
    inList('a.severity', list(filter.severity));
    inList('a.status', list(filter.status));
    if (filter.since !== undefined) {
      where.push('a.detected_at >= ?');
      args.push(filter.since);
    }
    if (filter.account !== undefined) {
      where.push(
        'EXISTS (SELECT 1 FROM monitoring_alert_accounts x WHERE x.agency_id = a.agency_id AND x.account = ? AND x.alert_id = a.id)',
      );
      args.push(filter.account);
    }
    return { sql: where.join(' AND '), args };
  }

  async listAlerts(filter: AlertFilter = {}): Promise<StoredAlert[]> {
    const w = this.#where(filter);
    const rows = this.#db
      .prepare(`SELECT doc, status, assignee FROM monitoring_alerts a WHERE ${w.sql} ORDER BY a.detected_at DESC, a.id LIMIT ? OFFSET ?`)
      .all(...w.args, filter.limit ?? -1, filter.offset ?? 0) as AlertRow[];
    return rows.map(alertOf);
  }

  async countAlerts(filter: Omit<AlertFilter, 'limit' | 'offset'> = {}): Promise<number> {
    const w = this.#where(filter);
    return (this.#db.prepare(`SELECT count(*) AS n FROM monitoring_alerts a WHERE ${w.sql}`).get(...w.args) as { n: number }).n;
  }

  async updateAlertStatus(id: string, status: AlertStatus): Promise<boolean> {
    const r = statement(this.#db, 'UPDATE monitoring_alerts SET status = ?, updated_at = ? WHERE agency_id = ? AND id = ?').run(
      status,
      new Date().toISOString(),
      this.#agencyId,
      id,
    );
    return r.changes > 0;
  }

  async assignAlert(id: string, assignee: string | undefined): Promise<boolean> {
    const r = statement(this.#db, 'UPDATE monitoring_alerts SET assignee = ?, updated_at = ? WHERE agency_id = ? AND id = ?').run(
      assignee ?? null,
      new Date().toISOString(),
      this.#agencyId,
      id,
    );
    return r.changes > 0;
  }

  async addRejections(batch: readonly Rejection[], meta: { readonly at: string; readonly format?: string }): Promise<void> {
    if (batch.length === 0) return;
    const ins = statement(
      this.#db,
      `INSERT INTO monitoring_rejections (agency_id, at, format, file, line, field, reason, record, raw) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.#db.transaction(() => {
      for (const r of batch) {
        ins.run(
          this.#agencyId,
          meta.at,
          meta.format ?? null,
          r.file,
          r.line ?? null,
          r.field ?? null,
          r.reason,
          r.record ?? null,
          r.raw ?? null,
        );
      }
    })();
  }

  #rejectionWhere(filter: Omit<RejectionFilter, 'limit' | 'offset'>): { sql: string; args: Arg[] } {
    const where = ['agency_id = ?'];
    const args: Arg[] = [this.#agencyId];
    if (filter.file !== undefined) {
      where.push('file = ?');
      args.push(filter.file);
    }
    if (filter.since !== undefined) {
      where.push('at >= ?');
      args.push(filter.since);
    }
    return { sql: where.join(' AND '), args };
  }

  async listRejections(filter: RejectionFilter = {}): Promise<StoredRejection[]> {
    const w = this.#rejectionWhere(filter);
    const rows = this.#db
      .prepare(
        `SELECT seq, at, format, file, line, field, reason, record, raw FROM monitoring_rejections WHERE ${w.sql} ORDER BY seq DESC LIMIT ? OFFSET ?`,
      )
      .all(...w.args, filter.limit ?? 100, filter.offset ?? 0) as RejectionRow[];
    return rows.map(rejectionOf);
  }

  async countRejections(filter: Omit<RejectionFilter, 'limit' | 'offset'> = {}): Promise<number> {
    const w = this.#rejectionWhere(filter);
    return (this.#db.prepare(`SELECT count(*) AS n FROM monitoring_rejections WHERE ${w.sql}`).get(...w.args) as { n: number }).n;
  }

  async getConfig(version?: number): Promise<StoredMonitoringConfig | undefined> {
    const r = (
      version === undefined
        ? statement(
            this.#db,
            'SELECT version, saved_at, saved_by, doc FROM monitoring_configs WHERE agency_id = ? ORDER BY version DESC LIMIT 1',
          ).get(this.#agencyId)
        : statement(this.#db, 'SELECT version, saved_at, saved_by, doc FROM monitoring_configs WHERE agency_id = ? AND version = ?').get(
            this.#agencyId,
            version,
          )
    ) as { version: number; saved_at: string; saved_by: string | null; doc: string } | undefined;
    if (!r) return undefined;
    return {
      version: r.version,
      config: JSON.parse(r.doc) as unknown,
      savedAt: r.saved_at,
      ...(r.saved_by !== null ? { savedBy: r.saved_by } : {}),
    };
  }

  async saveConfig(config: unknown, meta: { readonly savedAt: string; readonly savedBy?: string }): Promise<StoredMonitoringConfig> {
    const db = this.#db;
    return db.transaction(() => {
      const { v } = statement(db, 'SELECT coalesce(max(version), 0) AS v FROM monitoring_configs WHERE agency_id = ?').get(
        this.#agencyId,
      ) as { v: number };
      const version = v + 1;
      statement(db, 'INSERT INTO monitoring_configs (agency_id, version, saved_at, saved_by, doc) VALUES (?, ?, ?, ?, ?)').run(
        this.#agencyId,
        version,
        meta.savedAt,
        meta.savedBy ?? null,
        JSON.stringify(config),
      );
      return { version, config, savedAt: meta.savedAt, ...(meta.savedBy !== undefined ? { savedBy: meta.savedBy } : {}) };
    })();
  }

  async listConfigVersions(): Promise<Omit<StoredMonitoringConfig, 'config'>[]> {
    const rows = statement(
      this.#db,
      'SELECT version, saved_at, saved_by FROM monitoring_configs WHERE agency_id = ? ORDER BY version DESC',
    ).all(this.#agencyId) as { version: number; saved_at: string; saved_by: string | null }[];
    return rows.map((r) => ({ version: r.version, savedAt: r.saved_at, ...(r.saved_by !== null ? { savedBy: r.saved_by } : {}) }));
  }
}
