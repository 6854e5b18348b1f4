/** Everything a list says about one entity: names with scripts, dates, countries, identifiers, addresses, sanctions, source. */

import { Anchor, Badge, Box, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useParams, useSearch } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import type { BirthDate, Entity, EntityName } from '../../api/types.js';
import { formatDate, formatDateTime } from '../../components/common/format.js';
import { PageHeader } from '../../components/common/page-header.js';
import { ErrorState, LoadingState } from '../../components/common/states.js';
import { useEntity } from '../../queries/lists/use-entity.js';

const KIND: Record<EntityName['kind'], string> = { primary: 'primary', alias_strong: 'a.k.a.', alias_weak: 'weak a.k.a.' };

// ISO 15924 codes the lists use, named for a reader.
const SCRIPT: Record<string, string> = {
  Latn: 'Latin',
  Arab: 'Arabic',
  Cyrl: 'Cyrillic',
  Hans: 'Chinese (simplified)',
  Hant: 'Chinese (traditional)',
  Hani: 'Chinese',
  Hang: 'Korean',
  Kore: 'Korean',
  Jpan: 'Japanese',
  Grek: 'Greek',
  Hebr: 'Hebrew',
  Thai: 'Thai',
  Deva: 'Devanagari',
  Geor: 'Georgian',
  Armn: 'Armenian',
  Ethi: 'Ethiopic',
  Mymr: 'Myanmar',
  Khmr: 'Khmer',
};

function birthDate(d: BirthDate): string {
  if (d.kind === 'between') return `between ${formatDate(d.from)} and ${formatDate(d.to)}`;
  return d.kind === 'approximate' ? `circa ${formatDate(d.date)}` : formatDate(d.date);
}

function Section({ title, count, children }: { title: string; count?: number; children: ReactNode }) {
  return (
    <Paper p="sm" component="section" aria-label={title}>
      <Group gap={6} mb={6}>
        <Title order={2} fz="sm">
          {title}
        </Title>
        {count !== undefined ? (
          <Text size="xs" c="dimmed">
            {count}
          </Text>
        ) : null}
      </Group>
      {children}
    </Paper>
  );
}

function None() {
  return (
    <Text size="sm" c="dimmed">
      None listed
    </Text>
  );
}

