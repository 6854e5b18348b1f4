/** The agency's users (GET /api/admin/users) and the changes an admin makes to them. */

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { AdminUser, Role } from '../../api/types.js';

const KEY = ['admin', 'users'] as const;

export function useUsers() {
  return useQuery({
    queryKey: KEY,
    queryFn: ({ signal }) => api.get<{ users: AdminUser[] }>('/api/admin/users', { signal }).then((r) => r.users),
  });
}

export function useCreateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (u: { username: string; password: string; role: Role; agencyId?: string }) =>
      api.post<{ user: AdminUser }>('/api/admin/users', u).then((r) => r.user),
    onSuccess: () => void client.invalidateQueries({ queryKey: KEY }),
  });
}

export function useUpdateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...patch }: { id: string; role?: Role; disabled?: boolean; password?: string }) =>
      api.patch<{ user: AdminUser }>(`/api/admin/users/${encodeURIComponent(id)}`, patch).then((r) => r.user),
    onSuccess: () => void client.invalidateQueries({ queryKey: KEY }),
  });
}
