/**
 * The incident dashboard for one month (or year): headline cards with month-on-month change, stacked monthly
 * bars by casualty category, breakdowns by province, type and perpetrator, change alerts, the statistics news
 * reports quote, and the incidents of the period with low–high ranges and their sources.
 */

import {
  Alert as Notice,
  Box,
  Button,
  FileButton,
  Group,
  Modal,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useCallback, useEffect, useState } from 'react';
import { AppLink } from '../../components/common/app-link.js';
import { formatCount } from '../../components/common/format.js';
import { PageHeader } from '../../components/common/page-header.js';
import { EmptyState, ErrorState, LoadingState } from '../../components/common/states.js';
import { RecordIncidentForm } from '../../components/incidents/incident-forms.js';
import { BreakdownTable, HeadlineCards, IncidentTable, TYPE_LABEL } from '../../components/incidents/incident-parts.js';
import { MonthlyChart } from '../../components/incidents/monthly-chart.js';
import { useCan } from '../../queries/auth/use-session.js';
import { useIncidentStats } from '../../queries/incidents/use-incident-stats.js';
import { type IncidentFilter, useIncidents } from '../../queries/incidents/use-incidents.js';
import { useIngestNews } from '../../queries/incidents/use-ingest-news.js';
import type { BreakdownRow, ReportedStatistic } from '../../queries/incidents/types.js';

interface Search {
  period?: string;
  view?: 'best' | 'low';
}

/** The month of the newest incident in the register, so the dashboard opens on data. */
function useLatestMonth(): string | undefined {
  const latest = useIncidents({ sort: 'date-desc', limit: 1 });
  const d = latest.data?.items[0]?.date.date;
  if (latest.isPending) return undefined;
  return d ? d.slice(0, 7) : new Date().toISOString().slice(0, 7);
}

export default function IncidentsPage() {
  const search = useSearch({ strict: false }) as Search;
  const navigate = useNavigate();
  const latest = useLatestMonth();
  const period = search.period && /^\d{4}(-\d{2})?$/.test(search.period) ? search.period : latest;
  const view = search.view === 'low' ? 'low' : 'best';
  const go = useCallback(
    (next: Search) => void navigate({ to: '/incidents', search: { ...search, ...next } as Record<string, string>, replace: true }),
    [navigate, search],
  );
  if (!period) return <LoadingState label="Loading the register" />;
  return <Dashboard period={period} view={view} go={go} />;
}

