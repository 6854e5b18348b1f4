/** The one server-state cache, shared by the React tree and the router's guards. */

import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api/client.js';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      refetchOnWindowFocus: false,
      // Client errors (403, 404, validation) will not change on a retry; a network blip might.
      retry: (count, error) => count < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
    },
  },
});
