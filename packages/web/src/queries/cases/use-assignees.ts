/** Users of the agency who can be given alerts and cases (GET /api/cases/assignees). */

import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { Assignee } from './types.js';

export function useAssignees() {
  return useQuery({
    queryKey: ['cases', 'assignees'],
    queryFn: ({ signal }) => api.get<{ users: Assignee[] }>('/api/cases/assignees', { signal }).then((r) => r.users),
    staleTime: 60_000,
  });
}
