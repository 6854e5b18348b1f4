/** How bands, scores and review decisions look wherever a match is shown. */

import { Badge, Group, Text } from '@mantine/core';
import type { Decision } from '../../api/types.js';
import { formatScore } from '../common/format.js';

const BAND: Record<string, { label: string; color: string }> = {
  match: { label: 'Match', color: 'red' },
  review: { label: 'Review', color: 'orange' },
  no_match: { label: 'No match', color: 'gray' },
  error: { label: 'Error', color: 'grape' },
};

export function BandBadge({ band }: { band: string }) {
  const b = BAND[band] ?? { label: band, color: 'gray' };
  return (
    <Badge color={b.color} variant="light" size="sm">
      {b.label}
    </Badge>
  );
}

export const DECISION_LABEL: Record<Decision, string> = { true_match: 'True match', false_positive: 'False positive' };

export function DecisionBadge({ decision }: { decision: Decision }) {
  return (
    <Badge color={decision === 'true_match' ? 'red' : 'teal'} variant="filled" size="sm">
      {DECISION_LABEL[decision]}
    </Badge>
  );
}

export function ScoreBar({ score, width = 64 }: { score: number; width?: number }) {
  const pct = Math.max(0, Math.min(1, score)) * 100;
  return (
    <Group gap={6} wrap="nowrap" aria-label={`score ${formatScore(score)}`}>
      <div className="argus-bar" style={{ width }} aria-hidden>
        <span
          style={{
            width: `${pct}%`,
            background: score >= 0.85 ? 'var(--mantine-color-red-6)' : score >= 0.7 ? 'var(--mantine-color-orange-5)' : undefined,
          }}
        />
      </div>
      <Text size="sm" className="argus-mono" component="span">
        {formatScore(score)}
      </Text>
    </Group>
  );
}
