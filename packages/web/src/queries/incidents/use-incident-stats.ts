/** Monthly or yearly statistics of the register (GET /api/incidents/stats?period=). */

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, qs } from '../../api/client.js';
import type { IncidentStats } from './types.js';

export function useIncidentStats(period: string) {
  return useQuery({
    queryKey: ['incidents', 'stats', period],
    queryFn: ({ signal }) => api.get<IncidentStats>(`/api/incidents/stats${qs({ period })}`, { signal }),
    placeholderData: keepPreviousData,
  });
}
