/** The case's network (GET /api/cases/:id/network) and one-hop expansion of an account (…/network/expand). */

import { useQuery } from '@tanstack/react-query';
import { api, qs } from '../../api/client.js';
import { casePath } from './use-case.js';
import type { Expansion, Network } from './types.js';

export function useCaseNetwork(id: string) {
  return useQuery({
    queryKey: ['cases', 'network', id],
    queryFn: ({ signal }) => api.get<Network & { missingTransactions: string[] }>(`${casePath(id)}/network`, { signal }),
  });
}

export function expandAccount(id: string, account: string, limit = 50): Promise<Expansion> {
  return api.get<Expansion>(`${casePath(id)}/network/expand${qs({ account, limit })}`);
}
