/** "Update now": re-reads the configured list sources (POST /api/lists/update, admins). */

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { UpdateResult } from '../../api/types.js';

export function useUpdateLists() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (sources?: readonly string[]) =>
      api.post<{ results: UpdateResult[] }>('/api/lists/update', sources ? { sources } : {}).then((r) => r.results),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['lists'] });
      void client.invalidateQueries({ queryKey: ['ready'] });
      void client.invalidateQueries({ queryKey: ['screen'] });
    },
  });
}
