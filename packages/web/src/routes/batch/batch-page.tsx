/** Upload a CSV of names to screen in the background; recent batches of this browser are listed below. */

import { Alert, Box, Button, Code, FileInput, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { recentBatches, rememberBatch } from '../../components/batch/recent-batches.js';
import { formatDateTime } from '../../components/common/format.js';
import { PageHeader } from '../../components/common/page-header.js';
import { useStartBatch } from '../../queries/batch/use-start-batch.js';
import { useSession } from '../../queries/auth/use-session.js';
import { AppLink } from '../../components/common/app-link.js';

export default function BatchPage() {
  const session = useSession();
  const user = session.data?.user.username ?? '';
  const start = useStartBatch();
  const navigate = useNavigate();
  const [file, setFile] = useState<File | null>(null);
  const recent = recentBatches(user);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    start.mutate(file, {
      onSuccess: (job) => {
        rememberBatch(user, { id: job.id, file: file.name, at: new Date().toISOString() });
        void navigate({ to: '/batch/$jobId', params: { jobId: job.id } });
      },
    });
  };

  return (
    <Box className="argus-page">
      <PageHeader title="Batch screening" description="Screen a customer or counterparty file against the current lists." />
      <Group align="flex-start" gap="md" wrap="nowrap">
        <Paper p="md" component="form" onSubmit={submit} style={{ flex: '1 1 55%' }} aria-label="Upload a batch">
          <Stack gap="sm">
            <FileInput
              label="CSV file"
              description="UTF-8 (or UTF-16/Windows-1252) CSV with a header row, up to 64 MB"
              placeholder="Choose a file…"
              accept=".csv,text/csv"
              name="file"
              value={file}
              onChange={setFile}
              clearable
              required
            />
            {start.isError ? (
              <Alert color="red" variant="light" role="alert" p="xs">
                {start.error.message}
              </Alert>
            ) : null}
            <Group justify="flex-end">
              <Button type="submit" disabled={!file} loading={start.isPending}>
                Start screening
              </Button>
            </Group>
          </Stack>
        </Paper>
        <Paper p="md" style={{ flex: '1 1 45%' }} bg="gray.0">
          <Title order={2} mb={6}>
            Columns
          </Title>
          <Text size="sm" mb={6}>
            One row per name. Recognised columns (others are ignored):
          </Text>
          <dl className="argus-kv" style={{ gridTemplateColumns: '190px 1fr' }}>
            <dt>
              <Code>full_name</Code> or <Code>first_name</Code>, <Code>middle_name</Code>, <Code>last_name</Code>
            </dt>
            <dd>the name to screen (required)</dd>
            <dt>
              <Code>id</Code>
            </dt>
            <dd>your reference for the row</dd>
            <dt>
              <Code>date_of_birth</Code>
            </dt>
            <dd>YYYY, YYYY-MM or YYYY-MM-DD</dd>
            <dt>
              <Code>nationality</Code>
            </dt>
            <dd>country code or name</dd>
            <dt>
              <Code>schema</Code>, <Code>id_number</Code>, <Code>gender</Code>
            </dt>
            <dd>optional evidence</dd>
          </dl>
        </Paper>
      </Group>
      <Paper mt="md" p={0}>
        <Text size="sm" fw={600} px="sm" py={8}>
          Recent batches in this browser
        </Text>
        {recent.length === 0 ? (
          <Text size="sm" c="dimmed" px="sm" pb="sm">
            None yet. Batches are kept by the server until it restarts (the last 50).
          </Text>
        ) : (
          <Table className="argus-table" aria-label="Recent batches">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Started</Table.Th>
                <Table.Th>File</Table.Th>
                <Table.Th>Job</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {recent.map((b) => (
                <Table.Tr key={b.id}>
                  <Table.Td>{formatDateTime(b.at)}</Table.Td>
                  <Table.Td>{b.file}</Table.Td>
                  <Table.Td>
                    <AppLink to="/batch/$jobId" params={{ jobId: b.id }} size="sm" className="argus-mono">
                      {b.id}
                    </AppLink>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
    </Box>
  );
}
