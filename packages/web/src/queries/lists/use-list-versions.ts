/** Every imported version of one source, newest first (GET /api/lists/:sourceId/versions). */

import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { ListVersion } from '../../api/types.js';

export function useListVersions(sourceId: string) {
  return useQuery({
    queryKey: ['lists', sourceId, 'versions'],
    queryFn: ({ signal }) =>
      api.get<{ versions: ListVersion[] }>(`/api/lists/${encodeURIComponent(sourceId)}/versions`, { signal }).then((r) => r.versions),
  });
}
