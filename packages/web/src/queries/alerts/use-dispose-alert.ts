/** Dismisses an alert as a false positive, with the reason (POST /api/alerts/:id/dispose). */

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.js';

export function useDisposeAlert() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ alertId, reason }: { alertId: string; reason: string }) =>
      api.post<{ alertId: string; status: 'dismissed' }>(`/api/alerts/${encodeURIComponent(alertId)}/dispose`, { reason }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['alerts'] }),
  });
}