function Dashboard({ period, view, go }: { period: string; view: 'best' | 'low'; go: (s: Search) => void }) {
  const stats = useIncidentStats(period);
  const canWrite = useCan('incidents:write');
  const [recording, setRecording] = useState(false);
  const [pick, setPick] = useState<{ label: string; filter: IncidentFilter } | undefined>(undefined);
  const [periodText, setPeriodText] = useState(period);
  useEffect(() => setPeriodText(period), [period]);
  const range = stats.data ? { from: stats.data.period.start, to: stats.data.period.end } : {};
  const incidents = useIncidents({ ...range, ...pick?.filter, sort: 'date-desc', limit: 200 });
  const ingest = useIngestNews();
  const pickRow = (label: string, key: 'province' | 'type' | 'perpetrator') => (r: BreakdownRow) =>
    setPick({ label: `${label}: ${TYPE_LABEL[r.label] ?? r.label}`, filter: { [key]: r.key || 'unknown' } });
  const onMonth = useCallback((m: string) => m && go({ period: m }), [go]);

  return (
    <Box className="argus-page">
      <PageHeader
        title="Security incidents"
        description={
          stats.data
            ? `${stats.data.period.kind === 'month' ? 'Month' : 'Year'} ${stats.data.period.key} · every figure links to its sources`
            : 'The register'
        }
        actions={
          <>
            <AppLink to="/news" size="sm">
              News events
            </AppLink>
            {canWrite ? (
              <>
                <FileButton
                  multiple
                  accept=".txt,.html,.htm,text/plain,text/html"
                  onChange={(files) => files.length && ingest.mutate(files)}
                >
                  {(props) => (
                    <Button {...props} variant="default" loading={ingest.isPending}>
                      Ingest news…
                    </Button>
                  )}
                </FileButton>
                <Button onClick={() => setRecording(true)}>Record incident</Button>
              </>
            ) : null}
          </>
        }
      />
      <Paper p="sm" mb="sm">
        <Group gap="sm" align="flex-end">
          <TextInput
            label="Period"
            description="YYYY-MM or YYYY"
            w={130}
            value={periodText}
            onChange={(e) => setPeriodText(e.currentTarget.value)}
            onKeyDown={(e) => e.key === 'Enter' && /^\d{4}(-\d{2})?$/.test(periodText) && go({ period: periodText })}
            onBlur={() => /^\d{4}(-\d{2})?$/.test(periodText) && periodText !== period && go({ period: periodText })}
          />
          <Button variant="default" onClick={() => go({ period: shift(period, -1) })} aria-label="Previous period">
            ◀
          </Button>
          <Button variant="default" onClick={() => go({ period: shift(period, 1) })} aria-label="Next period">
            ▶
          </Button>
          <SegmentedControl
            aria-label="Estimate"
            value={view}
            onChange={(v) => go({ view: v as 'best' | 'low' })}
            data={[
              { value: 'best', label: 'Best estimate' },
              { value: 'low', label: 'Conservative (low)' },
            ]}
          />
        </Group>
      </Paper>
      {ingest.isError ? (
        <Notice color="red" variant="light" mb="sm" role="alert" withCloseButton onClose={() => ingest.reset()}>
          {ingest.error.message}
        </Notice>
      ) : ingest.data ? (
        <Notice color="teal" variant="light" mb="sm" withCloseButton onClose={() => ingest.reset()}>
          {ingest.data.events.reduce((n, e) => n + e.reports.length, 0)} reports in {ingest.data.events.length} events.{' '}
          <AppLink to="/news" size="sm">
            See the events
          </AppLink>
        </Notice>
      ) : null}
      {stats.isPending ? (
        <LoadingState label="Computing statistics" />
      ) : stats.isError ? (
        <ErrorState error={stats.error} onRetry={() => void stats.refetch()} />
      ) : (
        <Stack gap="sm">
          <HeadlineCards stats={stats.data} view={view} />
          {stats.data.alerts.length > 0 ? (
            <Notice color="orange" variant="light" title="Change alerts">
              {stats.data.alerts.map((a) => (
                <Text size="sm" key={a.kind}>
                  {a.message}
                </Text>
              ))}
            </Notice>
          ) : null}
          <Paper p="sm">
            <Text fw={600} size="sm" mb={4} component="h2">
              People killed per month, by category
            </Text>
            <MonthlyChart stats={stats.data} view={view} onMonth={onMonth} />
          </Paper>
          <SimpleGrid cols={3} spacing="sm">
            <BreakdownTable title="Province" rows={stats.data.byRegion} view={view} onPick={pickRow('Province', 'province')} />
            <BreakdownTable title="Type" rows={stats.data.byType} view={view} onPick={pickRow('Type', 'type')} />
            <BreakdownTable
              title="Perpetrator"
              rows={stats.data.byPerpetrator}
              view={view}
              onPick={pickRow('Perpetrator', 'perpetrator')}
            />
          </SimpleGrid>
          {stats.data.reported.length > 0 ? <ReportedStatistics items={stats.data.reported} /> : null}
          <Paper p={0}>
            <Group justify="space-between" p="sm" pb={0}>
              <Text fw={600} size="sm" component="h2">
                Incidents {pick ? `· ${pick.label}` : ''} ({formatCount(incidents.data?.total ?? 0)})
              </Text>
              {pick ? (
                <Button size="compact-xs" variant="subtle" onClick={() => setPick(undefined)}>
                  Show all
                </Button>
              ) : null}
            </Group>
            {incidents.isError ? (
              <ErrorState error={incidents.error} />
            ) : incidents.data?.items.length ? (
              <IncidentTable items={incidents.data.items} />
            ) : (
              <EmptyState title="No incidents in this period" />
            )}
          </Paper>
        </Stack>
      )}
      <Modal opened={recording} onClose={() => setRecording(false)} title="Record an incident" size="lg">
        {recording ? <RecordIncidentForm onDone={() => setRecording(false)} /> : null}
      </Modal>
    </Box>
  );
}

function shift(period: string, by: number): string {
  if (period.length === 4) return String(Number(period) + by);
  const y = Number(period.slice(0, 4));
  const m = Number(period.slice(5, 7)) - 1 + by;
  const d = new Date(Date.UTC(y, m, 1));
  return d.toISOString().slice(0, 7);
}

function ReportedStatistics({ items }: { items: readonly ReportedStatistic[] }) {
  return (
    <Paper p="sm">
      <Text fw={600} size="sm" mb={4} component="h2">
        Statistics quoted in news reports
      </Text>
      <Stack gap={6}>
        {items.map((s) => (
          <Box key={s.id}>
            <Text size="sm">
              {s.measure} {s.period ?? ''}: {s.total ? formatCount(s.total.best) : '—'}
              {Object.keys(s.breakdown).length
                ? ` (${Object.entries(s.breakdown)
                    .map(([k, v]) => `${k} ${formatCount(v.best)}`)
                    .join(', ')})`
                : ''}
              {s.change ? ` · ${s.change.direction === 'up' ? '▲' : '▼'} ${s.change.percent}%` : ''} — {s.source ?? 'source not named'}
            </Text>
            <Text size="xs" c="dimmed">
              Reported in {s.reports.join(', ')}
              {s.conflicts.length ? ` · conflicts: ${s.conflicts.join('; ')}` : ''}
            </Text>
          </Box>
        ))}
      </Stack>
    </Paper>
  );
}
