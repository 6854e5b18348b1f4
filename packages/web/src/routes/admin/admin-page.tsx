/** Administration of the agency: users and roles, API keys, agencies. */

import { Box, Paper, Tabs } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { AgenciesPanel } from '../../components/admin/agencies-panel.js';
import { ApiKeysPanel } from '../../components/admin/api-keys-panel.js';
import { UsersPanel } from '../../components/admin/users-panel.js';
import { PageHeader } from '../../components/common/page-header.js';
import { useSession } from '../../queries/auth/use-session.js';

const TABS = ['users', 'api-keys', 'agencies'] as const;

export default function AdminPage() {
  const session = useSession();
  const search = useSearch({ strict: false }) as { tab?: string };
  const navigate = useNavigate();
  const tab = TABS.find((t) => t === search.tab) ?? 'users';
  const root = session.data?.user.agencyId === 'default';
  return (
    <Box className="argus-page">
      <PageHeader title="Administration" description={`Agency: ${session.data?.user.agencyName ?? ''}`} />
      <Paper p="sm">
        <Tabs
          value={tab}
          onChange={(v) => void navigate({ to: '/admin', search: { tab: v ?? 'users' }, replace: true })}
          keepMounted={false}
        >
          <Tabs.List mb="sm">
            <Tabs.Tab value="users">Users</Tabs.Tab>
            <Tabs.Tab value="api-keys">API keys</Tabs.Tab>
            <Tabs.Tab value="agencies">Agencies</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="users">
            <UsersPanel />
          </Tabs.Panel>
          <Tabs.Panel value="api-keys">
            <ApiKeysPanel />
          </Tabs.Panel>
          <Tabs.Panel value="agencies">
            <AgenciesPanel root={root} />
          </Tabs.Panel>
        </Tabs>
      </Paper>
    </Box>
  );
}
