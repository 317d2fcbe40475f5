import {
  Alert,
  Box,
  Button,
  Center,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import { useLogin, useMe } from '../api/me.ts';
import { safeNext } from '../auth/safe-next.ts';
import { describeError } from '../components/describe-error.ts';
import { PageLoader } from '../components/PageLoader.tsx';
import { LanguageSwitcher } from '../layout/LanguageSwitcher.tsx';

/** Sign in with email and password. */
export function LoginPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('Sign in')} · Sankofa`);
  const me = useMe();
  const login = useLogin();
  const [search] = useSearchParams();
  const next = safeNext(search.get('next'));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  if (me.data) {
    return <Navigate to={next} replace />;
  }
  if (me.isPending) {
    return <PageLoader />;
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // On success the user is cached, and the redirect above takes them on.
    login.mutate({ email: email.trim(), password });
  };

  return (
    <Box mih="100vh" bg="gray.0">
      <Group justify="flex-end" p="sm">
        <LanguageSwitcher />
      </Group>
      <Center px="md" pb="xl">
        <Paper component="main" withBorder shadow="sm" radius="md" p="xl" w="100%" maw={400}>
          <form onSubmit={submit} noValidate={false} aria-labelledby="login-title">
            <Stack gap="md">
              <div>
                <Title order={1} id="login-title" c="indigo.8">
                  Sankofa
                </Title>
                <Text c="dimmed" size="sm">
                  {t('Learn from routine health data.')}
                </Text>
              </div>
              {login.error && (
                <Alert color="red" variant="light" role="alert" data-testid="login-error">
                  {describeError(login.error, t)}
                </Alert>
              )}
              <TextInput
                label={t('Email')}
                type="email"
                autoComplete="username"
                required
                value={email}
                onChange={(event) => setEmail(event.currentTarget.value)}
                data-testid="login-email"
              />
              <PasswordInput
                label={t('Password')}
                autoComplete="current-password"
                required
                value={password}
                onChange={(event) => setPassword(event.currentTarget.value)}
                visibilityToggleButtonProps={{ 'aria-label': t('Show or hide the password') }}
                data-testid="login-password"
              />
              <Button type="submit" loading={login.isPending} data-testid="login-submit">
                {t('Sign in')}
              </Button>
            </Stack>
          </form>
        </Paper>
      </Center>
    </Box>
  );
}
