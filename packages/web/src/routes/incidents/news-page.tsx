/** News events: reports from several outlets clustered into events, each with its incidents and quoted statistics. */

import { Badge, Box, Button, FileButton, Group, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { AppLink } from '../../components/common/app-link.js';
import { formatDate } from '../../components/common/format.js';
import { PageHeader } from '../../components/common/page-header.js';
import { EmptyState, ErrorState, LoadingState } from '../../components/common/states.js';
import { placeText, rangeText, TYPE_LABEL } from '../../components/incidents/incident-parts.js';
import { useCan } from '../../queries/auth/use-session.js';
import { useIncidentReference } from '../../queries/incidents/use-incident-reference.js';
import { useIngestNews } from '../../queries/incidents/use-ingest-news.js';
import { useNewsEvent, useNewsEvents } from '../../queries/incidents/use-news-events.js';

export default function NewsPage() {
  const search = useSearch({ strict: false }) as { event?: string };
  const navigate = useNavigate();
  const events = useNewsEvents();
  const ingest = useIngestNews();
  const canWrite = useCan('incidents:write');
  const selected = search.event ?? events.data?.[0]?.id;
  return (
    <Box className="argus-page">
      <PageHeader
        title="News events"
        description="Reports of the same event from several outlets, grouped; their incidents join the register with every source"
        actions={
          canWrite ? (
            <FileButton multiple accept=".txt,.html,.htm,text/plain,text/html" onChange={(files) => files.length && ingest.mutate(files)}>
              {(props) => (
                <Button {...props} loading={ingest.isPending}>
                  Ingest reports…
                </Button>
              )}
            </FileButton>
          ) : null
        }
      />
      {ingest.isError ? <ErrorState error={ingest.error} title="Could not ingest" /> : null}
      {events.isPending ? (
        <LoadingState label="Loading events" />
      ) : events.isError ? (
        <ErrorState error={events.error} onRetry={() => void events.refetch()} />
      ) : events.data.length === 0 ? (
        <Paper>
          <EmptyState title="No news reports yet">Upload article text or HTML files; reports of the same event are grouped.</EmptyState>
        </Paper>
      ) : (
        <SimpleGrid cols={2} spacing="sm" style={{ gridTemplateColumns: 'minmax(0, 2fr) minmax(0, 3fr)' }}>
          <Paper p={0}>
            <Table className="argus-table" aria-label="News events" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={110}>Date</Table.Th>
                  <Table.Th>Event</Table.Th>
                  <Table.Th w={70} ta="right">
                    Reports
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {events.data.map((e) => (
                  <Table.Tr
                    key={e.id}
                    aria-selected={e.id === selected}
                    style={{ cursor: 'pointer', background: e.id === selected ? 'var(--mantine-color-argus-0)' : undefined }}
                    onClick={() => void navigate({ to: '/news', search: { event: e.id }, replace: true })}
                  >
                    <Table.Td>{formatDate(e.date)}</Table.Td>
                    <Table.Td>
                      <AppLink to="/news" search={{ event: e.id }} size="sm">
                        {e.title}
                      </AppLink>
                    </Table.Td>
                    <Table.Td ta="right">{e.reports.length}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
          {selected ? <EventDetail id={selected} /> : null}
        </SimpleGrid>
      )}
    </Box>
  );
}

function EventDetail({ id }: { id: string }) {
  const q = useNewsEvent(id);
  // Events carry region ids ("khyber-pakhtunkhwa"); the reference data names them.
  const ref = useIncidentReference();
  const provinceName = (pid: string | undefined) => ref.data?.provinces.find((p) => p.id === pid)?.name;
  if (q.isPending) return <LoadingState label="Loading event" />;
  if (q.isError) return <ErrorState error={q.error} />;
  const { event, reports, incidents, statistics } = q.data;
  return (
    <Stack gap="sm">
      <Paper p="sm">
        <Text fw={600}>{event.title}</Text>
        <Text size="xs" c="dimmed">
          {formatDate(event.date)} · {[...event.places].join(', ')}
        </Text>
        {event.people.length || event.organisations.length ? (
          <Group gap={4} mt={6}>
            {event.organisations.map((o) => (
              <Badge key={o} size="xs" variant="outline">
                {o}
              </Badge>
            ))}
            {event.people.map((p) => (
              <Badge key={p} size="xs" variant="outline" color="gray">
                {p}
              </Badge>
            ))}
          </Group>
        ) : null}
      </Paper>
      <Paper p="sm">
        <Text fw={600} size="sm" mb={4} component="h2">
          Reports ({reports.length})
        </Text>
        {reports.map((r) => (
          <Text size="sm" key={r.id}>
            <span className="argus-mono">{r.id}</span> — {r.outlet ?? 'outlet unknown'}
            {r.title ? `: ${r.title}` : ''} {r.publishedAt ? `(${formatDate(r.publishedAt)})` : ''}
          </Text>
        ))}
      </Paper>
      <Paper p="sm">
        <Text fw={600} size="sm" mb={4} component="h2">
          Incidents ({incidents.length})
        </Text>
        {incidents.length === 0 ? (
          <Text size="sm" c="dimmed">
            None described
          </Text>
        ) : (
          incidents.map((i) => (
            <Text size="sm" key={i.id}>
              <AppLink to="/incidents/$incidentId" params={{ incidentId: i.id }} size="sm">
                {formatDate(i.date.date)} · {TYPE_LABEL[i.type] ?? i.type} ·{' '}
                {placeText({ place: { ...i.place, provinceName: provinceName(i.place.province) ?? i.place.province ?? '' } })}
              </AppLink>{' '}
              — killed {rangeText(i.totals.killed)}, injured {rangeText(i.totals.injured)} · {i.sources.length} source(s)
            </Text>
          ))
        )}
      </Paper>
      {statistics.length ? (
        <Paper p="sm">
          <Text fw={600} size="sm" mb={4} component="h2">
            Statistics quoted
          </Text>
          {statistics.map((s) => (
            <Text size="sm" key={s.id}>
              {s.measure} {s.period ?? ''}: {s.total ? rangeText(s.total) : '—'} — {s.source ?? 'source not named'}
            </Text>
          ))}
        </Paper>
      ) : null}
    </Stack>
  );
}
