/** Records a new incident (POST /api/incidents) or replaces an existing one's entry (PUT /api/incidents/:id). */

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../api/client.js';
import type { IncidentInput, IncidentSummary } from './types.js';

export function useRecordIncident() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: IncidentInput }) =>
      (id
        ? request<{ incident: IncidentSummary }>('PUT', `/api/incidents/${encodeURIComponent(id)}`, input)
        : api.post<{ incident: IncidentSummary }>('/api/incidents', input)
      ).then((r) => r.incident),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['incidents'] }),
  });
}
