/**
 * Why a candidate scored what it did: the query's tokens aligned to the list name's tokens (similarity,
 * kind, rarity weight), the tokens left over on either side, and each feature's contribution to the score.
 */

import { Badge, Box, Code, Group, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import type { Explanation, ScreenMatch } from '../../api/types.js';
import { formatScore, formatSigned } from '../common/format.js';

export function isExplanation(x: unknown): x is Explanation {
  const e = x as Explanation | undefined;
  return typeof e === 'object' && e !== null && typeof e.name === 'object' && Array.isArray(e.name?.pairs) && Array.isArray(e.features);
}

const KIND_LABEL: Record<string, string> = {
  exact: 'exact',
  variant: 'name variant',
  initial: 'initial',
  fuzzy: 'spelling',
  phonetic: 'sounds alike',
  script: 'other script',
  joined: 'joined tokens',
};

const FEATURE_LABEL: Record<string, string> = {
  dob: 'Date of birth',
  country: 'Country',
  gender: 'Gender',
  identifier: 'Identifier',
  schema: 'Schema',
  legal_form: 'Legal form',
};

function Contribution({ value }: { value: number }) {
  const color = value > 0 ? 'red.8' : value < 0 ? 'teal.8' : 'dimmed';
  return (
    <Text size="sm" className="argus-mono" c={color} ta="right" component="span">
      {formatSigned(value)}
    </Text>
  );
}

export function ExplanationView({ match }: { match: ScreenMatch }) {
  const ex = match.explanation;
  if (!isExplanation(ex)) {
    return (
      <Box>
        <Text size="sm" c="dimmed" mb={4}>
          The matcher gave no structured explanation for this candidate.
        </Text>
        <Code block>{JSON.stringify(ex, null, 2)}</Code>
      </Box>
    );
  }
  const n = ex.name;
  const featureSum = ex.features.reduce((s, f) => s + f.contribution, 0);
  const raw = n.score + featureSum;
  const adjusted = Math.abs(raw - match.score) > 0.0015;
  return (
    <Stack gap="md">
      <section aria-labelledby="ex-names">
        <Title order={3} id="ex-names" mb={6}>
          Name alignment
        </Title>
        <dl className="argus-kv" style={{ gridTemplateColumns: '110px 1fr', marginBottom: 8 }}>
          <dt>Query (normalised)</dt>
          <dd className="argus-mono">{n.query || '—'}</dd>
          <dt>Best list name</dt>
          <dd className="argus-mono" dir="auto">
            {n.matched || '—'}
          </dd>
        </dl>
        {n.pairs.length > 0 ? (
          <Table className="argus-table" withTableBorder aria-label="Aligned tokens">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Query token</Table.Th>
                <Table.Th>List token</Table.Th>
                <Table.Th>How</Table.Th>
                <Table.Th ta="right">Similarity</Table.Th>
                <Table.Th ta="right">
                  <Tooltip label="Rarity weight: a rare surname counts for more than a common given name">
                    <span>Weight</span>
                  </Tooltip>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {n.pairs.map((p, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a static list whose items may repeat
                <Table.Tr key={`${p.query}-${p.name}-${i}`}>
                  <Table.Td>
                    <span className="argus-token">{p.query}</span>
                  </Table.Td>
                  <Table.Td>
                    <span className="argus-token" dir="auto">
                      {p.name}
                    </span>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs" c="dimmed">
                      {KIND_LABEL[p.kind] ?? p.kind}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right" className="argus-mono">
                    {formatScore(p.sim)}
                  </Table.Td>
                  <Table.Td ta="right" className="argus-mono">
                    {formatScore(p.weight)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : (
          <Text size="sm" c="dimmed">
            No query token aligned with a list token.
          </Text>
        )}
        {n.unmatchedQuery.length + n.unmatchedName.length > 0 ? (
          <Group gap="lg" mt={6} align="flex-start">
            {n.unmatchedQuery.length > 0 ? (
              <Group gap={4}>
                <Text size="xs" c="dimmed">
                  Query tokens not on the list name:
                </Text>
                {n.unmatchedQuery.map((t) => (
                  <span key={t} className="argus-token" data-unmatched>
                    {t}
                  </span>
                ))}
              </Group>
            ) : null}
            {n.unmatchedName.length > 0 ? (
              <Group gap={4}>
                <Text size="xs" c="dimmed">
                  List tokens not in the query:
                </Text>
                {n.unmatchedName.map((t) => (
                  <span key={t} className="argus-token" dir="auto">
                    {t}
                  </span>
                ))}
              </Group>
            ) : null}
          </Group>
        ) : null}
        <Group gap={6} mt={6}>
          {n.reordered ? (
            <Badge size="xs" color="gray" variant="outline">
              tokens reordered
            </Badge>
          ) : null}
          {n.weakAlias ? (
            <Badge size="xs" color="gray" variant="outline">
              weak alias
            </Badge>
          ) : null}
          {n.genericOnly ? (
            <Badge size="xs" color="gray" variant="outline">
              only generic words matched (capped)
            </Badge>
          ) : null}
        </Group>
      </section>

      <section aria-labelledby="ex-score">
        <Title order={3} id="ex-score" mb={6}>
          Score
        </Title>
        <Table className="argus-table" withTableBorder aria-label="Score contributions">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Evidence</Table.Th>
              <Table.Th>Detail</Table.Th>
              <Table.Th ta="right" w={90}>
                Contribution
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            <Table.Tr>
              <Table.Td>Name</Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed">
                  weighted token similarity
                </Text>
              </Table.Td>
              <Table.Td ta="right" className="argus-mono">
                {formatScore(n.score)}
              </Table.Td>
            </Table.Tr>
            {ex.features.map((f, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a static list whose items may repeat
              <Table.Tr key={`${f.feature}-${i}`}>
                <Table.Td>{FEATURE_LABEL[f.feature] ?? f.feature}</Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed">
                    {f.detail}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">
                  <Contribution value={f.contribution} />
                </Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr>
              <Table.Td fw={600}>Total</Table.Td>
              <Table.Td>
                {adjusted ? (
                  <Text size="xs" c="dimmed">
                    {formatScore(raw)} before bounds and the identifier rule
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td ta="right" className="argus-mono" fw={600}>
                {formatScore(match.score)}
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </section>
    </Stack>
  );
}
