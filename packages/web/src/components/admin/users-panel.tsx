/** Users of the agency: create, change role, disable or enable, set a new password. */

import { Alert, Badge, Button, Group, Modal, PasswordInput, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { ROLES, type AdminUser, type Role } from '../../api/types.js';
import { useAgencies } from '../../queries/admin/use-agencies.js';
import { useCreateUser, useUpdateUser, useUsers } from '../../queries/admin/use-users.js';
import { useSession } from '../../queries/auth/use-session.js';
import { formatDateTime } from '../common/format.js';
import { EmptyState, ErrorState, LoadingState } from '../common/states.js';

const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: r }));

export function UsersPanel() {
  const users = useUsers();
  const update = useUpdateUser();
  const session = useSession();
  const [creating, setCreating] = useState(false);
  const [password, setPassword] = useState<AdminUser | undefined>(undefined);

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          Changing a role, a password or disabling a user ends their sessions at once.
        </Text>
        <Button onClick={() => setCreating(true)}>New user</Button>
      </Group>
      {update.isError ? (
        <Alert color="red" variant="light" p="xs" role="alert" withCloseButton onClose={() => update.reset()}>
          {update.error.message}
        </Alert>
      ) : null}
      {users.isPending ? (
        <LoadingState label="Loading users" />
      ) : users.isError ? (
        <ErrorState error={users.error} onRetry={() => void users.refetch()} />
      ) : users.data.length === 0 ? (
        <EmptyState title="No users" />
      ) : (
        <Table className="argus-table" withTableBorder aria-label="Users">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Username</Table.Th>
              <Table.Th w={150}>Role</Table.Th>
              <Table.Th>Agency</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Created</Table.Th>
              <Table.Th ta="right">Actions</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.data.map((u) => {
              const self = u.id === session.data?.user.id;
              return (
                <Table.Tr key={u.id}>
                  <Table.Td fw={500}>
                    {u.username}
                    {self ? (
                      <Text span size="xs" c="dimmed">
                        {' '}
                        (you)
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <Select
                      size="xs"
                      aria-label={`Role of ${u.username}`}
                      data={ROLE_OPTIONS}
                      value={u.role}
                      allowDeselect={false}
                      disabled={self || update.isPending}
                      onChange={(v) => v && v !== u.role && update.mutate({ id: u.id, role: v as Role })}
                    />
                  </Table.Td>
                  <Table.Td className="argus-mono">{u.agencyId}</Table.Td>
                  <Table.Td>
                    {u.disabled ? (
                      <Badge color="gray" size="sm">
                        disabled
                      </Badge>
                    ) : (
                      <Badge color="teal" size="sm">
                        active
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{formatDateTime(u.createdAt)}</Table.Td>
                  <Table.Td>
                    <Group gap={6} justify="flex-end" wrap="nowrap">
                      <Button size="compact-xs" variant="default" onClick={() => setPassword(u)}>
                        Set password
                      </Button>
                      <Button
                        size="compact-xs"
                        variant="default"
                        {...(u.disabled ? {} : { color: 'red' })}
                        disabled={self}
                        onClick={() => update.mutate({ id: u.id, disabled: !u.disabled })}
                      >
                        {u.disabled ? 'Enable' : 'Disable'}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      <Modal opened={creating} onClose={() => setCreating(false)} title="New user">
        {creating ? <NewUserForm onDone={() => setCreating(false)} /> : null}
      </Modal>
      <Modal opened={password !== undefined} onClose={() => setPassword(undefined)} title={`New password for ${password?.username ?? ''}`}>
        {password ? <PasswordForm user={password} onDone={() => setPassword(undefined)} /> : null}
      </Modal>
    </Stack>
  );
}

function NewUserForm({ onDone }: { onDone: () => void }) {
  const create = useCreateUser();
  const agencies = useAgencies();
  const session = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>('analyst');
  const [agencyId, setAgencyId] = useState(session.data?.user.agencyId ?? '');
  const many = (agencies.data?.length ?? 0) > 1;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ username: username.trim(), password, role, ...(many && agencyId ? { agencyId } : {}) }, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <TextInput
          label="Username"
          required
          data-autofocus
          value={username}
          onChange={(e) => setUsername(e.currentTarget.value)}
          autoComplete="off"
        />
        <PasswordInput
          label="Initial password"
          description="At least 12 characters; give it to the user over a separate channel."
          required
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          autoComplete="new-password"
        />
        <Select label="Role" data={ROLE_OPTIONS} value={role} onChange={(v) => setRole((v ?? 'analyst') as Role)} allowDeselect={false} />
        {many ? (
          <Select
            label="Agency"
            data={(agencies.data ?? []).map((a) => ({ value: a.id, label: `${a.name} (${a.id})` }))}
            value={agencyId}
            onChange={(v) => setAgencyId(v ?? '')}
            allowDeselect={false}
          />
        ) : null}
        {create.isError ? (
          <Alert color="red" variant="light" p="xs" role="alert">
            {create.error.message}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending} disabled={username.trim().length < 2 || password.length < 12}>
            Create user
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function PasswordForm({ user, onDone }: { user: AdminUser; onDone: () => void }) {
  const update = useUpdateUser();
  const [password, setPassword] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    update.mutate({ id: user.id, password }, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <PasswordInput
          label="New password"
          description="At least 12 characters. The user's sessions end."
          required
          data-autofocus
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          autoComplete="new-password"
        />
        {update.isError ? (
          <Alert color="red" variant="light" p="xs" role="alert">
            {update.error.message}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={update.isPending} disabled={password.length < 12}>
            Set password
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
