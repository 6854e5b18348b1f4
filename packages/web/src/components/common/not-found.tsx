/** Unknown client-side routes. */

import { Center, Stack, Text } from '@mantine/core';
import { AppLink } from './app-link.js';

export function NotFound() {
  return (
    <Center p="xl">
      <Stack gap={4} align="center">
        <Text fw={600}>Page not found</Text>
        <AppLink to="/" size="sm">
          Back to Argus
        </AppLink>
      </Stack>
    </Center>
  );
}
