/**
 * The decision in force on a hit, and (for reviewers) the form that records a new one with its reason.
 * Render it keyed by the hit so another hit starts with an empty form.
 */

import { Alert, Button, Group, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { Decision, ScreenMatch, ScreenQuery } from '../../api/types.js';
import { useCan } from '../../queries/auth/use-session.js';
import { useRecordReview } from '../../queries/reviews/use-record-review.js';
import { formatDateTime } from '../common/format.js';
import { DecisionBadge } from './bands.js';

export function ReviewPanel({ query, match }: { query: ScreenQuery; match: ScreenMatch }) {
  const canWrite = useCan('reviews:write');
  const record = useRecordReview();
  const [decision, setDecision] = useState<Decision | ''>('');
  const [reason, setReason] = useState('');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!decision || !reason.trim()) return;
    record.mutate({ query, entityId: match.entity_id, decision, reason: reason.trim() }, { onSuccess: () => setReason('') });
  };

  return (
    <section aria-labelledby="review-title">
      <Title order={3} id="review-title" mb={6}>
        Review decision
      </Title>
      {match.review ? (
        <Paper p="xs" bg="gray.0" mb="sm" data-testid="review-in-force">
          <Group gap="xs" mb={4}>
            <DecisionBadge decision={match.review.decision} />
            <Text size="xs" c="dimmed">
              by {match.review.by} · {formatDateTime(match.review.at)}
            </Text>
          </Group>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {match.review.reason}
          </Text>
        </Paper>
      ) : (
        <Text size="sm" c="dimmed" mb="sm">
          No decision on this hit for this query yet.
        </Text>
      )}
      {canWrite ? (
        <form onSubmit={submit} aria-label="Record a review decision">
          <Stack gap="xs">
            <Radio.Group
              value={decision}
              onChange={(v) => setDecision(v as Decision)}
              label={match.review ? 'Record a new decision' : 'Decision'}
              name="decision"
              required
            >
              <Group gap="lg" mt={4}>
                <Radio value="true_match" label="True match" color="red" />
                <Radio value="false_positive" label="False positive" color="teal" />
              </Group>
            </Radio.Group>
            <Textarea
              label="Reason"
              name="reason"
              required
              autosize
              minRows={2}
              maxRows={6}
              maxLength={4000}
              placeholder="What the decision rests on: date of birth differs, different nationality, identifier matches…"
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              onKeyDown={(e) => {
                // Ctrl/⌘+Enter records from the reason box; plain Enter adds a line.
                if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submit(e);
              }}
            />
            {record.isError ? (
              <Alert color="red" variant="light" p="xs" role="alert">
                {record.error.message}
              </Alert>
            ) : null}
            {record.isSuccess ? (
              <Text size="sm" c="teal.8" role="status">
                Decision recorded.
              </Text>
            ) : null}
            <Group justify="flex-end">
              <Button type="submit" loading={record.isPending} disabled={!decision || !reason.trim()}>
                Record decision
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <Text size="xs" c="dimmed">
          Your role may read decisions but not record them.
        </Text>
      )}
    </section>
  );
}
