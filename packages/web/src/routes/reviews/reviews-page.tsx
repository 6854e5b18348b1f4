/** The agency's review decisions: who decided what on which hit, and why; filterable; each re-screens in one click. */

import { Box, Group, Paper, SegmentedControl, Table, Text, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { Decision, Review } from '../../api/types.js';
import { formatCount, formatDateTime } from '../../components/common/format.js';
import { PageHeader } from '../../components/common/page-header.js';
import { EmptyState, ErrorState, LoadingState } from '../../components/common/states.js';
import { DecisionBadge } from '../../components/screen/bands.js';
import { useReviews } from '../../queries/reviews/use-reviews.js';
import { AppLink } from '../../components/common/app-link.js';

function queryText(r: Review): string {
  return [r.query.dob && `born ${r.query.dob}`, r.query.country, r.query.schema, r.query.id && `id ${r.query.id}`]
    .filter(Boolean)
    .join(' · ');
}

export default function ReviewsPage() {
  const reviews = useReviews();
  const [text, setText] = useState('');
  const [decision, setDecision] = useState<Decision | 'all'>('all');
  const rows = useMemo(() => {
    const t = text.trim().toLowerCase();
    return (reviews.data ?? []).filter(
      (r) =>
        (decision === 'all' || r.decision === decision) &&
        (!t || [r.query.name, r.entityId, r.reason, r.by].some((s) => s.toLowerCase().includes(t))),
    );
  }, [reviews.data, text, decision]);

  return (
    <Box className="argus-page">
      <PageHeader
        title="Reviews"
        description="Decisions apply to later screenings of the same query and entity until the entity changes in a new list version."
      />
      {reviews.isPending ? (
        <LoadingState label="Loading decisions" />
      ) : reviews.isError ? (
        <ErrorState error={reviews.error} onRetry={() => void reviews.refetch()} />
      ) : reviews.data.length === 0 ? (
        <Paper>
          <EmptyState title="No decisions yet">Open a screening result and mark it a true match or a false positive.</EmptyState>
        </Paper>
      ) : (
        <>
          <Group mb="xs" gap="sm">
            <TextInput
              size="xs"
              w={280}
              placeholder="Filter by name, entity, reason, reviewer…"
              aria-label="Filter decisions"
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
            />
            <SegmentedControl
              size="xs"
              value={decision}
              onChange={(v) => setDecision(v as Decision | 'all')}
              aria-label="Decision"
              data={[
                { value: 'all', label: 'All' },
                { value: 'true_match', label: 'True match' },
                { value: 'false_positive', label: 'False positive' },
              ]}
            />
            <Text size="xs" c="dimmed">
              {formatCount(rows.length)} of {formatCount(reviews.data.length)}
            </Text>
          </Group>
          <Paper p={0}>
            <Table className="argus-table" aria-label="Review decisions">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={140}>Decided</Table.Th>
                  <Table.Th w={120}>Decision</Table.Th>
                  <Table.Th w="22%">Query</Table.Th>
                  <Table.Th>Entity</Table.Th>
                  <Table.Th w="40%">Reason</Table.Th>
                  <Table.Th w={100}>By</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>
                      <Text size="xs" style={{ whiteSpace: 'nowrap' }}>
                        {formatDateTime(r.at)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <DecisionBadge decision={r.decision} />
                    </Table.Td>
                    <Table.Td>
                      <AppLink to="/screen" search={{ ...r.query, m: r.entityId }} size="sm" dir="auto">
                        {r.query.name}
                      </AppLink>
                      {queryText(r) ? (
                        <Text size="xs" c="dimmed">
                          {queryText(r)}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <AppLink to="/entities/$entityId" params={{ entityId: r.entityId }} size="xs" className="argus-mono">
                        {r.entityId}
                      </AppLink>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" lineClamp={3} style={{ whiteSpace: 'pre-wrap' }} title={r.reason}>
                        {r.reason}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{r.by}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {rows.length === 0 ? <EmptyState title="No decision matches the filter" /> : null}
          </Paper>
        </>
      )}
    </Box>
  );
}
