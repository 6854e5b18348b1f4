/** Escalates an alert to a new case, or links it to an existing one (POST /api/alerts/:id/escalate). */

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { CaseFile } from '../cases/types.js';

export function useEscalateAlert() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ alertId, title, caseId }: { alertId: string; title?: string; caseId?: string }) =>
      api
        .post<{ case: CaseFile }>(`/api/alerts/${encodeURIComponent(alertId)}/escalate`, {
          ...(title ? { title } : {}),
          ...(caseId ? { caseId } : {}),
        })
        .then((r) => r.case),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['alerts'] });
      void client.invalidateQueries({ queryKey: ['cases'] });
    },
  });
}
