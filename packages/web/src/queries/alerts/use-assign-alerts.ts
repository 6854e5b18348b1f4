/** Assigns alerts to a user in one go (POST /api/alerts/assign). */

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.js';

export function useAssignAlerts() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { alertIds: readonly string[]; assignee: string }) =>
      api.post<{ assigned: string[]; missing: string[] }>('/api/alerts/assign', input),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['alerts'] }),
  });
}
