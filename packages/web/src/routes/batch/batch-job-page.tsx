/** One batch job: progress while it runs, then every row in a sortable, filterable, virtualised grid; downloads. */

import { Badge, Box, Button, Drawer, Group, Paper, Progress, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useParams } from '@tanstack/react-router';
import { useCallback, useMemo, useState } from 'react';
import type { BatchRowSummary, ScreenQuery } from '../../api/types.js';
import { BatchGrid, outcomeOf, type RowOutcome } from '../../components/batch/batch-grid.js';
import { formatCount } from '../../components/common/format.js';
import { PageHeader } from '../../components/common/page-header.js';
import { EmptyState, ErrorState, LoadingState } from '../../components/common/states.js';
import { ExplanationView } from '../../components/screen/explanation-view.js';
import { MatchTable } from '../../components/screen/match-table.js';
import { ReviewPanel } from '../../components/screen/review-panel.js';
import { isRunning, useBatchJob } from '../../queries/batch/use-batch-job.js';
import { useBatchRow } from '../../queries/batch/use-batch-row.js';
import { useBatchRows } from '../../queries/batch/use-batch-rows.js';
import { AppLink } from '../../components/common/app-link.js';

const STATUS_COLOR: Record<string, string> = { queued: 'gray', running: 'blue', done: 'teal', failed: 'red' };

export default function BatchJobPage() {
  const { jobId } = useParams({ strict: false }) as { jobId: string };
  const job = useBatchJob(jobId);
  const { rows, error: rowsError } = useBatchRows(jobId, job.data?.done ?? 0);
  const [filterInput, setFilterInput] = useState('');
  const [filter] = useDebouncedValue(filterInput, 150);
  const [outcome, setOutcome] = useState<RowOutcome | 'all'>('all');
  const [visible, setVisible] = useState(0);
  const [open, setOpen] = useState<BatchRowSummary | undefined>(undefined);
  const onVisibleCount = useCallback((n: number) => setVisible(n), []);

  const counts = useMemo(() => {
    const c: Record<RowOutcome, number> = { match: 0, review: 0, clear: 0, error: 0 };
    for (const r of rows) c[outcomeOf(r)]++;
    return c;
  }, [rows]);

  if (job.isPending) return <LoadingState label="Loading batch" />;
  if (job.isError)
    return (
      <Box className="argus-page">
        <PageHeader title="Batch" />
        <ErrorState error={job.error} onRetry={() => void job.refetch()} />
        <AppLink to="/batch" size="sm" mt="sm" display="block">
          ← Start another batch
        </AppLink>
      </Box>
    );
  const j = job.data;
  const total = j.total ?? 0;
  const pct = total > 0 ? (j.done / total) * 100 : j.status === 'done' ? 100 : 0;
  const base = `/api/screen/batch/${encodeURIComponent(jobId)}/download`;

  return (
    <Box className="argus-page">
      <PageHeader
        title={
          <Group gap="sm" component="span">
            <span>Batch</span>
            <Text component="span" className="argus-mono" c="dimmed" fz="sm">
              {j.id}
            </Text>
            <Badge color={STATUS_COLOR[j.status] ?? 'gray'}>{j.status}</Badge>
          </Group>
        }
        actions={
          <>
            <Button component="a" href={`${base}?format=csv`} download variant="default" size="xs" disabled={isRunning(j)}>
              Download CSV
            </Button>
            <Button component="a" href={`${base}?format=jsonl`} download variant="default" size="xs" disabled={isRunning(j)}>
              Download JSONL
            </Button>
          </>
        }
      >
        <Stack gap={4} mt="sm" maw={680}>
          <Progress value={pct} size="sm" animated={isRunning(j)} aria-label="Screening progress" />
          <Text size="xs" c="dimmed" role="status" aria-live="polite">
            {formatCount(j.done)} of {total ? formatCount(total) : '…'} rows screened
            {j.errors ? ` · ${formatCount(j.errors)} rows with errors` : ''}
            {j.status === 'failed' && j.error ? ` · failed: ${j.error}` : ''}
          </Text>
        </Stack>
      </PageHeader>

      {j.status === 'failed' && rows.length === 0 ? (
        <ErrorState title="The batch failed" error={new Error(j.error ?? 'unknown error')} />
      ) : rowsError ? (
        <ErrorState title="Could not load results" error={rowsError} />
      ) : rows.length === 0 ? (
        isRunning(j) ? (
          <LoadingState label="Waiting for the first results" />
        ) : (
          <EmptyState title="No rows">The file held no data rows.</EmptyState>
        )
      ) : (
        <>
          <Group justify="space-between" mb="xs" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <TextInput
                size="xs"
                placeholder="Filter by name, id, candidate, source…"
                aria-label="Filter rows"
                value={filterInput}
                onChange={(e) => setFilterInput(e.currentTarget.value)}
                w={300}
              />
              <SegmentedControl
                size="xs"
                value={outcome}
                onChange={(v) => setOutcome(v as RowOutcome | 'all')}
                aria-label="Show rows"
                data={[
                  { value: 'all', label: `All ${formatCount(rows.length)}` },
                  { value: 'match', label: `Match ${formatCount(counts.match)}` },
                  { value: 'review', label: `Review ${formatCount(counts.review)}` },
                  { value: 'clear', label: `Clear ${formatCount(counts.clear)}` },
                  { value: 'error', label: `Errors ${formatCount(counts.error)}` },
                ]}
              />
            </Group>
            <Text size="xs" c="dimmed">
              {formatCount(visible)} shown
            </Text>
          </Group>
          <BatchGrid rows={rows} filter={filter} outcome={outcome} selected={open?.row} onOpen={setOpen} onVisibleCount={onVisibleCount} />
        </>
      )}
      <Drawer
        opened={open !== undefined}
        onClose={() => setOpen(undefined)}
        position="right"
        size={620}
        title={open ? `Row ${open.row} · ${open.query.name}` : ''}
        aria-label="Row detail"
      >
        {open ? <RowDetail jobId={jobId} row={open} /> : null}
      </Drawer>
    </Box>
  );
}

function RowDetail({ jobId, row }: { jobId: string; row: BatchRowSummary }) {
  const detail = useBatchRow(jobId, row.row);
  const [selected, setSelected] = useState<string | undefined>(undefined);
  if (detail.isPending) return <LoadingState label="Loading row" />;
  if (detail.isError) return <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />;
  const r = detail.data;
  if (!r) return <EmptyState title="Row not found" />;
  if (r.error) return <ErrorState title="This row could not be screened" error={new Error(r.error)} />;
  if (r.matches.length === 0)
    return <EmptyState title="No candidates">Nothing on the lists scored in the review band for this row.</EmptyState>;
  const match = r.matches.find((m) => m.entity_id === selected) ?? r.matches[0];
  const query: ScreenQuery = r.query;
  return (
    <Stack gap="md">
      <Paper p={0}>
        <MatchTable matches={r.matches} selected={match?.entity_id} onSelect={setSelected} />
      </Paper>
      {match ? (
        <>
          <Group justify="space-between">
            <Text fw={600} dir="auto">
              {match.name}
            </Text>
            <AppLink to="/entities/$entityId" params={{ entityId: match.entity_id }} size="sm">
              Open entity →
            </AppLink>
          </Group>
          <ExplanationView match={match} />
          <ReviewPanel key={match.entity_id} query={query} match={match} />
        </>
      ) : null}
    </Stack>
  );
}
