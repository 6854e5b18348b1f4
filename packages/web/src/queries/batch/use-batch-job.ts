/** A batch job's progress (GET /api/screen/batch/:jobId), polled every second until it finishes. */

import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { BatchJob } from '../../api/types.js';

export const isRunning = (job: BatchJob | undefined) => job === undefined || job.status === 'queued' || job.status === 'running';

export function useBatchJob(jobId: string) {
  return useQuery({
    queryKey: ['batch', jobId],
    queryFn: ({ signal }) => api.get<{ job: BatchJob }>(`/api/screen/batch/${encodeURIComponent(jobId)}`, { signal }).then((r) => r.job),
    refetchInterval: (q) => (q.state.error ? false : isRunning(q.state.data) ? 1000 : false),
  });
}
