/** Ends the session (POST /api/auth/logout) and forgets every cached answer. */

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import { SESSION_KEY } from './use-session.js';

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ ok: boolean }>('/api/auth/logout', {}, { quiet401: true }),
    onSettled: () => {
      client.clear();
      client.setQueryData(SESSION_KEY, null);
    },
  });
}
