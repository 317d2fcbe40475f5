import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { useMe } from '../api/me.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { PageLoader } from '../components/PageLoader.tsx';
import { canManageDhis2 } from './can-manage-dhis2.ts';
import { ConnectionForm } from './ConnectionForm.tsx';
import { RecentPulls } from './RecentPulls.tsx';
import type { Dhis2Connection } from './types.ts';
import { useDhis2Connection, useDhis2Pulls, useStartDhis2Pull } from './use-dhis2.ts';

/** The app's DHIS2 connection: settings, test, "Pull now", schedule and recent pulls. Admins. */
export function Dhis2Page() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('DHIS2 connection')} · Sankofa`);
  const me = useMe();
  const allowed = me.data !== undefined && me.data !== null && canManageDhis2(me.data.user);
  if (me.data === undefined || me.data === null) {
    return null;
  }
  if (!allowed) {
    return (
      <Alert color="gray" data-testid="dhis2-not-allowed">
        {t('Only admins of the whole hierarchy can manage the DHIS2 connection.')}
      </Alert>
    );
  }
  return <Dhis2Settings />;
}

function Dhis2Settings() {
  const { t } = useTranslation();
  const connection = useDhis2Connection();
  const pulls = useDhis2Pulls(
    connection.data?.connection != null,
    connection.data?.pullRunning ?? false,
  );
  const pull = useStartDhis2Pull();
  if (connection.isPending) {
    return <PageLoader />;
  }
  if (connection.error) {
    return <ErrorNotice error={connection.error} onRetry={() => void connection.refetch()} />;
  }
  const stored = connection.data.connection;
  const running = connection.data.pullRunning || (pulls.data?.pullRunning ?? false);
  return (
    <Stack gap="lg" maw={1100}>
      <Stack gap={4}>
        <Title order={1}>{t('DHIS2 connection')}</Title>
        <Text c="dimmed">
          {t(
            'Sankofa pulls metadata and data values from this DHIS2 instance: everything the first time, then what changed.',
          )}
        </Text>
      </Stack>
      <ConnectionForm connection={stored} />
      {stored !== null && (
        <Paper withBorder p="md" radius="md" data-testid="dhis2-pull-panel">
          <Stack gap="sm">
            <PullStatus connection={stored} />
            <Group>
              <Button
                onClick={() => pull.mutate()}
                loading={pull.isPending}
                disabled={running}
                data-testid="dhis2-pull-now"
              >
                {running ? t('Pulling…') : t('Pull now')}
              </Button>
            </Group>
            {pull.error &&
              (pull.error instanceof ApiError && pull.error.status === 409 ? (
                <Alert color="yellow" data-testid="dhis2-pull-busy">
                  {t('A pull is already running: wait for it to end.')}
                </Alert>
              ) : (
                <ErrorNotice error={pull.error} testId="dhis2-pull-error" />
              ))}
          </Stack>
        </Paper>
      )}
      {pulls.error && <ErrorNotice error={pulls.error} onRetry={() => void pulls.refetch()} />}
      {stored !== null && pulls.data && <RecentPulls runs={pulls.data.runs} />}
    </Stack>
  );
}

function PullStatus({ connection }: { readonly connection: Dhis2Connection }) {
  const { t, i18n } = useTranslation();
  const when = new Intl.DateTimeFormat(i18n.resolvedLanguage ?? i18n.language, {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  return (
    <Stack gap={2}>
      <Text size="sm" data-testid="dhis2-watermark">
        {connection.lastUpdatedWatermark === null
          ? t('The next pull brings everything.')
          : t('The next pull brings what changed in DHIS2 after {{time}} (DHIS2’s clock).', {
              time: connection.lastUpdatedWatermark,
            })}
      </Text>
      {connection.nextPullAt !== null && (
        <Text size="sm" data-testid="dhis2-next-pull">
          {t('Next automatic pull: {{time}}', {
            time: when.format(new Date(connection.nextPullAt)),
          })}
        </Text>
      )}
      {connection.scheduleError !== null && (
        <Text size="sm" c="red" data-testid="dhis2-schedule-error">
          {t('The last automatic pull could not start: {{reason}}', {
            reason: connection.scheduleError,
          })}
        </Text>
      )}
    </Stack>
  );
}
