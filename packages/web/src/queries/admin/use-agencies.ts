/** Agencies (GET/POST /api/admin/agencies): the root agency's admins create them. */

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { Agency } from '../../api/types.js';

const KEY = ['admin', 'agencies'] as const;

export function useAgencies() {
  return useQuery({
    queryKey: KEY,
    queryFn: ({ signal }) => api.get<{ agencies: Agency[] }>('/api/admin/agencies', { signal }).then((r) => r.agencies),
  });
}

export function useCreateAgency() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (a: { id: string; name: string }) => api.post<{ agency: Agency }>('/api/admin/agencies', a).then((r) => r.agency),
    onSuccess: () => void client.invalidateQueries({ queryKey: KEY }),
  });
}
