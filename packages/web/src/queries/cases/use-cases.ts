/** Cases of the agency, newest first, by status and assignee (GET /api/cases). */

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, qs } from '../../api/client.js';
import type { CaseFile, CaseStatus } from './types.js';

export interface CaseListFilter {
  readonly status?: readonly CaseStatus[];
  /** A username or `me`. */
  readonly assignee?: string;
  readonly limit?: number;
  readonly offset?: number;
}

export function useCases(filter: CaseListFilter) {
  return useQuery({
    queryKey: ['cases', 'list', filter],
    queryFn: ({ signal }) =>
      api.get<{ items: CaseFile[]; total: number }>(
        `/api/cases${qs({
          status: filter.status?.length ? filter.status.join(',') : undefined,
          assignee: filter.assignee,
          limit: filter.limit,
          offset: filter.offset,
        })}`,
        { signal },
      ),
    placeholderData: keepPreviousData,
  });
}
