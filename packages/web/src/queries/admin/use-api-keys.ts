/** API keys (GET/POST/DELETE /api/admin/api-keys): the secret is in the create answer only, never again. */

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { ApiKey, Permission } from '../../api/types.js';

const KEY = ['admin', 'api-keys'] as const;

export function useApiKeys() {
  return useQuery({
    queryKey: KEY,
    queryFn: ({ signal }) => api.get<{ apiKeys: ApiKey[] }>('/api/admin/api-keys', { signal }).then((r) => r.apiKeys),
  });
}

export function useCreateApiKey() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (k: { name: string; scopes: Permission[] }) => api.post<{ key: string; apiKey: ApiKey }>('/api/admin/api-keys', k),
    onSuccess: () => void client.invalidateQueries({ queryKey: KEY }),
  });
}

export function useRevokeApiKey() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`/api/admin/api-keys/${encodeURIComponent(id)}`),
    onSuccess: () => void client.invalidateQueries({ queryKey: KEY }),
  });
}
