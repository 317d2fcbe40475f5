import { Alert, Anchor, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useIndicators } from '../api/indicators.ts';
import { useOrgUnit } from '../api/org-units.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { IndicatorCard } from '../dashboard/IndicatorCard.tsx';
import { OrgUnitHeading } from '../dashboard/OrgUnitHeading.tsx';
import { useFormatters } from '../format/use-formatters.ts';
import { useDashboardParams } from '../navigation/use-dashboard-params.ts';

/** Every indicator for the selected org unit and period range, as cards. */
export function DashboardPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const { ou, range } = useDashboardParams();
  const indicators = useIndicators();
  const unit = useOrgUnit(ou);
  useDocumentTitle(unit.data ? `${unit.data.orgUnit.name} · Sankofa` : 'Sankofa');

  if (ou === null) {
    return (
      <Alert color="yellow" variant="light" data-testid="dashboard-no-scope">
        {t('No org units are assigned to you. Ask your administrator for access.')}
      </Alert>
    );
  }

  if (unit.error) {
    // An org unit outside the user's scope, or a wrong link: one message rather than one per card.
    return (
      <Stack align="flex-start">
        <ErrorNotice
          error={unit.error}
          onRetry={() => void unit.refetch()}
          testId="dashboard-error"
        />
        <Anchor component={Link} to="/">
          {t('Go to the dashboard')}
        </Anchor>
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      <div>
        <OrgUnitHeading orgUnitId={ou} order={1} testId="dashboard-org-unit" />
        <Text c="dimmed" size="sm" mt={4}>
          {t('Indicators from {{from}} to {{to}}', {
            from: format.period(range.from),
            to: format.period(range.to),
          })}
        </Text>
      </div>
      {indicators.error ? (
        <ErrorNotice error={indicators.error} onRetry={() => void indicators.refetch()} />
      ) : indicators.data === undefined ? (
        <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }}>
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} height={320} radius="md" />
          ))}
        </SimpleGrid>
      ) : indicators.data.indicators.length === 0 ? (
        <Text c="dimmed" data-testid="dashboard-empty">
          {t(
            'There are no indicators yet. An administrator can add them, or import them from DHIS2.',
          )}
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} data-testid="dashboard-grid">
          {indicators.data.indicators.map((indicator) => (
            <IndicatorCard key={indicator.id} indicator={indicator} orgUnitId={ou} range={range} />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
