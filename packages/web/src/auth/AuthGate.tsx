import { Center, Container } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useMe } from '../api/me.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { PageLoader } from '../components/PageLoader.tsx';
import { AppLayout } from '../layout/AppLayout.tsx';

/** Shows the signed-in app, or sends the person to sign in and back here afterwards. */
export function AuthGate() {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  if (me.data === null) {
    const next = `${location.pathname}${location.search}`;
    const search = next === '/' ? '' : `?next=${encodeURIComponent(next)}`;
    return <Navigate to={`/login${search}`} replace />;
  }
  if (me.data !== undefined) {
    return (
      <AppLayout user={me.data.user}>
        <Outlet />
      </AppLayout>
    );
  }
  if (me.error) {
    return (
      <Container size="sm" py="xl">
        <ErrorNotice
          title={t('Sankofa could not start')}
          error={me.error}
          onRetry={() => void me.refetch()}
        />
      </Container>
    );
  }
  return (
    <Center h="100vh">
      <PageLoader />
    </Center>
  );
}
