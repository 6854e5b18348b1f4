/**
 * One incident: the reconciled estimate of each casualty cell (low, best, high), every claim behind it as its
 * source worded it, the conflicts flagged, each revision of the estimate in time order, and the sources.
 */

import { Badge, Box, Button, Group, Modal, Paper, SimpleGrid, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { AppLink } from '../../components/common/app-link.js';
import { formatCount, formatDate, formatDateTime } from '../../components/common/format.js';
import { PageHeader } from '../../components/common/page-header.js';
import { EmptyState, ErrorState, LoadingState } from '../../components/common/states.js';
import { AddClaimForm, RecordIncidentForm } from '../../components/incidents/incident-forms.js';
import { placeText, rangeText, SourceLinks, TYPE_LABEL } from '../../components/incidents/incident-parts.js';
import { CATEGORY_LABEL } from '../../components/incidents/monthly-chart.js';
import { useCan } from '../../queries/auth/use-session.js';
import { useIncident } from '../../queries/incidents/use-incident.js';
import { CATEGORIES, type Claim, type ClaimCategory, type IncidentDetail, type Outcome } from '../../queries/incidents/types.js';

const WORDING: Record<string, string> = {
  exact: '',
  'at-least': 'at least ',
  'more-than': 'more than ',
  nearly: 'nearly ',
  'up-to': 'up to ',
  about: 'about ',
  dozens: 'dozens',
  scores: 'scores',
  hundreds: 'hundreds',
  several: 'several',
};

function wording(c: Claim): string {
  const w = WORDING[c.qualifier] ?? `${c.qualifier} `;
  return ['dozens', 'scores', 'hundreds', 'several'].includes(c.qualifier) ? `“${w}” (${c.value})` : `${w}${formatCount(c.value)}`;
}

const catLabel = (c: ClaimCategory) => (c === 'total' ? 'people (total)' : CATEGORY_LABEL[c]);

export default function IncidentPage() {
  const { incidentId } = useParams({ strict: false }) as { incidentId: string };
  const q = useIncident(incidentId);
  if (q.isPending) return <LoadingState label="Loading incident" />;
  if (q.isError)
    return (
      <Box className="argus-page">
        <ErrorState error={q.error} onRetry={() => void q.refetch()} title="Could not load the incident" />
      </Box>
    );
  return <IncidentView detail={q.data} />;
}

function IncidentView({ detail }: { detail: IncidentDetail }) {
  const i = detail.incident;
  const canWrite = useCan('incidents:write');
  const [editing, setEditing] = useState(false);
  const claims = new Map(i.claims.map((c) => [c.id, c]));
  const describe = (id: string) => {
    const c = claims.get(id);
    return c ? `${c.outlet}${c.time ? ` (${formatDate(c.time)})` : ''}: ${wording(c)}` : id;
  };
  return (
    <Box className="argus-page">
      <PageHeader
        title={`${TYPE_LABEL[i.type] ?? i.type} · ${placeText(i)}`}
        description={
          <>
            {formatDate(i.date.date)} ({i.date.precision}) · initiated by{' '}
            {i.initiator === 'security-forces' ? 'security forces' : i.initiator}
            {i.perpetrator.status !== 'unknown' ? ` · ${i.perpetrator.groupName ?? i.perpetrator.group} (${i.perpetrator.status})` : ''}
            {i.suicide ? ' · suicide attack' : ''} · <span className="argus-mono">{i.id}</span>
          </>
        }
        actions={
          canWrite ? (
            <Button variant="default" onClick={() => setEditing(true)}>
              Edit details
            </Button>
          ) : undefined
        }
      />
      <Modal opened={editing} onClose={() => setEditing(false)} title="Edit the incident" size="lg">
        {editing ? <RecordIncidentForm initial={i} onDone={() => setEditing(false)} /> : null}
      </Modal>
      <Stack gap="sm">
        {i.description ? (
          <Paper p="sm">
            <Text size="sm">{i.description}</Text>
          </Paper>
        ) : null}
        <Paper p={0}>
          <Table className="argus-table" aria-label="Casualty estimates">
            <Table.Thead>
              <Table.Tr>
                <Table.Th />
                {CATEGORIES.map((c) => (
                  <Table.Th key={c} ta="right">
                    {CATEGORY_LABEL[c]}
                  </Table.Th>
                ))}
                <Table.Th ta="right">Total</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(['killed', 'injured'] as Outcome[]).map((o) => (
                <Table.Tr key={o}>
                  <Table.Th>{o === 'killed' ? 'Killed' : 'Injured'}</Table.Th>
                  {CATEGORIES.map((c) => {
                    const e = i.casualties[o][c];
                    return (
                      <Table.Td key={c} ta="right">
                        {e ? (
                          <Tooltip label={e.claims.map(describe).join('\n')} multiline w={320} withArrow>
                            <span data-testid={`cell-${o}-${c}`}>{rangeText(e)}</span>
                          </Tooltip>
                        ) : (
                          '—'
                        )}
                      </Table.Td>
                    );
                  })}
                  <Table.Td ta="right" fw={600}>
                    {rangeText(i.totals[o])}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Text size="xs" c="dimmed" p="sm">
            Each cell is low–high (best). Low is the smallest credible bound; high the largest credible figure; best the most recent exact
            figure from an independent source (tolls rise as the injured die), else the largest lower bound. A party's own claim counts only
            where no independent source gives the figure. “216” and “more than 200” agree; “31” and “45” conflict and are flagged.
          </Text>
        </Paper>

        {i.conflicts.length > 0 ? (
          <Paper p="sm">
            <Text fw={600} size="sm" mb={4} component="h2">
              Conflicting claims
            </Text>
            {i.conflicts.map((c) => (
              <Text size="sm" key={`${c.claims[0]}|${c.claims[1]}`}>
                <Badge size="xs" color="orange" mr={6}>
                  {c.outcome} · {catLabel(c.category)}
                </Badge>
                {describe(c.claims[0])} vs {describe(c.claims[1])} — {c.reason}
              </Text>
            ))}
          </Paper>
        ) : null}

        <Paper p={0}>
          <Text fw={600} size="sm" p="sm" pb={0} component="h2">
            Claims ({i.claims.length})
          </Text>
          {i.claims.length === 0 ? (
            <EmptyState title="No claims: the incident has no figures yet" />
          ) : (
            <Table className="argus-table" aria-label="Claims">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={150}>Reported</Table.Th>
                  <Table.Th>Outlet</Table.Th>
                  <Table.Th w={80}>Outcome</Table.Th>
                  <Table.Th>Who</Table.Th>
                  <Table.Th>Figure as worded</Table.Th>
                  <Table.Th>Words</Table.Th>
                  <Table.Th>Source</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {[...i.claims]
                  .sort((a, b) => (a.time ?? '').localeCompare(b.time ?? ''))
                  .map((c) => (
                    <Table.Tr key={c.id}>
                      <Table.Td>
                        {/* A report's date has no time of day: show none rather than midnight. */}
                        <Text size="xs">
                          {c.time ? (/^\d{4}-\d{2}-\d{2}$/.test(c.time) ? formatDate(c.time) : formatDateTime(c.time)) : '—'}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {c.outlet}
                        {c.ownClaim ? (
                          <Badge size="xs" color="grape" ml={4}>
                            own claim
                          </Badge>
                        ) : null}
                      </Table.Td>
                      <Table.Td>{c.outcome}</Table.Td>
                      <Table.Td>{catLabel(c.category)}</Table.Td>
                      <Table.Td>{wording(c)}</Table.Td>
                      <Table.Td>
                        <Text size="xs" c="dimmed" lineClamp={2} title={c.text}>
                          {c.text ?? '—'}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="xs" className="argus-mono" lineClamp={1} title={c.source}>
                          {c.source}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
              </Table.Tbody>
            </Table>
          )}
        </Paper>

        <Paper p={0}>
          <Text fw={600} size="sm" p="sm" pb={0} component="h2">
            How the estimate was reconciled, claim by claim
          </Text>
          {i.revisions.length === 0 ? (
            <EmptyState title="No revisions" />
          ) : (
            <Table className="argus-table" aria-label="Revisions">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Cell</Table.Th>
                  <Table.Th>After the claim</Table.Th>
                  <Table.Th ta="right">Low</Table.Th>
                  <Table.Th ta="right">Best</Table.Th>
                  <Table.Th ta="right">High</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {i.revisions.map((r) => (
                  <Table.Tr key={`${r.afterClaim}-${r.outcome}-${r.category}`}>
                    <Table.Td>
                      {r.outcome} · {catLabel(r.category)}
                    </Table.Td>
                    <Table.Td>{describe(r.afterClaim)}</Table.Td>
                    <Table.Td ta="right">{formatCount(r.estimate.low)}</Table.Td>
                    <Table.Td ta="right">{formatCount(r.estimate.best)}</Table.Td>
                    <Table.Td ta="right">{formatCount(r.estimate.high)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Paper>

        <SimpleGrid cols={2} spacing="sm">
          <Paper p="sm">
            <Text fw={600} size="sm" mb={4} component="h2">
              Sources ({i.sources.length})
            </Text>
            <SourceLinks sources={i.sources} max={50} />
            {detail.events.length ? (
              <Text size="sm" mt="xs">
                News events:{' '}
                {detail.events.map((e, k) => (
                  <span key={e.id}>
                    {k > 0 ? ', ' : ''}
                    <AppLink to="/news" search={{ event: e.id }} size="sm">
                      {e.title}
                    </AppLink>
                  </span>
                ))}
              </Text>
            ) : null}
          </Paper>
          <Paper p="sm">
            <Text fw={600} size="sm" mb={4} component="h2">
              Linked incidents
            </Text>
            {detail.linked.length === 0 ? (
              <Text size="sm" c="dimmed">
                None
              </Text>
            ) : (
              detail.linked.map((l) => (
                <Group key={l.id} gap={6}>
                  <AppLink to="/incidents/$incidentId" params={{ incidentId: l.id }} size="sm">
                    {formatDate(l.date.date)} · {TYPE_LABEL[l.type] ?? l.type} · {placeText(l)}
                  </AppLink>
                  <Text size="xs" c="dimmed">
                    killed {rangeText(l.totals.killed)}
                  </Text>
                </Group>
              ))
            )}
          </Paper>
        </SimpleGrid>

        {canWrite ? (
          <Paper p="sm">
            <Text fw={600} size="sm" mb={4} component="h2">
              Add a claim
            </Text>
            <AddClaimForm incidentId={i.id} />
          </Paper>
        ) : null}
      </Stack>
    </Box>
  );
}
