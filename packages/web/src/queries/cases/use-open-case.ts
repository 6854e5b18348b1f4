/** Opens a case by hand or from alerts (POST /api/cases). */

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { CaseFile, CaseParty } from './types.js';

export interface NewCase {
  readonly title?: string;
  readonly alertIds?: readonly string[];
  readonly parties?: readonly CaseParty[];
  readonly assignee?: string;
}

export function useOpenCase() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: NewCase) => api.post<{ case: CaseFile }>('/api/cases', input).then((r) => r.case),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['cases'] });
      void client.invalidateQueries({ queryKey: ['alerts'] });
    },
  });
}
