/** The alert queue with its filters, aged against the SLA (GET /api/alerts/queue). */

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, qs } from '../../api/client.js';
import type { AlertQueue, AlertStatus, Severity } from '../cases/types.js';

export interface QueueFilter {
  readonly type?: string;
  readonly severity?: readonly Severity[];
  readonly status?: readonly AlertStatus[];
  readonly minAgeHours?: number;
  readonly maxAgeHours?: number;
  readonly overdue?: boolean;
  /** A username, `me` or `none`. */
  readonly assignee?: string;
  readonly limit?: number;
  readonly offset?: number;
}

export function queueUrl(f: QueueFilter): string {
  return `/api/alerts/queue${qs({
    type: f.type,
    severity: f.severity?.length ? f.severity.join(',') : undefined,
    status: f.status?.length ? f.status.join(',') : undefined,
    minAgeHours: f.minAgeHours,
    maxAgeHours: f.maxAgeHours,
    overdue: f.overdue === undefined ? undefined : String(f.overdue),
    assignee: f.assignee,
    limit: f.limit,
    offset: f.offset,
  })}`;
}

export function useAlertQueue(filter: QueueFilter) {
  return useQuery({
    queryKey: ['alerts', 'queue', filter],
    queryFn: ({ signal }) => api.get<AlertQueue>(queueUrl(filter), { signal }),
    placeholderData: keepPreviousData,
  });
}
