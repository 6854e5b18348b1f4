/** Logs in (POST /api/auth/login) and seeds the session cache with the answer. */

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { Session } from '../../api/types.js';
import { SESSION_KEY } from './use-session.js';

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (credentials: { username: string; password: string }) =>
      api.post<Session>('/api/auth/login', credentials, { quiet401: true }),
    onSuccess: (session) => {
      // Another user's cached answers must never show: start from an empty cache.
      client.clear();
      client.setQueryData(SESSION_KEY, session);
    },
  });
}
