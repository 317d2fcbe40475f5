import type { Indicator } from '@sankofa/core';
import { Anchor, Badge, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useDataValueSeries } from '../api/data-values.ts';
import { TimeSeriesChart } from '../charts/TimeSeriesChart.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import type { MonthRange } from '../periods/period-presets.ts';
import { dashboardSearch } from '../navigation/dashboard-params.ts';
import { directionLabel } from './direction-label.ts';
import { useIndicatorChart } from './use-indicator-chart.ts';

export interface IndicatorCardProps {
  readonly indicator: Indicator;
  readonly orgUnitId: string;
  readonly range: MonthRange;
}

const CHART_HEIGHT = 190;

/** One indicator on the dashboard: latest value and a small chart; opens the chart page. */
export function IndicatorCard({ indicator, orgUnitId, range }: IndicatorCardProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const series = useDataValueSeries({
    subject: { indicator: indicator.id },
    orgUnit: orgUnitId,
    startPeriod: range.from,
    endPeriod: range.to,
  });
  const chart = useIndicatorChart(series.data, indicator);
  const to = { pathname: `/indicators/${indicator.id}`, search: dashboardSearch(orgUnitId, range) };
  const direction = directionLabel(indicator, t);

  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      data-testid={`indicator-card-${indicator.id}`}
      style={{ cursor: 'pointer', display: 'flex', flexDirection: 'column' }}
      onClick={(event) => {
        // The title link handles its own clicks (and keyboard use); the rest of the card follows it.
        if ((event.target as HTMLElement).closest('a, button') === null) {
          void navigate(to);
        }
      }}
    >
      <Stack gap="xs" style={{ flex: 1 }}>
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Title order={2} size="h4" lh={1.3}>
            <Anchor component={Link} to={to} c="inherit" data-testid="indicator-card-link">
              {indicator.name}
            </Anchor>
          </Title>
          {direction && (
            <Badge variant="light" color="gray" size="sm" tt="none" style={{ flexShrink: 0 }}>
              {direction}
            </Badge>
          )}
        </Group>
        {series.error ? (
          <ErrorNotice error={series.error} onRetry={() => void series.refetch()} />
        ) : chart === null ? (
          <>
            <Skeleton height={36} width={120} />
            <Skeleton height={CHART_HEIGHT} />
          </>
        ) : (
          <Stack gap={4} style={{ flex: 1, opacity: series.isPlaceholderData ? 0.5 : 1 }}>
            <Group justify="space-between" align="baseline" gap="xs" mih={36}>
              <Group gap="xs" align="baseline" data-testid="indicator-card-value">
                {chart.latest ? (
                  <>
                    <Text fz={28} fw={700} lh={1.1}>
                      {chart.latest.display}
                    </Text>
                    <Text size="sm" c="dimmed">
                      {chart.latest.period}
                    </Text>
                  </>
                ) : (
                  <Text c="dimmed">{t('No data for this period range.')}</Text>
                )}
              </Group>
              {chart.model.target && (
                <Text size="sm" c="orange.9" data-testid="indicator-card-target">
                  {chart.model.target.label}
                </Text>
              )}
            </Group>
            {/* Charts sit at the bottom, so they line up across a row whatever the title length. */}
            <div style={{ marginTop: 'auto' }} />
            <TimeSeriesChart
              model={chart.model}
              height={CHART_HEIGHT}
              compact
              description={chart.description}
              emptyLabel={t('No data')}
              testId="indicator-card-chart"
            />
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
