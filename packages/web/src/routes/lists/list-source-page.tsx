/** One list source: its versions with counts, and the diff between any two of them. */

import { Anchor, Badge, Box, Group, Paper, Select, Table, Text, Title } from '@mantine/core';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import type { ListVersion } from '../../api/types.js';
import { formatCount, formatDate, formatDateTime } from '../../components/common/format.js';
import { PageHeader } from '../../components/common/page-header.js';
import { EmptyState, ErrorState, LoadingState } from '../../components/common/states.js';
import { ChangesCell } from '../../components/lists/changes-cell.js';
import { DiffView } from '../../components/lists/diff-view.js';
import { useListDiff } from '../../queries/lists/use-list-diff.js';
import { useListVersions } from '../../queries/lists/use-list-versions.js';
import { useLists } from '../../queries/lists/use-lists.js';
import { AppLink } from '../../components/common/app-link.js';

const STATUS_COLOR: Record<string, string> = { current: 'teal', superseded: 'gray', pending: 'blue', failed: 'red' };

export default function ListSourcePage() {
  const { sourceId } = useParams({ strict: false }) as { sourceId: string };
  const search = useSearch({ strict: false }) as { from?: string; to?: string };
  const navigate = useNavigate();
  const lists = useLists();
  const versions = useListVersions(sourceId);
  const source = lists.data?.find((s) => s.id === sourceId);

  const usable = (versions.data ?? []).filter((v) => v.status === 'current' || v.status === 'superseded');
  const current = usable.find((v) => v.status === 'current') ?? usable[0];
  const to = search.to ?? current?.id;
  const toSeq = usable.find((v) => v.id === to)?.seq;
  const from = search.from ?? usable.find((v) => toSeq !== undefined && v.seq < toSeq)?.id;
  const diff = useListDiff(sourceId, from, to);
  const options = usable.map((v) => ({ value: v.id, label: `v${v.seq} · ${formatDate(v.publishedAt ?? v.importedAt)}` }));
  const setPair = (next: { from?: string | undefined; to?: string | undefined }) =>
    void navigate({ to: '/lists/$sourceId', params: { sourceId }, search: { from: next.from ?? from, to: next.to ?? to }, replace: true });

  return (
    <Box className="argus-page">
      <PageHeader
        title={source?.name ?? sourceId}
        description={
          <span>
            <AppLink to="/lists" size="sm">
              Lists
            </AppLink>{' '}
            / <span className="argus-mono">{sourceId}</span>
            {source?.urls[0] ? (
              <>
                {' · '}
                <Anchor href={source.urls[0]} target="_blank" rel="noreferrer noopener" size="sm">
                  publisher ↗
                </Anchor>
              </>
            ) : null}
          </span>
        }
      />
      {versions.isPending ? (
        <LoadingState label="Loading versions" />
      ) : versions.isError ? (
        <ErrorState error={versions.error} onRetry={() => void versions.refetch()} />
      ) : (
        <>
          <Paper p={0} mb="md">
            <Text size="sm" fw={600} px="sm" py={8}>
              Versions
            </Text>
            <VersionTable versions={versions.data} />
          </Paper>
          <Paper p="sm" component="section" aria-labelledby="diff-title">
            <Group justify="space-between" mb="sm" align="flex-end">
              <Title order={2} id="diff-title">
                Differences
              </Title>
              <Group gap="xs" align="flex-end">
                <Select
                  size="xs"
                  label="From"
                  data={options}
                  value={from ?? null}
                  onChange={(v) => setPair({ from: v ?? undefined })}
                  w={190}
                  allowDeselect={false}
                />
                <Select
                  size="xs"
                  label="To"
                  data={options}
                  value={to ?? null}
                  onChange={(v) => setPair({ to: v ?? undefined })}
                  w={190}
                  allowDeselect={false}
                />
              </Group>
            </Group>
            {usable.length < 2 ? (
              <EmptyState title="Only one version so far">A diff appears once a second version has been imported.</EmptyState>
            ) : from === to ? (
              <EmptyState title="Pick two different versions" />
            ) : diff.isPending ? (
              <LoadingState label="Comparing versions" />
            ) : diff.isError ? (
              <ErrorState error={diff.error} onRetry={() => void diff.refetch()} />
            ) : (
              <DiffView key={`${from}-${to}`} diff={diff.data} />
            )}
          </Paper>
        </>
      )}
    </Box>
  );
}

function VersionTable({ versions }: { versions: readonly ListVersion[] }) {
  if (versions.length === 0) return <EmptyState title="No versions imported" />;
  return (
    <Table className="argus-table" aria-label="Versions">
      <Table.Thead>
        <Table.Tr>
          <Table.Th ta="right" w={50}>
            #
          </Table.Th>
          <Table.Th>Status</Table.Th>
          <Table.Th>Published</Table.Th>
          <Table.Th>Imported</Table.Th>
          <Table.Th>File</Table.Th>
          <Table.Th ta="right">Entities</Table.Th>
          <Table.Th ta="right">Names</Table.Th>
          <Table.Th ta="right">Aliases</Table.Th>
          <Table.Th ta="right">Warnings</Table.Th>
          <Table.Th>Change from previous</Table.Th>
          <Table.Th>Checksum</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {versions.map((v) => (
          <Table.Tr key={v.id}>
            <Table.Td ta="right">{v.seq}</Table.Td>
            <Table.Td>
              <Badge size="sm" color={STATUS_COLOR[v.status] ?? 'gray'}>
                {v.status}
              </Badge>
            </Table.Td>
            <Table.Td>{formatDate(v.publishedAt)}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(v.importedAt)}</Table.Td>
            <Table.Td>
              <Text size="xs" className="argus-mono" title={v.fileName} lineClamp={1}>
                {v.fileName}
              </Text>
            </Table.Td>
            <Table.Td ta="right" className="argus-mono">
              {formatCount(v.counts?.entities)}
            </Table.Td>
            <Table.Td ta="right" className="argus-mono">
              {formatCount(v.counts?.names)}
            </Table.Td>
            <Table.Td ta="right" className="argus-mono">
              {formatCount(v.counts?.aliases)}
            </Table.Td>
            <Table.Td ta="right" className="argus-mono">
              {formatCount(v.counts?.warnings)}
            </Table.Td>
            <Table.Td>{v.status === 'failed' ? null : <ChangesCell changes={v.changes} />}</Table.Td>
            <Table.Td>
              <Text size="xs" className="argus-mono" c="dimmed" title={v.checksum}>
                {v.checksum.slice(0, 12)}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
