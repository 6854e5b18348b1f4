/** One entity with its source and version (GET /api/entities/:id). */

import { useQuery } from '@tanstack/react-query';
import { api, qs } from '../../api/client.js';
import type { EntityView } from '../../api/types.js';

export function useEntity(id: string, version?: string) {
  return useQuery({
    queryKey: ['entity', id, version],
    queryFn: ({ signal }) => api.get<EntityView>(`/api/entities/${encodeURIComponent(id)}${qs({ version })}`, { signal }),
  });
}
