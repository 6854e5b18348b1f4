/** IncidentRepo over SQLite: one agency's incidents, imports, news reports, events and reported statistics as JSON documents. */

import type Database from 'better-sqlite3';
import type { IncidentFilter, IncidentImportRecord, IncidentRepo, NewsEventRecord, NewsReportRecord } from '@argus/app';
import type { Incident } from '@argus/core/incidents';
import type { ReportedStatistic } from '@argus/core/news';

type Row = { data: string };

export class SqliteIncidentRepo implements IncidentRepo {
  readonly #db: Database.Database;
  readonly #agency: string;

  constructor(db: Database.Database, agencyId: string) {
    this.#db = db;
    this.#agency = agencyId;
  }

  async upsertIncidents(incidents: readonly Incident[]): Promise<void> {
    const stmt = this.#db.prepare(
      `INSERT INTO incidents (agency_id, id, date, province, type, data) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (agency_id, id) DO UPDATE SET date = excluded.date, province = excluded.province, type = excluded.type, data = excluded.data`,
    );
    this.#db.transaction(() => {
      for (const i of incidents) stmt.run(this.#agency, i.id, i.date.date, i.place.province ?? null, i.type, JSON.stringify(i));
    })();
  }

  async getIncident(id: string): Promise<Incident | undefined> {
    const r = this.#db.prepare('SELECT data FROM incidents WHERE agency_id = ? AND id = ?').get(this.#agency, id) as Row | undefined;
    return r ? (JSON.parse(r.data) as Incident) : undefined;
  }

  async listIncidents(filter: IncidentFilter = {}): Promise<Incident[]> {
    const where = ['agency_id = ?'];
    const args: unknown[] = [this.#agency];
    if (filter.from) {
      where.push('date >= ?');
      args.push(filter.from);
    }
    if (filter.to) {
      where.push('date < ?');
      args.push(filter.to);
    }
    if (filter.province) {
      where.push('province = ?');
      args.push(filter.province);
    }
    if (filter.type) {
      where.push('type = ?');
      args.push(filter.type);
    }
    const limit = filter.limit !== undefined ? ` LIMIT ${Math.max(0, Math.floor(filter.limit))}` : '';
    const rows = this.#db
      .prepare(`SELECT data FROM incidents WHERE ${where.join(' AND ')} ORDER BY date, id${limit}`)
      .all(...args) as Row[];
    return rows.map((r) => JSON.parse(r.data) as Incident);
  }

  async countIncidents(): Promise<number> {
    return (this.#db.prepare('SELECT count(*) AS n FROM incidents WHERE agency_id = ?').get(this.#agency) as { n: number }).n;
  }

  async saveImport(record: IncidentImportRecord): Promise<void> {
    this.#db
      .prepare(
        `INSERT INTO incident_imports (agency_id, id, imported_at, data) VALUES (?, ?, ?, ?)
         ON CONFLICT (agency_id, id) DO UPDATE SET imported_at = excluded.imported_at, data = excluded.data`,
      )
      .run(this.#agency, record.id, record.importedAt, JSON.stringify(record));
  }

  async listImports(): Promise<IncidentImportRecord[]> {
    const rows = this.#db
      .prepare('SELECT data FROM incident_imports WHERE agency_id = ? ORDER BY imported_at, id')
      .all(this.#agency) as Row[];
    return rows.map((r) => JSON.parse(r.data) as IncidentImportRecord);
  }

  async upsertReports(reports: readonly NewsReportRecord[]): Promise<void> {
    const stmt = this.#db.prepare(
      `INSERT INTO news_reports (agency_id, id, event_id, data) VALUES (?, ?, ?, ?)
       ON CONFLICT (agency_id, id) DO UPDATE SET event_id = excluded.event_id, data = excluded.data`,
    );
    this.#db.transaction(() => {
      for (const r of reports) stmt.run(this.#agency, r.id, r.eventId, JSON.stringify(r));
    })();
  }

  async getReport(id: string): Promise<NewsReportRecord | undefined> {
    const r = this.#db.prepare('SELECT data FROM news_reports WHERE agency_id = ? AND id = ?').get(this.#agency, id) as Row | undefined;
    return r ? (JSON.parse(r.data) as NewsReportRecord) : undefined;
  }

  async upsertEvents(events: readonly NewsEventRecord[]): Promise<void> {
    const stmt = this.#db.prepare(
      `INSERT INTO news_events (agency_id, id, date, data) VALUES (?, ?, ?, ?)
       ON CONFLICT (agency_id, id) DO UPDATE SET date = excluded.date, data = excluded.data`,
    );
    this.#db.transaction(() => {
      for (const e of events) stmt.run(this.#agency, e.id, e.date, JSON.stringify(e));
    })();
  }

  async getEvent(id: string): Promise<NewsEventRecord | undefined> {
    const r = this.#db.prepare('SELECT data FROM news_events WHERE agency_id = ? AND id = ?').get(this.#agency, id) as Row | undefined;
    return r ? (JSON.parse(r.data) as NewsEventRecord) : undefined;
  }

  async listEvents(): Promise<NewsEventRecord[]> {
    const rows = this.#db
      .prepare("SELECT data FROM news_events WHERE agency_id = ? ORDER BY coalesce(date, '9999'), id")
      .all(this.#agency) as Row[];
    return rows.map((r) => JSON.parse(r.data) as NewsEventRecord);
  }

  async deleteEvents(ids: readonly string[]): Promise<void> {
    const stmt = this.#db.prepare('DELETE FROM news_events WHERE agency_id = ? AND id = ?');
    this.#db.transaction(() => {
      for (const id of ids) stmt.run(this.#agency, id);
    })();
  }

  async upsertStatistics(statistics: readonly ReportedStatistic[]): Promise<void> {
    const stmt = this.#db.prepare(
      `INSERT INTO reported_statistics (agency_id, id, period, data) VALUES (?, ?, ?, ?)
       ON CONFLICT (agency_id, id) DO UPDATE SET period = excluded.period, data = excluded.data`,
    );
    this.#db.transaction(() => {
      for (const s of statistics) stmt.run(this.#agency, s.id, s.period ?? null, JSON.stringify(s));
    })();
  }

  async listStatistics(period?: string): Promise<ReportedStatistic[]> {
    const rows = (
      period === undefined
        ? this.#db.prepare('SELECT data FROM reported_statistics WHERE agency_id = ? ORDER BY period, id').all(this.#agency)
        : this.#db.prepare('SELECT data FROM reported_statistics WHERE agency_id = ? AND period = ? ORDER BY id').all(this.#agency, period)
    ) as Row[];
    return rows.map((r) => JSON.parse(r.data) as ReportedStatistic);
  }
}
