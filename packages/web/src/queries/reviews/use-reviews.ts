/** The agency's review decisions, newest first (GET /api/reviews). */

import { useQuery } from '@tanstack/react-query';
import { api, qs } from '../../api/client.js';
import type { Review } from '../../api/types.js';

export function useReviews(limit = 1000) {
  return useQuery({
    queryKey: ['reviews', limit],
    queryFn: ({ signal }) => api.get<{ reviews: Review[] }>(`/api/reviews${qs({ limit })}`, { signal }).then((r) => r.reviews),
  });
}
