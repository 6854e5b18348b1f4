/** Wraps every registered page: permission check, document title, lazy loading and an error boundary. */

import { Center, Loader } from '@mantine/core';
import { Suspense, useEffect } from 'react';
import { useSession } from '../../queries/auth/use-session.js';
import type { AppPage } from '../../routes/page.js';
import { ErrorBoundary } from '../common/error-boundary.js';
import { Forbidden } from '../common/states.js';

export function PageFrame({ page }: { page: AppPage }) {
  const { data } = useSession();
  useEffect(() => {
    document.title = `${page.title} · Argus`;
  }, [page.title]);
  if (page.permission !== undefined && !data?.permissions.includes(page.permission)) {
    return <Forbidden permission={page.permission} />;
  }
  const Component = page.component;
  return (
    <ErrorBoundary key={page.path}>
      <Suspense
        fallback={
          <Center p="xl">
            <Loader size="sm" aria-label="Loading page" />
          </Center>
        }
      >
        <Component />
      </Suspense>
    </ErrorBoundary>
  );
}
