/** The authenticated shell: header (product, agency, readiness, user menu), navigation from the page registry, the page. */

import { AppShell, Badge, Box, Center, Group, Loader, Menu, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { Link, Outlet, useLocation, useNavigate } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { Session } from '../../api/types.js';
import { useLogout } from '../../queries/auth/use-logout.js';
import { useSession } from '../../queries/auth/use-session.js';
import { PAGES } from '../../routes/index.js';
import { NAV_SECTIONS } from '../../routes/page.js';
import { ErrorState } from '../common/states.js';

export function AppLayout() {
  const session = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const lost = !session.isPending && !session.isError && !session.data;
  // The session ended while the app was open (logout elsewhere, expiry, an admin's change): back to the login,
  // once. The location is read through a ref: while the router moves to /login this layout is still mounted, and
  // re-navigating on every location change would nest `next` into itself until React gives up.
  const here = useRef(location.href);
  here.current = location.href;
  const sent = useRef(false);
  useEffect(() => {
    if (!lost) {
      sent.current = false;
      return;
    }
    if (sent.current) return;
    sent.current = true;
    const next = here.current.startsWith('/login') ? undefined : here.current;
    void navigate({ to: '/login', search: next ? { next } : {}, replace: true });
  }, [lost, navigate]);
  if (session.isPending || lost) {
    return (
      <Center h="100vh">
        <Loader size="sm" aria-label="Loading" />
      </Center>
    );
  }
  if (session.isError) {
    return (
      <Center h="100vh" p="xl">
        <ErrorState error={session.error} onRetry={() => void session.refetch()} />
      </Center>
    );
  }
  if (!session.data) return null;
  return (
    <AppShell header={{ height: 44 }} navbar={{ width: 208, breakpoint: 0 }} padding={0}>
      <AppShell.Header className="argus-header">
        <Header session={session.data} />
      </AppShell.Header>
      <AppShell.Navbar className="argus-navbar" aria-label="Main navigation">
        <Navigation session={session.data} pathname={location.pathname} />
      </AppShell.Navbar>
      <AppShell.Main className="argus-main">
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}

function Navigation({ session, pathname }: { session: Session; pathname: string }) {
  return (
    <nav>
      {NAV_SECTIONS.map((section) => {
        const items = PAGES.filter((p) => p.nav === section && (p.permission === undefined || session.permissions.includes(p.permission)));
        if (items.length === 0) return null;
        return (
          <Box key={section} className="argus-nav-section">
            <Text className="argus-nav-heading" component="h2">
              {section}
            </Text>
            <ul>
              {items.map((p) => {
                const active = pathname === p.path || pathname.startsWith(`${p.path}/`);
                return (
                  <li key={p.path}>
                    <Link
                      to={p.path}
                      className="argus-nav-link"
                      data-active={active || undefined}
                      aria-current={active ? 'page' : undefined}
                    >
                      {p.title}
                    </Link>
                  </li>
                );
              })}
            </ul>
          </Box>
        );
      })}
    </nav>
  );
}

interface Readiness {
  status: 'ready' | 'starting';
  lists: { loaded: number };
}

function Header({ session }: { session: Session }) {
  const logout = useLogout();
  const navigate = useNavigate();
  const ready = useQuery({
    queryKey: ['ready'],
    queryFn: () => api.get<Readiness>('/api/ready'),
    // Poll while lists load; once ready, an occasional look is enough.
    refetchInterval: (q) => (q.state.data?.status === 'ready' ? 60_000 : 3_000),
  });
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Group gap="sm" wrap="nowrap">
        <Link to="/" className="argus-wordmark" aria-label="Argus home">
          ARGUS
        </Link>
        <Text size="xs" c="dimmed" className="argus-agency" title={`Agency: ${session.user.agencyId}`}>
          {session.user.agencyName}
        </Text>
      </Group>
      <Group gap="md" wrap="nowrap">
        {ready.data?.status === 'starting' ? (
          <Tooltip label="Lists are loading and the screening index is being built">
            <Badge color="yellow" variant="light" leftSection={<Loader size={10} color="yellow" />}>
              Loading lists
            </Badge>
          </Tooltip>
        ) : ready.data ? (
          <Text size="xs" c="dimmed">
            {ready.data.lists.loaded} list{ready.data.lists.loaded === 1 ? '' : 's'} loaded
          </Text>
        ) : null}
        <Menu position="bottom-end" width={220} withinPortal>
          <Menu.Target>
            <UnstyledButton className="argus-user" aria-label={`User menu for ${session.user.username}`}>
              <Text size="sm" fw={500} component="span">
                {session.user.username}
              </Text>
              <Badge size="xs" variant="outline" color="gray" ml={6}>
                {session.user.role}
              </Badge>
            </UnstyledButton>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Label>
              {session.user.username} · {session.user.agencyName}
            </Menu.Label>
            <Menu.Item
              onClick={() =>
                logout.mutate(undefined, {
                  onSettled: () => void navigate({ to: '/login', replace: true }),
                })
              }
            >
              Log out
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Group>
    </Group>
  );
}
