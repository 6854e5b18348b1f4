/** Loading, empty, error and forbidden states, the same everywhere. */

import { Alert, Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export function LoadingState({ label = 'Loading' }: { label?: string }) {
  return (
    <Center p="xl" role="status" aria-live="polite">
      <Group gap="xs">
        <Loader size="xs" />
        <Text size="sm" c="dimmed">
          {label}…
        </Text>
      </Group>
    </Center>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <Center p="xl">
      <Stack gap={4} align="center" maw={460} ta="center">
        <Text size="sm" fw={600}>
          {title}
        </Text>
        {children ? (
          <Text size="sm" c="dimmed">
            {children}
          </Text>
        ) : null}
      </Stack>
    </Center>
  );
}

export function ErrorState({ error, onRetry, title = 'Could not load' }: { error: unknown; onRetry?: () => void; title?: string }) {
  const message = error instanceof Error ? error.message : String(error);
  return (
    <Alert color="red" variant="light" title={title} role="alert">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Text size="sm">{message}</Text>
        {onRetry ? (
          <Button size="xs" variant="default" onClick={onRetry}>
            Retry
          </Button>
        ) : null}
      </Group>
    </Alert>
  );
}

export function Forbidden({ permission }: { permission: string }) {
  return (
    <Center p="xl">
      <Stack gap={4} align="center" maw={460} ta="center">
        <Text size="sm" fw={600}>
          Not permitted
        </Text>
        <Text size="sm" c="dimmed">
          Your role does not include “{permission}”. Ask an administrator of your agency if you need it.
        </Text>
      </Stack>
    </Center>
  );
}
