/** Read use cases for shells and the UI: incidents by filter, news events with their reports, incidents and statistics. */

import { ArgusError } from '@argus/core';
import type { Incident } from '@argus/core/incidents';
import type { ReportedStatistic } from '@argus/core/news';
import type { IncidentFilter, NewsEventRecord, NewsReportRecord } from '../ports/incident-repo.js';
import { type IncidentsDeps, repoOf } from './incidents-deps.js';

export async function listIncidents(deps: IncidentsDeps, filter: IncidentFilter = {}): Promise<Incident[]> {
  return repoOf(deps).listIncidents(filter);
}

export async function listNewsEvents(deps: IncidentsDeps): Promise<NewsEventRecord[]> {
  return repoOf(deps).listEvents();
}

export interface NewsEventView {
  readonly event: NewsEventRecord;
  readonly reports: readonly NewsReportRecord[];
  readonly incidents: readonly Incident[];
  readonly statistics: readonly ReportedStatistic[];
}

/** One event with everything behind it: its reports (and what was extracted from each), incidents and statistics. */
export async function getNewsEvent(deps: IncidentsDeps, id: string): Promise<NewsEventView> {
  const repo = repoOf(deps);
  const event = await repo.getEvent(id);
  if (!event) throw new ArgusError('NOT_FOUND', `no news event ${id}`, { location: { record: id } });
  const reports = (await Promise.all(event.reports.map((r) => repo.getReport(r)))).filter((r): r is NewsReportRecord => r !== undefined);
  const incidents = (await Promise.all(event.incidentIds.map((i) => repo.getIncident(i)))).filter((i): i is Incident => i !== undefined);
  const wanted = new Set(event.statisticIds);
  const statistics = (await repo.listStatistics()).filter((s) => wanted.has(s.id));
  return { event, reports, incidents, statistics };
}

/** Reported statistics, of one period or all, with their provenance. */
export async function listReportedStatistics(deps: IncidentsDeps, period?: string): Promise<ReportedStatistic[]> {
  return repoOf(deps).listStatistics(period);
}
