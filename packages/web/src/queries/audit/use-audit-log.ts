/** One page of the audit log in seq order, filtered (GET /api/audit); export links carry the same filter. */

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, qs } from '../../api/client.js';
import type { AuditFilter, AuditPage } from './types.js';

const params = (f: AuditFilter) => ({ actor: f.actor, action: f.action, subject: f.subject, from: f.from, to: f.to });

export function useAuditLog(filter: AuditFilter, afterSeq: number, limit = 100) {
  return useQuery({
    queryKey: ['audit', 'log', filter, afterSeq, limit],
    queryFn: ({ signal }) => api.get<AuditPage>(`/api/audit${qs({ ...params(filter), afterSeq, limit })}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** The download URL of an export (the browser fetches it with the session cookie; the server audits it). */
export function auditExportUrl(filter: AuditFilter, format: 'jsonl' | 'csv'): string {
  return `/api/audit/export${qs({ ...params(filter), format })}`;
}
