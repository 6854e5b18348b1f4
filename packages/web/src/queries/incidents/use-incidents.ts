/** Incidents with their low–high ranges and sources, filtered (GET /api/incidents). */

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, qs } from '../../api/client.js';
import type { IncidentSummary } from './types.js';

export interface IncidentFilter {
  readonly from?: string;
  readonly to?: string;
  readonly province?: string;
  readonly type?: string;
  readonly perpetrator?: string;
  readonly initiator?: string;
  readonly sort?: 'date-desc' | 'date-asc' | 'killed-desc';
  readonly limit?: number;
  readonly offset?: number;
}

export function useIncidents(filter: IncidentFilter) {
  return useQuery({
    queryKey: ['incidents', 'list', filter],
    queryFn: ({ signal }) => api.get<{ items: IncidentSummary[]; total: number }>(`/api/incidents${qs({ ...filter })}`, { signal }),
    placeholderData: keepPreviousData,
  });
}
