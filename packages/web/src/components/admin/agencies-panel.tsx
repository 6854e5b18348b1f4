/** Agencies (tenants): every row in Argus belongs to one. Administrators of the root agency create them. */

import { Alert, Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useAgencies, useCreateAgency } from '../../queries/admin/use-agencies.js';
import { formatDateTime } from '../common/format.js';
import { ErrorState, LoadingState } from '../common/states.js';

export function AgenciesPanel({ root }: { root: boolean }) {
  const agencies = useAgencies();
  const create = useCreateAgency();
  const [id, setId] = useState('');
  const [name, setName] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { id: id.trim(), name: name.trim() },
      {
        onSuccess: () => {
          setId('');
          setName('');
        },
      },
    );
  };
  return (
    <Stack gap="sm">
      {agencies.isPending ? (
        <LoadingState label="Loading agencies" />
      ) : agencies.isError ? (
        <ErrorState error={agencies.error} onRetry={() => void agencies.refetch()} />
      ) : (
        <Table className="argus-table" withTableBorder aria-label="Agencies">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Id</Table.Th>
              <Table.Th>Name</Table.Th>
              <Table.Th>Created</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {agencies.data.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td className="argus-mono">{a.id}</Table.Td>
                <Table.Td>{a.name}</Table.Td>
                <Table.Td>{formatDateTime(a.createdAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {root ? (
        <form onSubmit={submit} aria-label="New agency">
          <Group align="flex-end" gap="sm">
            <TextInput
              label="Agency id"
              description="lower-case letters, digits, -"
              required
              value={id}
              onChange={(e) => setId(e.currentTarget.value)}
              w={200}
            />
            <TextInput label="Name" required value={name} onChange={(e) => setName(e.currentTarget.value)} w={320} />
            <Button type="submit" loading={create.isPending} disabled={!id.trim() || !name.trim()}>
              Create agency
            </Button>
          </Group>
          {create.isError ? (
            <Alert color="red" variant="light" p="xs" mt="xs" role="alert">
              {create.error.message}
            </Alert>
          ) : null}
          <Text size="xs" c="dimmed" mt={4}>
            Then create the agency's first administrator under Users.
          </Text>
        </form>
      ) : null}
    </Stack>
  );
}
