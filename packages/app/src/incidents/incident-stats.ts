/** incidentStats: monthly or yearly statistics of the register, with the reported statistics of the period and every figure's sources. */

import { ArgusError } from '@argus/core';
import { type IncidentSource, type IncidentStatistics, incidentStatistics, parsePeriod } from '@argus/core/incidents';
import type { ReportedStatistic } from '@argus/core/news';
import { type IncidentsDeps, indexesOf, repoOf } from './incidents-deps.js';

export interface IncidentStatsRequest {
  /** `2026-01` (a month) or `2026` (a year). */
  readonly period: string;
}

export interface IncidentStatsResult extends IncidentStatistics {
  /** Statistics that news reports quote for this period (PICSS, PIPS…), with their provenance. */
  readonly reported: readonly ReportedStatistic[];
  /** The sources of every incident counted in the period: each figure links back through its incident ids. */
  readonly sources: Readonly<Record<string, readonly IncidentSource[]>>;
}

export async function incidentStats(deps: IncidentsDeps, request: IncidentStatsRequest): Promise<IncidentStatsResult> {
  const period = parsePeriod(request.period);
  if (!period) {
    throw new ArgusError('INPUT_INVALID', `"${request.period}" is not a month (YYYY-MM) or a year (YYYY)`, {
      location: { field: 'period' },
    });
  }
  const repo = repoOf(deps);
  // Enough history for the year-before comparison and the 12-month-high alert.
  const y = Number(period.start.slice(0, 4));
  const from = `${y - 2}${period.start.slice(4)}`;
  const incidents = await repo.listIncidents({ from, to: period.end });
  const { places, groups } = indexesOf(deps);
  const stats = incidentStatistics(incidents, period, {
    regionName: (id) => places.regionName(id),
    groupName: (id) => (id ? (groups.get(id)?.name ?? id) : 'unknown'),
  });
  const reported = (await repo.listStatistics()).filter(
    (s) => s.period !== undefined && (s.period === period.key || s.period.startsWith(`${period.key}-`)),
  );
  const counted = new Set(stats.figures.incidentIds);
  const sources: Record<string, readonly IncidentSource[]> = {};
  for (const i of incidents) if (counted.has(i.id)) sources[i.id] = i.sources;
  return { ...stats, reported, sources };
}
