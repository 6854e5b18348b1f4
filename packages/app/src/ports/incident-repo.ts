/** Storage of the incident register: incidents, dataset imports, news reports, events and reported statistics. */

import type { Incident } from '@argus/core/incidents';
import type { ReportedStatistic } from '@argus/core/news';

export interface IncidentFilter {
  /** ISO dates: incidents whose date (first day of its period) is in [from, to). */
  readonly from?: string;
  readonly to?: string;
  readonly province?: string;
  readonly type?: string;
  readonly limit?: number;
}

export interface IncidentImportWarning {
  /** `file, line 12, field Killed Max`. */
  readonly location: string;
  readonly message: string;
  readonly skipped: boolean;
}

export interface IncidentImportRecord {
  readonly id: string;
  readonly file: string;
  readonly format: string;
  readonly encoding: string;
  readonly importedAt: string;
  readonly counts: { readonly rows: number; readonly imported: number; readonly skipped: number; readonly warnings: number };
  /** The file's totals row against the sums of the rows read, where the file has one. */
  readonly totals?: {
    readonly line: number;
    readonly declared: Readonly<Record<string, number>>;
    readonly summed: Readonly<Record<string, number>>;
    readonly matches: boolean;
  };
  /** Every warning, located. */
  readonly warnings: readonly IncidentImportWarning[];
}

export interface NewsReportRecord {
  /** The path or URL as given. */
  readonly id: string;
  readonly checksum: string;
  readonly eventId: string;
  readonly title?: string;
  readonly outlet?: string;
  readonly publishedAt?: string;
  readonly referenceDate?: string;
  readonly ingestedAt: string;
  /** What was extracted (people, organisations, places, figures, incident and statistic mentions). */
  readonly extraction: unknown;
}

export interface NewsEventRecord {
  readonly id: string;
  readonly title: string;
  readonly date: string | null;
  readonly reports: readonly string[];
  readonly incidentIds: readonly string[];
  readonly statisticIds: readonly string[];
  readonly people: readonly string[];
  readonly organisations: readonly string[];
  readonly places: readonly string[];
  readonly updatedAt: string;
}

export interface IncidentRepo {
  /** Inserts or replaces incidents by id. */
  upsertIncidents(incidents: readonly Incident[]): Promise<void>;
  getIncident(id: string): Promise<Incident | undefined>;
  /** Incidents by date, then id. */
  listIncidents(filter?: IncidentFilter): Promise<Incident[]>;
  countIncidents(): Promise<number>;

  saveImport(record: IncidentImportRecord): Promise<void>;
  listImports(): Promise<IncidentImportRecord[]>;

  upsertReports(reports: readonly NewsReportRecord[]): Promise<void>;
  getReport(id: string): Promise<NewsReportRecord | undefined>;
  upsertEvents(events: readonly NewsEventRecord[]): Promise<void>;
  getEvent(id: string): Promise<NewsEventRecord | undefined>;
  listEvents(): Promise<NewsEventRecord[]>;
  /** Removes events no report points to any more (a re-ingest regrouped them). */
  deleteEvents(ids: readonly string[]): Promise<void>;
  upsertStatistics(statistics: readonly ReportedStatistic[]): Promise<void>;
  /** Reported statistics, of one period (`2026-01`, `2026`) or all. */
  listStatistics(period?: string): Promise<ReportedStatistic[]>;
}
