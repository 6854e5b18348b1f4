/** Added, removed and changed entities between two versions of a source (GET /api/lists/:sourceId/diff). */

import { useQuery } from '@tanstack/react-query';
import { api, qs } from '../../api/client.js';
import type { ListDiff } from '../../api/types.js';

export function useListDiff(sourceId: string, from: string | undefined, to: string | undefined) {
  return useQuery({
    queryKey: ['lists', sourceId, 'diff', from, to],
    queryFn: ({ signal }) => api.get<ListDiff>(`/api/lists/${encodeURIComponent(sourceId)}/diff${qs({ from, to })}`, { signal }),
    enabled: from !== undefined && to !== undefined && from !== to,
    staleTime: Number.POSITIVE_INFINITY,
  });
}
