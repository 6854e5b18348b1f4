/** One batch row with every explained match (GET …/results?offset=row-1&limit=1), for the row detail. */

import { useQuery } from '@tanstack/react-query';
import { api, qs } from '../../api/client.js';
import type { BatchRow } from '../../api/types.js';

export function useBatchRow(jobId: string, row: number | undefined) {
  return useQuery({
    queryKey: ['batch', jobId, 'row', row],
    queryFn: ({ signal }) =>
      api
        .get<{ rows: BatchRow[] }>(`/api/screen/batch/${encodeURIComponent(jobId)}/results${qs({ offset: (row ?? 1) - 1, limit: 1 })}`, {
          signal,
        })
        .then((r) => r.rows[0] ?? null),
    enabled: row !== undefined,
  });
}
