/** Uploads a CSV for batch screening (POST /api/screen/batch, multipart field "file"). */

import { useMutation } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { BatchJob } from '../../api/types.js';

export function useStartBatch() {
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return api.post<{ job: BatchJob }>('/api/screen/batch', form).then((r) => r.job);
    },
  });
}
