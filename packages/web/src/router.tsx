/** The router, built from the page registry (routes/index.tsx): login, and every page inside the app shell. */

import { createRootRoute, createRoute, createRouter, Outlet, redirect } from '@tanstack/react-router';
import { AppLayout } from './components/shell/app-layout.js';
import { HomeRedirect } from './components/shell/home-redirect.js';
import { NotFound } from './components/common/not-found.js';
import { PageFrame } from './components/shell/page-frame.js';
import { fetchSession, SESSION_KEY } from './queries/auth/use-session.js';
import { queryClient } from './query-client.js';
import { PAGES } from './routes/index.js';
import { LoginPage } from './routes/login/login-page.js';

const rootRoute = createRootRoute({ component: Outlet, notFoundComponent: NotFound });

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  component: LoginPage,
  validateSearch: (search: Record<string, unknown>): { next?: string } =>
    typeof search.next === 'string' && search.next.startsWith('/') ? { next: search.next } : {},
});

// Every page but the login needs a session: without one, go to the login and come back afterwards.
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  component: AppLayout,
  beforeLoad: async ({ location }) => {
    const session = await queryClient.ensureQueryData({ queryKey: SESSION_KEY, queryFn: fetchSession });
    if (!session) throw redirect({ to: '/login', search: location.href !== '/' ? { next: location.href } : {}, replace: true });
  },
});

const homeRoute = createRoute({ getParentRoute: () => appRoute, path: '/', component: HomeRedirect });

const pageRoutes = PAGES.map((p) => createRoute({ getParentRoute: () => appRoute, path: p.path, component: () => <PageFrame page={p} /> }));

export const router = createRouter({
  routeTree: rootRoute.addChildren([loginRoute, appRoute.addChildren([homeRoute, ...pageRoutes])]),
  defaultNotFoundComponent: NotFound,
  scrollRestoration: true,
});
