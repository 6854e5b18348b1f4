/** News events, newest first (GET /api/news/events), and one event with its reports (GET /api/news/events/:id). */

import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { IncidentSummary, NewsEvent, ReportedStatistic } from './types.js';

export function useNewsEvents() {
  return useQuery({
    queryKey: ['incidents', 'news', 'events'],
    queryFn: ({ signal }) => api.get<{ events: NewsEvent[] }>('/api/news/events', { signal }).then((r) => r.events),
  });
}

export interface NewsReport {
  readonly id: string;
  readonly title?: string;
  readonly outlet?: string;
  readonly publishedAt?: string;
  readonly referenceDate?: string;
}

export function useNewsEvent(id: string | undefined) {
  return useQuery({
    queryKey: ['incidents', 'news', 'event', id],
    enabled: id !== undefined,
    queryFn: ({ signal }) =>
      api.get<{ event: NewsEvent; reports: NewsReport[]; incidents: IncidentSummary[]; statistics: ReportedStatistic[] }>(
        `/api/news/events/${encodeURIComponent(id as string)}`,
        { signal },
      ),
  });
}
