/** Uploads news reports (text or HTML files) to be clustered into events (POST /api/news/ingest, multipart). */

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '../../api/client.js';

export interface IngestResult {
  readonly events: readonly {
    readonly id: string;
    readonly title: string;
    readonly date: string | null;
    readonly reports: readonly string[];
  }[];
}

export function useIngestNews() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (files: readonly File[]) => {
      const form = new FormData();
      for (const f of files) form.append('file', f, f.name);
      return request<IngestResult>('POST', '/api/news/ingest', form);
    },
    onSuccess: () => void client.invalidateQueries({ queryKey: ['incidents'] }),
  });
}
