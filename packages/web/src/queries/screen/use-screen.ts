/** One screening (POST /api/screen), cached per query so back/forward and re-opening a result cost nothing. */

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { ScreenQuery, ScreenResult } from '../../api/types.js';

export const screenKey = (q: ScreenQuery) => ['screen', q] as const;

export function useScreen(query: ScreenQuery | undefined, limit = 25) {
  return useQuery({
    queryKey: query ? [...screenKey(query), limit] : ['screen', 'none'],
    queryFn: ({ signal }) => api.post<ScreenResult>('/api/screen', { ...query, limit }, { signal }),
    enabled: query !== undefined && query.name.trim() !== '',
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
