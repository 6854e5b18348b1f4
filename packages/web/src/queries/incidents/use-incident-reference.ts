/** Provinces, districts, groups, types and qualifiers for the entry forms (GET /api/incidents/reference). */

import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { IncidentReference } from './types.js';

export function useIncidentReference() {
  return useQuery({
    queryKey: ['incidents', 'reference'],
    queryFn: ({ signal }) => api.get<IncidentReference>('/api/incidents/reference', { signal }),
    staleTime: 10 * 60_000,
  });
}
