/** The list sources this agency screens against, their current versions and counts; admins update them now. */

import { Badge, Box, Button, Paper, Table, Text, Tooltip } from '@mantine/core';
import { formatCount, formatDate, formatDateTime } from '../../components/common/format.js';
import { PageHeader } from '../../components/common/page-header.js';
import { EmptyState, ErrorState, LoadingState } from '../../components/common/states.js';
import { ChangesCell } from '../../components/lists/changes-cell.js';
import { UpdateResults } from '../../components/lists/update-results.js';
import { useCan } from '../../queries/auth/use-session.js';
import { useLists } from '../../queries/lists/use-lists.js';
import { useUpdateLists } from '../../queries/lists/use-update-lists.js';
import { AppLink } from '../../components/common/app-link.js';

export default function ListsPage() {
  const lists = useLists();
  const canUpdate = useCan('lists:update');
  const update = useUpdateLists();

  return (
    <Box className="argus-page">
      <PageHeader
        title="Lists"
        description="Sanctions lists and their imported versions. A version becomes current only after it parsed completely."
        actions={
          canUpdate ? (
            <Tooltip label="Re-read every configured source now (unchanged files are skipped)">
              <Button onClick={() => update.mutate(undefined)} loading={update.isPending} variant="light">
                Update now
              </Button>
            </Tooltip>
          ) : null
        }
      />
      {update.isError ? (
        <Text c="red.8" size="sm" mb="sm" role="alert">
          {update.error.message}
        </Text>
      ) : null}
      {update.data ? <UpdateResults results={update.data} onClose={() => update.reset()} /> : null}
      {lists.isPending ? (
        <LoadingState label="Loading lists" />
      ) : lists.isError ? (
        <ErrorState error={lists.error} onRetry={() => void lists.refetch()} />
      ) : lists.data.length === 0 ? (
        <Paper>
          <EmptyState title="No lists imported yet">
            Lists are imported at start-up from the configuration (argus.config.json or ARGUS_LISTS_DIR) or from the publishers.
          </EmptyState>
        </Paper>
      ) : (
        <Paper p={0}>
          <Table className="argus-table" aria-label="List sources">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Source</Table.Th>
                <Table.Th>Owner</Table.Th>
                <Table.Th>Format</Table.Th>
                <Table.Th ta="right">Version</Table.Th>
                <Table.Th>Published</Table.Th>
                <Table.Th>Imported</Table.Th>
                <Table.Th ta="right">Entities</Table.Th>
                <Table.Th ta="right">Names</Table.Th>
                <Table.Th>Last change</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {lists.data.map((s) => {
                const v = s.currentVersion;
                return (
                  <Table.Tr key={s.id}>
                    <Table.Td>
                      <AppLink to="/lists/$sourceId" params={{ sourceId: s.id }} size="sm" fw={500}>
                        {s.name}
                      </AppLink>
                      <Text size="xs" c="dimmed" className="argus-mono">
                        {s.id}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {s.official ? (
                        <Badge size="sm" color="argus">
                          official
                        </Badge>
                      ) : (
                        <Badge size="sm" color="gray">
                          {s.agencyId}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs" className="argus-mono">
                        {v ? (s.format ?? '—') : '—'}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right">
                      {v ? (
                        <Text size="sm">
                          {v.seq}
                          <Text span size="xs" c="dimmed">
                            {' '}
                            of {s.versions}
                          </Text>
                        </Text>
                      ) : (
                        <Badge size="sm" color="orange">
                          none current
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{formatDate(v?.publishedAt)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{formatDateTime(v?.importedAt)}</Text>
                    </Table.Td>
                    <Table.Td ta="right" className="argus-mono">
                      {formatCount(v?.counts?.entities)}
                    </Table.Td>
                    <Table.Td ta="right" className="argus-mono">
                      {formatCount(v?.counts?.names)}
                    </Table.Td>
                    <Table.Td>{v ? <ChangesCell changes={v.changes} /> : null}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </Box>
  );
}
