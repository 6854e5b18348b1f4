/** Adds claims to an incident; the estimate is reconciled again, earlier claims kept (POST /api/incidents/:id/claims). */

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { ClaimInput, IncidentSummary } from './types.js';

export function useAddClaims(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (claims: readonly ClaimInput[]) =>
      api.post<{ incident: IncidentSummary }>(`/api/incidents/${encodeURIComponent(id)}/claims`, { claims }).then((r) => r.incident),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['incidents'] }),
  });
}
