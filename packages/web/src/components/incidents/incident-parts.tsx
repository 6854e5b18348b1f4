/** Pieces of the incident pages: ranges, change badges, headline cards, breakdown tables, the incident table and source lists. */

import { Anchor, Badge, Group, Paper, SimpleGrid, Table, Text, Tooltip, UnstyledButton } from '@mantine/core';
import type { BreakdownRow, Change, IncidentSource, IncidentStats, IncidentSummary, Range } from '../../queries/incidents/types.js';
import { AppLink } from '../common/app-link.js';
import { formatCount, formatDate } from '../common/format.js';

export const TYPE_LABEL: Record<string, string> = {
  'suicide-bombing': 'Suicide bombing',
  ied: 'IED',
  'armed-assault': 'Armed assault',
  'targeted-killing': 'Targeted killing',
  kidnapping: 'Kidnapping',
  'rocket-mortar': 'Rocket / mortar',
  'drone-strike': 'Drone / air strike',
  'security-operation': 'Security operation',
  other: 'Other',
};

/** "12" when the bounds agree, else "10–14 (12)": low–high with the best estimate. */
export function rangeText(r: Range): string {
  if (r.low === r.high) return formatCount(r.best);
  return `${formatCount(r.low)}–${r.high >= Number.MAX_SAFE_INTEGER || !Number.isFinite(r.high) ? '?' : formatCount(r.high)} (${formatCount(r.best)})`;
}

export function ChangeBadge({ change, label }: { change: Change; label: string }) {
  if (change.percent === undefined) {
    return (
      <Text size="xs" c="dimmed">
        {label}: {change.from === 0 && change.to === 0 ? 'no change' : `from ${formatCount(change.from)}`}
      </Text>
    );
  }
  const up = change.percent > 0;
  return (
    <Text size="xs" c={change.percent === 0 ? 'dimmed' : up ? 'red.8' : 'teal.8'}>
      {up ? '▲' : change.percent < 0 ? '▼' : '■'} {Math.abs(change.percent)}% {label} (from {formatCount(change.from)})
    </Text>
  );
}

export function HeadlineCards({ stats, view }: { stats: IncidentStats; view: 'best' | 'low' }) {
  const f = stats.figures;
  const mom = stats.previous.change;
  const yoy = stats.yearBefore.change;
  const period = stats.period.kind === 'month' ? 'month-on-month' : 'year-on-year';
  const prev = stats.period.kind === 'month' ? mom : yoy;
  const cards = [
    { label: 'Incidents', value: formatCount(f.incidents), change: prev.incidents, yoy: yoy.incidents },
    {
      label: view === 'best' ? 'Killed (best estimate)' : 'Killed (conservative)',
      value: formatCount(f.killed[view]),
      sub: `range ${formatCount(f.killed.low)}–${formatCount(f.killed.high)}`,
      change: view === 'best' ? prev.killedBest : prev.killedLow,
      yoy: view === 'best' ? yoy.killedBest : yoy.killedLow,
    },
    {
      label: 'Injured',
      value: formatCount(f.injured[view]),
      sub: `range ${formatCount(f.injured.low)}–${formatCount(f.injured.high)}`,
      change: prev.injuredBest,
      yoy: yoy.injuredBest,
    },
    { label: 'Suicide attacks', value: formatCount(f.suicideAttacks), change: prev.suicideAttacks, yoy: yoy.suicideAttacks },
  ];
  return (
    <SimpleGrid cols={4} spacing="sm">
      {cards.map((c) => (
        <Paper key={c.label} p="sm" aria-label={c.label}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            {c.label}
          </Text>
          <Text fz={26} fw={600} lh={1.2} data-testid={`headline-${c.label.split(' ')[0]?.toLowerCase()}`}>
            {c.value}
          </Text>
          {c.sub ? (
            <Text size="xs" c="dimmed">
              {c.sub}
            </Text>
          ) : null}
          <ChangeBadge change={c.change} label={period} />
          {stats.period.kind === 'month' ? <ChangeBadge change={c.yoy} label="year-on-year" /> : null}
        </Paper>
      ))}
    </SimpleGrid>
  );
}

