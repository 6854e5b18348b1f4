/** The logged-in user, agency and permissions (GET /api/auth/session); null when there is no session. */

import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { Permission, Session } from '../../api/types.js';

export const SESSION_KEY = ['session'] as const;

export async function fetchSession(): Promise<Session | null> {
  return (await api.get<{ session: Session | null }>('/api/auth/session', { quiet401: true })).session;
}

export function useSession() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: 60_000, retry: false });
}

/** Whether the current session may do this (false while loading or logged out). */
export function useCan(permission: Permission | undefined): boolean {
  const { data } = useSession();
  if (permission === undefined) return data != null;
  return data?.permissions.includes(permission) ?? false;
}
