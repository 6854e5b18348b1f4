/** API keys for machine clients: create with scopes (the secret is shown once), list, revoke. */

import { Alert, Badge, Button, Checkbox, Code, CopyButton, Group, Modal, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { type ApiKey, PERMISSION_LIST, type Permission } from '../../api/types.js';
import { useApiKeys, useCreateApiKey, useRevokeApiKey } from '../../queries/admin/use-api-keys.js';
import { useSession } from '../../queries/auth/use-session.js';
import { formatDateTime } from '../common/format.js';
import { EmptyState, ErrorState, LoadingState } from '../common/states.js';

export function ApiKeysPanel() {
  const keys = useApiKeys();
  const revoke = useRevokeApiKey();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<{ key: string; apiKey: ApiKey } | undefined>(undefined);
  const [revoking, setRevoking] = useState<ApiKey | undefined>(undefined);

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          A key acts as its creator's agency and role, narrowed to its scopes. Send it as <Code>Authorization: Bearer …</Code>
        </Text>
        <Button onClick={() => setCreating(true)}>New API key</Button>
      </Group>
      {keys.isPending ? (
        <LoadingState label="Loading API keys" />
      ) : keys.isError ? (
        <ErrorState error={keys.error} onRetry={() => void keys.refetch()} />
      ) : keys.data.length === 0 ? (
        <EmptyState title="No API keys">Create one for a system that screens through the API.</EmptyState>
      ) : (
        <Table className="argus-table" withTableBorder aria-label="API keys">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Key</Table.Th>
              <Table.Th>Scopes</Table.Th>
              <Table.Th>Created</Table.Th>
              <Table.Th>Last used</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th ta="right">Actions</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {keys.data.map((k) => (
              <Table.Tr key={k.id}>
                <Table.Td fw={500}>{k.name}</Table.Td>
                <Table.Td className="argus-mono">{k.prefix}…</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {k.scopes.map((s) => (
                      <Badge key={s} size="xs" variant="outline" color="gray">
                        {s}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>{formatDateTime(k.createdAt)}</Table.Td>
                <Table.Td>{formatDateTime(k.lastUsedAt)}</Table.Td>
                <Table.Td>
                  {k.revokedAt ? (
                    <Badge color="gray" size="sm">
                      revoked
                    </Badge>
                  ) : (
                    <Badge color="teal" size="sm">
                      active
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td ta="right">
                  {k.revokedAt ? null : (
                    <Button size="compact-xs" variant="default" color="red" onClick={() => setRevoking(k)}>
                      Revoke
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal opened={creating} onClose={() => setCreating(false)} title="New API key" size="lg">
        {creating ? (
          <NewKeyForm
            onCancel={() => setCreating(false)}
            onCreated={(c) => {
              setCreating(false);
              setCreated(c);
            }}
          />
        ) : null}
      </Modal>
      <Modal
        opened={created !== undefined}
        onClose={() => setCreated(undefined)}
        title="API key created"
        size="lg"
        closeOnClickOutside={false}
      >
        {created ? (
          <Stack gap="sm">
            <Alert color="orange" variant="light" p="xs">
              Copy the key now. Argus stores only its hash and will never show it again.
            </Alert>
            <Code block data-testid="new-api-key" style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
              {created.key}
            </Code>
            <Group justify="flex-end">
              <CopyButton value={created.key}>
                {({ copied, copy }) => (
                  <Button variant="default" onClick={copy}>
                    {copied ? 'Copied' : 'Copy key'}
                  </Button>
                )}
              </CopyButton>
              <Button onClick={() => setCreated(undefined)}>Done</Button>
            </Group>
          </Stack>
        ) : null}
      </Modal>
      <Modal opened={revoking !== undefined} onClose={() => setRevoking(undefined)} title="Revoke API key">
        {revoking ? (
          <Stack gap="sm">
            <Text size="sm">
              Revoke “{revoking.name}” ({revoking.prefix}…)? Systems using it are refused at once. This cannot be undone.
            </Text>
            {revoke.isError ? (
              <Alert color="red" variant="light" p="xs" role="alert">
                {revoke.error.message}
              </Alert>
            ) : null}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setRevoking(undefined)}>
                Cancel
              </Button>
              <Button
                color="red"
                loading={revoke.isPending}
                onClick={() => revoke.mutate(revoking.id, { onSuccess: () => setRevoking(undefined) })}
              >
                Revoke key
              </Button>
            </Group>
          </Stack>
        ) : null}
      </Modal>
    </Stack>
  );
}

function NewKeyForm({ onCancel, onCreated }: { onCancel: () => void; onCreated: (c: { key: string; apiKey: ApiKey }) => void }) {
  const create = useCreateApiKey();
  const session = useSession();
  // A key can never do more than its creator: offer only the creator's permissions.
  const allowed = PERMISSION_LIST.filter((p) => session.data?.permissions.includes(p));
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<Permission[]>(['screen', 'lists:read']);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ name: name.trim(), scopes }, { onSuccess: onCreated });
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <TextInput
          label="Name"
          description="What uses it, e.g. “core banking onboarding”"
          required
          data-autofocus
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          autoComplete="off"
        />
        <Checkbox.Group label="Scopes" value={scopes} onChange={(v) => setScopes(v as Permission[])} required>
          <SimpleGrid cols={3} spacing={6} mt={6}>
            {allowed.map((p) => (
              <Checkbox key={p} value={p} label={p} size="xs" />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        {create.isError ? (
          <Alert color="red" variant="light" p="xs" role="alert">
            {create.error.message}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending} disabled={!name.trim() || scopes.length === 0}>
            Create key
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
