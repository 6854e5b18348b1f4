/** Records a true-match / false-positive decision (POST /api/reviews); screenings and the decision list refresh. */

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { Decision, Review, ScreenQuery } from '../../api/types.js';

export interface NewReview {
  readonly query: ScreenQuery;
  readonly entityId: string;
  readonly decision: Decision;
  readonly reason: string;
}

export function useRecordReview() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (review: NewReview) => api.post<{ review: Review }>('/api/reviews', review).then((r) => r.review),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['screen'] });
      void client.invalidateQueries({ queryKey: ['reviews'] });
    },
  });
}
