/** List sources with their current versions (GET /api/lists). */

import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { ListSource } from '../../api/types.js';

export function useLists() {
  return useQuery({
    queryKey: ['lists'],
    queryFn: ({ signal }) => api.get<{ sources: ListSource[] }>('/api/lists', { signal }).then((r) => r.sources),
  });
}
