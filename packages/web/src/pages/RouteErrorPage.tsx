import { Button, Container, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * Shown when a page fails to load or render, most often because a part of the app could not be
 * downloaded (a dropped connection, or a new version deployed meanwhile).
 */
export function RouteErrorPage() {
  const { t } = useTranslation();
  return (
    <Container size="sm" py="xl">
      <Stack role="alert" data-testid="route-error">
        <Title order={1}>{t('This page could not be shown')}</Title>
        <Text>
          {t(
            'Part of the app may not have downloaded. Check your connection, then reload the page.',
          )}
        </Text>
        <div>
          <Button onClick={() => window.location.reload()}>{t('Reload the page')}</Button>
        </div>
      </Stack>
    </Container>
  );
}
