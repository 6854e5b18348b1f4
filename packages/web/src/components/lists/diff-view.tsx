/** A diff between two versions of a list: added, removed and changed entities, the changes field by field. */

import { Badge, Box, Group, Pagination, Paper, Stack, Table, Tabs, Text, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { EntityRef, FieldChange, ListDiff } from '../../api/types.js';
import { formatCount } from '../common/format.js';
import { EmptyState } from '../common/states.js';
import { AppLink } from '../common/app-link.js';

const PAGE = 50;

function usePaged<T extends EntityRef>(items: readonly T[], filter: string) {
  const [page, setPage] = useState(1);
  const filtered = useMemo(() => {
    const f = filter.trim().toLowerCase();
    return f ? items.filter((e) => e.name.toLowerCase().includes(f) || e.id.toLowerCase().includes(f)) : items;
  }, [items, filter]);
  const pages = Math.max(1, Math.ceil(filtered.length / PAGE));
  const current = Math.min(page, pages);
  return { rows: filtered.slice((current - 1) * PAGE, current * PAGE), total: filtered.length, page: current, pages, setPage };
}

function EntityLink({ e, version }: { e: EntityRef; version?: string }) {
  return (
    <AppLink to="/entities/$entityId" params={{ entityId: e.id }} search={version ? { version } : {}} size="sm" dir="auto">
      {e.name || e.id}
    </AppLink>
  );
}

function RefTable({ items, filter, version, label }: { items: readonly EntityRef[]; filter: string; version?: string; label: string }) {
  const p = usePaged(items, filter);
  if (p.total === 0) return <EmptyState title={items.length === 0 ? `Nothing ${label}` : 'Nothing matches the filter'} />;
  return (
    <Stack gap="xs">
      <Table className="argus-table" aria-label={`Entities ${label}`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th w={120}>Schema</Table.Th>
            <Table.Th w={240}>Id</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {p.rows.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td>{version !== undefined ? <EntityLink e={e} version={version} /> : <EntityLink e={e} />}</Table.Td>
              <Table.Td>{e.schema}</Table.Td>
              <Table.Td className="argus-mono">{e.id}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {p.pages > 1 ? <Pagination size="sm" total={p.pages} value={p.page} onChange={p.setPage} /> : null}
    </Stack>
  );
}

function Change({ c }: { c: FieldChange }) {
  if (c.kind === 'value') {
    return (
      <Group gap={6} wrap="wrap">
        {c.from !== undefined ? (
          <span className="argus-diff-removed">{c.from}</span>
        ) : (
          <Text size="xs" c="dimmed">
            (none)
          </Text>
        )}
        <Text size="xs" c="dimmed">
          →
        </Text>
        {c.to !== undefined ? (
          <span className="argus-diff-added">{c.to}</span>
        ) : (
          <Text size="xs" c="dimmed">
            (none)
          </Text>
        )}
      </Group>
    );
  }
  return (
    <Stack gap={2}>
      {c.removed.map((v, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a static list whose items may repeat
        <Text key={`r-${i}`} size="sm" dir="auto">
          <span className="argus-diff-removed">− {v}</span>
        </Text>
      ))}
      {c.added.map((v, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a static list whose items may repeat
        <Text key={`a-${i}`} size="sm" dir="auto">
          <span className="argus-diff-added">+ {v}</span>
        </Text>
      ))}
    </Stack>
  );
}

function ChangedList({ items, filter, version }: { items: ListDiff['changed']; filter: string; version: string }) {
  const p = usePaged(items, filter);
  if (p.total === 0) return <EmptyState title={items.length === 0 ? 'Nothing changed' : 'Nothing matches the filter'} />;
  return (
    <Stack gap="xs">
      {p.rows.map((e) => (
        <Paper key={e.id} p="xs" component="article" aria-label={`Changes to ${e.name}`}>
          <Group gap="xs" mb={4}>
            <EntityLink e={e} version={version} />
            <Text size="xs" c="dimmed" className="argus-mono">
              {e.id}
            </Text>
            <Badge size="xs" color="gray" variant="outline">
              {e.schema}
            </Badge>
          </Group>
          <Table className="argus-table" withTableBorder>
            <Table.Tbody>
              {e.changes.map((c, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a static list whose items may repeat
                <Table.Tr key={`${c.field}-${i}`}>
                  <Table.Td w={150}>
                    <Text size="sm" fw={500}>
                      {c.field}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Change c={c} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      ))}
      {p.pages > 1 ? <Pagination size="sm" total={p.pages} value={p.page} onChange={p.setPage} /> : null}
    </Stack>
  );
}

export function DiffView({ diff }: { diff: ListDiff }) {
  const [filter, setFilter] = useState('');
  const [tab, setTab] = useState<string | null>(diff.changed.length > 0 ? 'changed' : diff.added.length > 0 ? 'added' : 'removed');
  return (
    <Box>
      <Group justify="space-between" mb="xs">
        <Text size="sm">
          <Text span c="green.8" fw={600}>
            {formatCount(diff.added.length)} added
          </Text>
          {' · '}
          <Text span c="red.8" fw={600}>
            {formatCount(diff.removed.length)} removed
          </Text>
          {' · '}
          <Text span c="orange.8" fw={600}>
            {formatCount(diff.changed.length)} changed
          </Text>
          {' · '}
          <Text span c="dimmed">
            {formatCount(diff.unchanged)} unchanged
          </Text>
        </Text>
        <TextInput
          size="xs"
          w={260}
          placeholder="Filter by name or id…"
          aria-label="Filter the diff"
          value={filter}
          onChange={(e) => setFilter(e.currentTarget.value)}
        />
      </Group>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="changed">Changed ({formatCount(diff.changed.length)})</Tabs.Tab>
          <Tabs.Tab value="added">Added ({formatCount(diff.added.length)})</Tabs.Tab>
          <Tabs.Tab value="removed">Removed ({formatCount(diff.removed.length)})</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="changed" pt="sm">
          <ChangedList items={diff.changed} filter={filter} version={diff.to.id} />
        </Tabs.Panel>
        <Tabs.Panel value="added" pt="sm">
          <RefTable items={diff.added} filter={filter} version={diff.to.id} label="added" />
        </Tabs.Panel>
        <Tabs.Panel value="removed" pt="sm">
          <RefTable items={diff.removed} filter={filter} version={diff.from.id} label="removed" />
        </Tabs.Panel>
      </Tabs>
    </Box>
  );
}
