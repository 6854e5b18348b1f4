/** IncidentRepo over PostgreSQL: one agency's incidents, imports, news reports, events and reported statistics as JSONB documents. */

import type pg from 'pg';
import type { IncidentFilter, IncidentImportRecord, IncidentRepo, NewsEventRecord, NewsReportRecord } from '@argus/app';
import type { Incident } from '@argus/core/incidents';
import type { ReportedStatistic } from '@argus/core/news';

export class PostgresIncidentRepo implements IncidentRepo {
  readonly #pool: pg.Pool;
  readonly #agency: string;

  constructor(pool: pg.Pool, agencyId: string) {
    this.#pool = pool;
    this.#agency = agencyId;
  }

  async #inTransaction(f: (c: pg.PoolClient) => Promise<void>): Promise<void> {
    const client = await this.#pool.connect();
    try {
      await client.query('BEGIN');
      await f(client);
      await client.query('COMMIT');
    } catch (e) {
      await client.query('ROLLBACK').catch(() => {});
      throw e;
    } finally {
      client.release();
    }
  }

  async upsertIncidents(incidents: readonly Incident[]): Promise<void> {
    await this.#inTransaction(async (c) => {
      for (const i of incidents) {
        await c.query(
          `INSERT INTO incidents (agency_id, id, date, province, type, data) VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (agency_id, id) DO UPDATE SET date = excluded.date, province = excluded.province, type = excluded.type, data = excluded.data`,
          [this.#agency, i.id, i.date.date, i.place.province ?? null, i.type, JSON.stringify(i)],
        );
      }
    });
  }

  async getIncident(id: string): Promise<Incident | undefined> {
    const { rows } = await this.#pool.query<{ data: Incident }>('SELECT data FROM incidents WHERE agency_id = $1 AND id = $2', [
      this.#agency,
      id,
    ]);
    return rows[0]?.data;
  }

  async listIncidents(filter: IncidentFilter = {}): Promise<Incident[]> {
    const where = ['agency_id = $1'];
    const args: unknown[] = [this.#agency];
    const add = (sql: string, v: unknown) => {
      args.push(v);
      where.push(sql.replace('?', `$${args.length}`));
    };
    if (filter.from) add('date >= ?', filter.from);
    if (filter.to) add('date < ?', filter.to);
    if (filter.province) add('province = ?', filter.province);
    if (filter.type) add('type = ?', filter.type);
    const limit = filter.limit !== undefined ? ` LIMIT ${Math.max(0, Math.floor(filter.limit))}` : '';
    const { rows } = await this.#pool.query<{ data: Incident }>(
      `SELECT data FROM incidents WHERE ${where.join(' AND ')} ORDER BY date COLLATE "C", id COLLATE "C"${limit}`,
      args,
    );
    return rows.map((r) => r.data);
  }

  async countIncidents(): Promise<number> {
    const { rows } = await this.#pool.query<{ n: string }>('SELECT count(*) AS n FROM incidents WHERE agency_id = $1', [this.#agency]);
    return Number(rows[0]?.n ?? 0);
  }

  async saveImport(record: IncidentImportRecord): Promise<void> {
    await this.#pool.query(
      `INSERT INTO incident_imports (agency_id, id, imported_at, data) VALUES ($1, $2, $3, $4)
       ON CONFLICT (agency_id, id) DO UPDATE SET imported_at = excluded.imported_at, data = excluded.data`,
      [this.#agency, record.id, record.importedAt, JSON.stringify(record)],
    );
  }

  async listImports(): Promise<IncidentImportRecord[]> {
    const { rows } = await this.#pool.query<{ data: IncidentImportRecord }>(
      'SELECT data FROM incident_imports WHERE agency_id = $1 ORDER BY imported_at, id',
      [this.#agency],
    );
    return rows.map((r) => r.data);
  }

  async upsertReports(reports: readonly NewsReportRecord[]): Promise<void> {
    await this.#inTransaction(async (c) => {
      for (const r of reports) {
        await c.query(
          `INSERT INTO news_reports (agency_id, id, event_id, data) VALUES ($1, $2, $3, $4)
           ON CONFLICT (agency_id, id) DO UPDATE SET event_id = excluded.event_id, data = excluded.data`,
          [this.#agency, r.id, r.eventId, JSON.stringify(r)],
        );
      }
    });
  }

  async getReport(id: string): Promise<NewsReportRecord | undefined> {
    const { rows } = await this.#pool.query<{ data: NewsReportRecord }>('SELECT data FROM news_reports WHERE agency_id = $1 AND id = $2', [
      this.#agency,
      id,
    ]);
    return rows[0]?.data;
  }

  async upsertEvents(events: readonly NewsEventRecord[]): Promise<void> {
    await this.#inTransaction(async (c) => {
      for (const e of events) {
        await c.query(
          `INSERT INTO news_events (agency_id, id, date, data) VALUES ($1, $2, $3, $4)
           ON CONFLICT (agency_id, id) DO UPDATE SET date = excluded.date, data = excluded.data`,
          [this.#agency, e.id, e.date, JSON.stringify(e)],
        );
      }
    });
  }

  async getEvent(id: string): Promise<NewsEventRecord | undefined> {
    const { rows } = await this.#pool.query<{ data: NewsEventRecord }>('SELECT data FROM news_events WHERE agency_id = $1 AND id = $2', [
      this.#agency,
      id,
    ]);
    return rows[0]?.data;
  }

  async listEvents(): Promise<NewsEventRecord[]> {
    const { rows } = await this.#pool.query<{ data: NewsEventRecord }>(
      'SELECT data FROM news_events WHERE agency_id = $1 ORDER BY coalesce(date, \'9999\') COLLATE "C", id COLLATE "C"',
      [this.#agency],
    );
    return rows.map((r) => r.data);
  }

  async deleteEvents(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.#pool.query('DELETE FROM news_events WHERE agency_id = $1 AND id = ANY($2)', [this.#agency, ids]);
  }

  async upsertStatistics(statistics: readonly ReportedStatistic[]): Promise<void> {
    await this.#inTransaction(async (c) => {
      for (const s of statistics) {
        await c.query(
          `INSERT INTO reported_statistics (agency_id, id, period, data) VALUES ($1, $2, $3, $4)
           ON CONFLICT (agency_id, id) DO UPDATE SET period = excluded.period, data = excluded.data`,
          [this.#agency, s.id, s.period ?? null, JSON.stringify(s)],
        );
      }
    });
  }

  async listStatistics(period?: string): Promise<ReportedStatistic[]> {
    const { rows } =
      period === undefined
        ? await this.#pool.query<{ data: ReportedStatistic }>(
            'SELECT data FROM reported_statistics WHERE agency_id = $1 ORDER BY period, id',
            [this.#agency],
          )
        : await this.#pool.query<{ data: ReportedStatistic }>(
            'SELECT data FROM reported_statistics WHERE agency_id = $1 AND period = $2 ORDER BY id',
            [this.#agency, period],
          );
    return rows.map((r) => r.data);
  }
}
