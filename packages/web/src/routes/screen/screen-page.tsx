/** Screen one name: the form, ranked candidates, and the selected candidate's explanation and review decision. */

import { Badge, Box, Group, Paper, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import type { ScreenMatch, ScreenQuery } from '../../api/types.js';
import { PageHeader } from '../../components/common/page-header.js';
import { EmptyState, ErrorState, LoadingState } from '../../components/common/states.js';
import { BandBadge, ScoreBar } from '../../components/screen/bands.js';
import { ExplanationView } from '../../components/screen/explanation-view.js';
import { MatchTable } from '../../components/screen/match-table.js';
import { ReviewPanel } from '../../components/screen/review-panel.js';
import { ScreenForm } from '../../components/screen/screen-form.js';
import { useScreen } from '../../queries/screen/use-screen.js';
import { AppLink } from '../../components/common/app-link.js';

type Search = { name?: string; dob?: string; country?: string; schema?: string; id?: string; m?: string };

function queryOf(s: Search): ScreenQuery | undefined {
  if (!s.name?.trim()) return undefined;
  return {
    name: s.name,
    ...(s.dob ? { dob: s.dob } : {}),
    ...(s.country ? { country: s.country } : {}),
    ...(s.schema ? { schema: s.schema } : {}),
    ...(s.id ? { id: s.id } : {}),
  };
}

export default function ScreenPage() {
  const search = useSearch({ strict: false }) as Search;
  const navigate = useNavigate();
  // A fresh object each render is fine: the query cache keys on its contents.
  const query = queryOf(search);
  const result = useScreen(query);
  const matches = result.data?.matches ?? [];
  const selected = matches.find((m) => m.entity_id === search.m) ?? matches[0];

  const submit = (q: ScreenQuery) => void navigate({ to: '/screen', search: { ...q } });
  const select = (entityId: string) => void navigate({ to: '/screen', search: { ...search, m: entityId }, replace: true });

  return (
    <Box className="argus-page">
      <PageHeader title="Screen" description="Search the current lists for a person, organisation, vessel or aircraft." />
      <ScreenForm initial={query} busy={result.isFetching} onSubmit={submit} />
      <Box mt="md">
        {!query ? (
          <EmptyState title="Enter a name to screen">
            Add a date of birth, country or identifier to sharpen the ranking. Results show why each candidate scored what it did.
          </EmptyState>
        ) : result.isPending ? (
          <LoadingState label="Screening" />
        ) : result.isError ? (
          <ErrorState title="Screening failed" error={result.error} onRetry={() => void result.refetch()} />
        ) : matches.length === 0 ? (
          <EmptyState title="No candidates">
            Nothing on the current lists scored in the review band for “{query.name}”.
            {result.data ? ` (${result.data.took_ms} ms)` : ''}
          </EmptyState>
        ) : (
          <Group align="flex-start" gap="md" wrap="nowrap">
            <Paper style={{ flex: '1 1 52%', minWidth: 0 }} p={0}>
              <Group justify="space-between" px="sm" py={8} className="argus-panel-head">
                <Text size="sm" fw={600}>
                  {matches.length} candidate{matches.length === 1 ? '' : 's'}
                </Text>
                <Text size="xs" c="dimmed">
                  {result.data?.took_ms} ms
                </Text>
              </Group>
              <ScrollArea.Autosize mah="calc(100vh - 250px)">
                <MatchTable matches={matches} selected={selected?.entity_id} onSelect={select} />
              </ScrollArea.Autosize>
            </Paper>
            {selected && query ? <MatchDetail key={selected.entity_id} query={query} match={selected} /> : null}
          </Group>
        )}
      </Box>
    </Box>
  );
}

function MatchDetail({ query, match }: { query: ScreenQuery; match: ScreenMatch }) {
  return (
    <Paper style={{ flex: '1 1 48%', minWidth: 0 }} p="md" aria-label="Selected candidate" component="section">
      <ScrollArea.Autosize mah="calc(100vh - 220px)" offsetScrollbars>
        <Stack gap="md">
          <Box>
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <Title order={2} dir="auto" style={{ overflowWrap: 'anywhere' }}>
                {match.name}
              </Title>
              <AppLink to="/entities/$entityId" params={{ entityId: match.entity_id }} size="sm" style={{ flex: 'none' }}>
                Open entity →
              </AppLink>
            </Group>
            <Group gap="xs" mt={4}>
              <BandBadge band={match.band} />
              <ScoreBar score={match.score} />
              <Badge variant="outline" color="gray" size="sm">
                {match.schema}
              </Badge>
              <Text size="xs" c="dimmed" className="argus-mono">
                {match.source}:{match.source_id}
              </Text>
            </Group>
          </Box>
          <ExplanationView match={match} />
          <ReviewPanel query={query} match={match} />
        </Stack>
      </ScrollArea.Autosize>
    </Paper>
  );
}
