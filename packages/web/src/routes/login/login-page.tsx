/** Log in with username and password; returns to the page that asked for it. */

import { Alert, Box, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { type FormEvent, useEffect, useState } from 'react';
import { useLogin } from '../../queries/auth/use-login.js';
import { useSession } from '../../queries/auth/use-session.js';

export function LoginPage() {
  const session = useSession();
  const search = useSearch({ strict: false }) as { next?: string };
  const navigate = useNavigate();
  const login = useLogin();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  useEffect(() => {
    document.title = 'Log in · Argus';
  }, []);
  // Already logged in (a bookmarked login page): go where the analyst was heading.
  const loggedIn = session.data != null;
  useEffect(() => {
    if (loggedIn) void navigate({ to: search.next ?? '/', replace: true });
  }, [loggedIn, navigate, search.next]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    login.mutate(
      { username: username.trim(), password },
      { onSuccess: () => void navigate({ to: search.next ?? '/', replace: true }), onError: () => setPassword('') },
    );
  };

  return (
    <Center mih="100vh" className="argus-login">
      <Box w={360}>
        <Stack gap={4} mb="md">
          <Text className="argus-wordmark argus-wordmark-dark" component="div">
            ARGUS
          </Text>
          <Text size="sm" c="dimmed">
            Sanctions screening, lists and case work
          </Text>
        </Stack>
        <Paper p="lg" shadow="xs">
          <form onSubmit={submit} aria-labelledby="login-title" noValidate>
            <Stack gap="sm">
              <Title order={2} id="login-title">
                Log in
              </Title>
              {login.isError ? (
                <Alert color="red" variant="light" role="alert" p="xs">
                  {login.error.message}
                </Alert>
              ) : null}
              <TextInput
                label="Username"
                name="username"
                autoComplete="username"
                autoFocus
                required
                value={username}
                onChange={(e) => setUsername(e.currentTarget.value)}
              />
              <PasswordInput
                label="Password"
                name="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
              />
              <Button type="submit" loading={login.isPending} disabled={!username.trim() || !password} fullWidth mt={4}>
                Log in
              </Button>
            </Stack>
          </form>
        </Paper>
        <Text size="xs" c="dimmed" mt="sm">
          The first administrator's password is printed once when Argus starts for the first time.
        </Text>
      </Box>
    </Center>
  );
}
