/** Providers: theme, server-state cache, router; a 401 anywhere sends the analyst back to the login page. */

import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { setUnauthorizedHandler } from './api/client.js';
import { queryClient } from './query-client.js';
import { SESSION_KEY } from './queries/auth/use-session.js';
import { router } from './router.js';
import { theme } from './theme.js';

setUnauthorizedHandler(() => {
  queryClient.setQueryData(SESSION_KEY, null);
});

export function App() {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  );
}
