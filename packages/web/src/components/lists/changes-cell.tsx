/** A version's change against the one before it: +added −removed ~changed. */

import { Group, Text } from '@mantine/core';
import type { VersionChanges } from '../../api/types.js';
import { formatCount } from '../common/format.js';

export function ChangesCell({ changes }: { changes: VersionChanges | null }) {
  if (!changes)
    return (
      <Text size="xs" c="dimmed">
        first version
      </Text>
    );
  return (
    <Group gap={8} wrap="nowrap">
      <Text size="xs" c="green.8" className="argus-mono" title="added">
        +{formatCount(changes.added)}
      </Text>
      <Text size="xs" c="red.8" className="argus-mono" title="removed">
        −{formatCount(changes.removed)}
      </Text>
      <Text size="xs" c="orange.8" className="argus-mono" title="changed">
        ~{formatCount(changes.changed)}
      </Text>
    </Group>
  );
}
