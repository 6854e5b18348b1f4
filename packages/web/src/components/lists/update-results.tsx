/** What "Update now" did, per source: imported, unchanged, not modified, or failed (the last good version stays). */

import { Alert, Badge, Group, Stack, Text } from '@mantine/core';
import type { UpdateResult } from '../../api/types.js';

const COLOR: Record<string, string> = { imported: 'teal', unchanged: 'gray', 'not-modified': 'gray', failed: 'red' };

export function UpdateResults({ results, onClose }: { results: readonly UpdateResult[]; onClose: () => void }) {
  const failed = results.some((r) => r.status === 'failed');
  return (
    <Alert
      color={failed ? 'orange' : 'teal'}
      variant="light"
      title={results.length === 0 ? 'No list sources are configured' : 'List update finished'}
      withCloseButton
      onClose={onClose}
      role="status"
      mb="md"
    >
      <Stack gap={2}>
        {results.map((r) => (
          <Group key={r.source} gap="xs" wrap="nowrap" align="flex-start">
            <Text size="sm" className="argus-mono" w={120}>
              {r.source}
            </Text>
            <Badge color={COLOR[r.status] ?? 'gray'} size="sm">
              {r.status}
            </Badge>
            {r.error ? (
              <Text size="xs" c="dimmed" lineClamp={2}>
                {r.error} — the last good version stays current
              </Text>
            ) : null}
          </Group>
        ))}
      </Stack>
    </Alert>
  );
}
