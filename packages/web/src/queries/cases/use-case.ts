/** One case with its alerts, transactions and the actions open to the caller (GET /api/cases/:id). */

import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { CaseDetail } from './types.js';

export const caseKey = (id: string) => ['cases', 'one', id] as const;
export const casePath = (id: string) => `/api/cases/${encodeURIComponent(id)}`;

export function useCase(id: string) {
  return useQuery({ queryKey: caseKey(id), queryFn: ({ signal }) => api.get<CaseDetail>(casePath(id), { signal }) });
}