export default function EntityPage() {
  const { entityId } = useParams({ strict: false }) as { entityId: string };
  const { version } = useSearch({ strict: false }) as { version?: string };
  const q = useEntity(entityId, version);
  if (q.isPending) return <LoadingState label="Loading entity" />;
  if (q.isError)
    return (
      <Box className="argus-page">
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      </Box>
    );
  const { entity: e, source, version: v } = q.data;
  const primary = e.names.find((n) => n.kind === 'primary') ?? e.names[0];
  return (
    <Box className="argus-page">
      <PageHeader
        title={
          <Group gap="sm" component="span">
            <span dir="auto">{primary?.full ?? e.id}</span>
            <Badge variant="outline" color="gray">
              {e.schema}
            </Badge>
          </Group>
        }
        description={
          <span>
            <span className="argus-mono">{e.id}</span> · {source.name} · version {v.seq}
            {v.publishedAt ? `, published ${formatDate(v.publishedAt)}` : ''}, imported {formatDateTime(v.importedAt)}
          </span>
        }
        actions={
          source.url ? (
            <Anchor href={source.url} target="_blank" rel="noreferrer noopener" size="sm">
              Publisher ↗
            </Anchor>
          ) : null
        }
      />
      <SimpleGrid cols={2} spacing="md" verticalSpacing="md">
        <Box style={{ gridColumn: '1 / -1' }}>
          <Section title="Names" count={e.names.length}>
            {e.names.length === 0 ? (
              <None />
            ) : (
              <Table className="argus-table" aria-label="Names">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Name</Table.Th>
                    <Table.Th>Kind</Table.Th>
                    <Table.Th>Script</Table.Th>
                    <Table.Th>Given</Table.Th>
                    <Table.Th>Middle</Table.Th>
                    <Table.Th>Family</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {e.names.map((n, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: a static list whose items may repeat
                    <Table.Tr key={`${n.full}-${i}`}>
                      <Table.Td dir="auto" fw={n.kind === 'primary' ? 600 : undefined}>
                        {n.full}
                      </Table.Td>
                      <Table.Td>
                        <Text size="xs" {...(n.kind === 'alias_weak' ? { c: 'dimmed' } : {})}>
                          {KIND[n.kind] ?? n.kind}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="xs" title={n.script}>
                          {n.script ? (SCRIPT[n.script] ?? n.script) : '—'}
                        </Text>
                      </Table.Td>
                      <Table.Td dir="auto">{n.given ?? ''}</Table.Td>
                      <Table.Td dir="auto">{n.middle ?? ''}</Table.Td>
                      <Table.Td dir="auto">{n.family ?? ''}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Section>
        </Box>
        <Section title="Personal details">
          <dl className="argus-kv">
            <dt>Dates of birth</dt>
            <dd>{e.birthDates.length ? e.birthDates.map(birthDate).join('; ') : '—'}</dd>
            <dt>Places of birth</dt>
            <dd>{e.birthPlaces.length ? e.birthPlaces.join('; ') : '—'}</dd>
            <dt>Gender</dt>
            <dd>{e.gender ?? '—'}</dd>
            <dt>Nationalities</dt>
            <dd>{countriesOf(e, ['nationality', 'citizenship']) || '—'}</dd>
            <dt>Other countries</dt>
            <dd>{countriesOf(e, undefined, ['nationality', 'citizenship']) || '—'}</dd>
          </dl>
        </Section>
        <Section title="Source">
          <dl className="argus-kv">
            <dt>List</dt>
            <dd>
              {source.name} <span className="argus-mono">({source.id})</span>
            </dd>
            <dt>Publisher's id</dt>
            <dd className="argus-mono">{e.source.sourceId}</dd>
            <dt>Version</dt>
            <dd>
              {v.seq} <span className="argus-mono">({v.id})</span>
            </dd>
            <dt>Published</dt>
            <dd>{formatDate(v.publishedAt)}</dd>
            <dt>Imported</dt>
            <dd>{formatDateTime(v.importedAt)}</dd>
            <dt>Publisher</dt>
            <dd>
              {source.urls.length === 0
                ? '—'
                : source.urls.map((u) => (
                    <Anchor
                      key={u}
                      href={u}
                      target="_blank"
                      rel="noreferrer noopener"
                      size="sm"
                      display="block"
                      style={{ overflowWrap: 'anywhere' }}
                    >
                      {u}
                    </Anchor>
                  ))}
            </dd>
          </dl>
        </Section>
        <Section title="Identifiers" count={e.identifiers.length}>
          {e.identifiers.length === 0 ? (
            <None />
          ) : (
            <Table className="argus-table" aria-label="Identifiers">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Type</Table.Th>
                  <Table.Th>Number</Table.Th>
                  <Table.Th>Country</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {e.identifiers.map((x, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a static list whose items may repeat
                  <Table.Tr key={`${x.type}-${x.value}-${i}`}>
                    <Table.Td>{x.label ?? x.type.replace(/_/g, ' ')}</Table.Td>
                    <Table.Td className="argus-mono">{x.value}</Table.Td>
                    <Table.Td>{x.country ?? '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Section>
        <Section title="Addresses" count={e.addresses.length}>
          {e.addresses.length === 0 ? (
            <None />
          ) : (
            <Stack gap={4}>
              {e.addresses.map((a, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a static list whose items may repeat
                <Text size="sm" key={`${a.full}-${i}`} dir="auto">
                  {a.full || [a.street, a.city, a.region, a.postalCode, a.country].filter(Boolean).join(', ')}
                </Text>
              ))}
            </Stack>
          )}
        </Section>
        <Box style={{ gridColumn: '1 / -1' }}>
          <Section title="Sanctions" count={e.sanctions.length}>
            {e.sanctions.length === 0 ? (
              <None />
            ) : (
              <Table className="argus-table" aria-label="Sanctions">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Authority</Table.Th>
                    <Table.Th>Programme</Table.Th>
                    <Table.Th>Listed on</Table.Th>
                    <Table.Th>Reason</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {e.sanctions.map((s, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: a static list whose items may repeat
                    <Table.Tr key={`${s.authority}-${s.program}-${i}`}>
                      <Table.Td>{s.authority}</Table.Td>
                      <Table.Td>{s.program ?? '—'}</Table.Td>
                      <Table.Td>{formatDate(s.listedOn)}</Table.Td>
                      <Table.Td>
                        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                          {s.reason ?? ''}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Section>
        </Box>
        {e.notes.length > 0 || Object.keys(e.properties).length > 0 ? (
          <Box style={{ gridColumn: '1 / -1' }}>
            <Section title="Remarks and other details">
              <Stack gap={6}>
                {e.notes.map((n, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a static list whose items may repeat
                  <Text size="sm" key={`note-${i}`} style={{ whiteSpace: 'pre-wrap' }} dir="auto">
                    {n}
                  </Text>
                ))}
                {Object.keys(e.properties).length > 0 ? (
                  <dl className="argus-kv">
                    {Object.entries(e.properties).map(([k, vs]) => (
                      <PropertyRow key={k} name={k} values={vs} />
                    ))}
                  </dl>
                ) : null}
              </Stack>
            </Section>
          </Box>
        ) : null}
      </SimpleGrid>
    </Box>
  );
}

function PropertyRow({ name, values }: { name: string; values: readonly string[] }) {
  return (
    <>
      <dt>{name}</dt>
      <dd>{values.join('; ')}</dd>
    </>
  );
}

function countriesOf(e: Entity, only?: readonly string[], except?: readonly string[]): string {
  return e.countries
    .filter((c) => (only ? only.includes(c.role) : true) && (except ? !except.includes(c.role) : true))
    .map((c) => (only && only.length === 1 ? c.code : `${c.code} (${c.role})`))
    .join(', ');
}