export function BreakdownTable({
  title,
  rows,
  view,
  onPick,
}: {
  title: string;
  rows: readonly BreakdownRow[];
  view: 'best' | 'low';
  onPick?: (row: BreakdownRow) => void;
}) {
  return (
    <Paper p={0}>
      <Table className="argus-table" aria-label={`By ${title.toLowerCase()}`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{title}</Table.Th>
            <Table.Th ta="right">Incidents</Table.Th>
            <Table.Th ta="right">Killed</Table.Th>
            <Table.Th ta="right">Injured</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.length === 0 ? (
            <Table.Tr>
              <Table.Td colSpan={4}>
                <Text size="xs" c="dimmed">
                  No incidents
                </Text>
              </Table.Td>
            </Table.Tr>
          ) : (
            rows.map((r) => (
              <Table.Tr key={r.key}>
                <Table.Td>
                  {onPick ? (
                    <UnstyledButton onClick={() => onPick(r)}>
                      <Text size="sm" c="argus.7">
                        {TYPE_LABEL[r.label] ?? r.label}
                      </Text>
                    </UnstyledButton>
                  ) : (
                    (TYPE_LABEL[r.label] ?? r.label)
                  )}
                </Table.Td>
                <Table.Td ta="right">{formatCount(r.incidents)}</Table.Td>
                <Table.Td ta="right">
                  <Tooltip label={`range ${formatCount(r.killed.low)}–${formatCount(r.killed.high)}`} withArrow>
                    <span>{formatCount(r.killed[view])}</span>
                  </Tooltip>
                </Table.Td>
                <Table.Td ta="right">{formatCount(r.injured[view])}</Table.Td>
              </Table.Tr>
            ))
          )}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

export function placeText(i: Pick<IncidentSummary, 'place'>): string {
  return [i.place.locality, i.place.district, i.place.provinceName ?? i.place.province].filter(Boolean).join(', ') || i.place.country;
}

export function SourceLinks({ sources, max = 3 }: { sources: readonly IncidentSource[]; max?: number }) {
  const outlets = [...new Set(sources.map((s) => s.outlet))];
  return (
    <Group gap={4}>
      {sources.slice(0, max).map((s) =>
        /^https?:\/\//.test(s.ref) ? (
          <Anchor key={s.ref} href={s.ref} target="_blank" rel="noopener noreferrer nofollow" size="xs" title={s.ref}>
            {s.outlet}
          </Anchor>
        ) : (
          <Tooltip key={s.ref} label={s.ref} withArrow>
            <Badge size="xs" variant="outline" color="gray">
              {s.outlet}
            </Badge>
          </Tooltip>
        ),
      )}
      {sources.length > max ? (
        <Text size="xs" c="dimmed">
          +{sources.length - max} ({outlets.length} outlet{outlets.length === 1 ? '' : 's'})
        </Text>
      ) : null}
    </Group>
  );
}

export function IncidentTable({ items }: { items: readonly IncidentSummary[] }) {
  return (
    <Table className="argus-table" aria-label="Incidents" highlightOnHover>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={110}>Date</Table.Th>
          <Table.Th>Place</Table.Th>
          <Table.Th w={150}>Type</Table.Th>
          <Table.Th>Perpetrator</Table.Th>
          <Table.Th w={120} ta="right">
            Killed
          </Table.Th>
          <Table.Th w={120} ta="right">
            Injured
          </Table.Th>
          <Table.Th>Sources</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((i) => (
          <Table.Tr key={i.id}>
            <Table.Td>
              <AppLink to="/incidents/$incidentId" params={{ incidentId: i.id }} size="sm">
                {formatDate(i.date.precision === 'month' ? i.date.date.slice(0, 7) : i.date.date)}
              </AppLink>
              {i.date.precision !== 'day' ? (
                <Text size="xs" c="dimmed">
                  ({i.date.precision})
                </Text>
              ) : null}
            </Table.Td>
            <Table.Td>{placeText(i)}</Table.Td>
            <Table.Td>
              {TYPE_LABEL[i.type] ?? i.type}
              {i.suicide && i.type !== 'suicide-bombing' ? ' (suicide)' : ''}
            </Table.Td>
            <Table.Td>
              {i.perpetrator.groupName ?? (i.perpetrator.status === 'unknown' ? '—' : i.perpetrator.group)}
              {i.perpetrator.status !== 'unknown' ? (
                <Text span size="xs" c="dimmed">
                  {' '}
                  ({i.perpetrator.status})
                </Text>
              ) : null}
            </Table.Td>
            <Table.Td ta="right">
              {rangeText(i.totals.killed)}
              {i.conflictCount > 0 ? (
                <Tooltip label={`${i.conflictCount} conflicting claim pair(s)`} withArrow>
                  <Badge size="xs" color="orange" ml={4}>
                    !
                  </Badge>
                </Tooltip>
              ) : null}
            </Table.Td>
            <Table.Td ta="right">{rangeText(i.totals.injured)}</Table.Td>
            <Table.Td>
              <SourceLinks sources={i.sources} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
