/** One incident with every claim, conflict and revision (GET /api/incidents/:id). */

import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { IncidentDetail } from './types.js';

export function useIncident(id: string) {
  return useQuery({
    queryKey: ['incidents', 'one', id],
    queryFn: ({ signal }) => api.get<IncidentDetail>(`/api/incidents/${encodeURIComponent(id)}`, { signal }),
  });
}
