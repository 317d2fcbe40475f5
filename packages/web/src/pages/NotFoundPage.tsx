import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** Any path the app does not know. */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Stack data-testid="not-found">
      <Title order={1}>{t('Page not found')}</Title>
      <Text>
        {t('This address does not lead to a page. Check the link, or go to the dashboard.')}
      </Text>
      <Anchor component={Link} to="/">
        {t('Go to the dashboard')}
      </Anchor>
    </Stack>
  );
}
