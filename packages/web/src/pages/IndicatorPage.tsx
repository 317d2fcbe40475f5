import type { Indicator } from '@sankofa/core';
import { Anchor, Badge, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useDataValueSeries } from '../api/data-values.ts';
import { useIndicator } from '../api/indicators.ts';
import { ChartTable } from '../charts/ChartTable.tsx';
import { TimeSeriesChart } from '../charts/TimeSeriesChart.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { ArrowLeftIcon } from '../components/icons.tsx';
import { PageLoader } from '../components/PageLoader.tsx';
import { directionLabel } from '../dashboard/direction-label.ts';
import { OrgUnitHeading } from '../dashboard/OrgUnitHeading.tsx';
import { useIndicatorChart } from '../dashboard/use-indicator-chart.ts';
import { dashboardSearch } from '../navigation/dashboard-params.ts';
import { useDashboardParams } from '../navigation/use-dashboard-params.ts';
import { ControlChartSection } from '../spc/ControlChartSection.tsx';
import { FunnelSection } from '../spc/FunnelSection.tsx';
import { OrgUnitDrill } from '../spc/OrgUnitDrill.tsx';
import type { MonthRange } from '../periods/period-presets.ts';

/** One indicator for one org unit: a large chart and the table of its numbers. */
export function IndicatorPage() {
  const { t } = useTranslation();
  const { indicatorId = '' } = useParams();
  const { ou, range } = useDashboardParams();
  const { indicator, query } = useIndicator(indicatorId);
  useDocumentTitle(indicator ? `${indicator.name} · Sankofa` : 'Sankofa');
  const back = (
    <Anchor component={Link} to={{ pathname: '/', search: dashboardSearch(ou, range) }} size="sm">
      <Group gap={4} component="span">
        <ArrowLeftIcon size={14} />
        {t('All indicators')}
      </Group>
    </Anchor>
  );

  if (query.error) {
    return <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />;
  }
  if (indicator === undefined) {
    return <PageLoader />;
  }
  if (indicator === null || ou === null) {
    return (
      <Stack>
        {back}
        <Text data-testid="indicator-not-found">
          {t('This indicator does not exist, or you cannot see it.')}
        </Text>
      </Stack>
    );
  }
  return <IndicatorView indicator={indicator} orgUnitId={ou} range={range} back={back} />;
}

function IndicatorView({
  indicator,
  orgUnitId,
  range,
  back,
}: {
  readonly indicator: Indicator;
  readonly orgUnitId: string;
  readonly range: MonthRange;
  readonly back: ReactNode;
}) {
  const { t } = useTranslation();
  const series = useDataValueSeries({
    subject: { indicator: indicator.id },
    orgUnit: orgUnitId,
    startPeriod: range.from,
    endPeriod: range.to,
  });
  const chart = useIndicatorChart(series.data, indicator);
  const direction = directionLabel(indicator, t);

  return (
    <Stack gap="md">
      {back}
      <Stack gap={4}>
        <Title order={1}>{indicator.name}</Title>
        <OrgUnitHeading orgUnitId={orgUnitId} order={2} size="h3" testId="chart-org-unit" />
        <OrgUnitDrill indicatorId={indicator.id} orgUnitId={orgUnitId} range={range} />
      </Stack>
      {indicator.description && <Text maw={720}>{indicator.description}</Text>}
      <Group gap="lg" align="baseline" data-testid="indicator-summary">
        {chart?.latest && (
          <Group gap="xs" align="baseline">
            <Text fz={32} fw={700} lh={1.1}>
              {chart.latest.display}
            </Text>
            <Text c="dimmed">{chart.latest.period}</Text>
          </Group>
        )}
        {chart?.model.target && <Text c="orange.9">{chart.model.target.label}</Text>}
        {direction && (
          <Badge variant="light" color="gray" tt="none">
            {direction}
          </Badge>
        )}
      </Group>
      {series.error ? (
        <ErrorNotice error={series.error} onRetry={() => void series.refetch()} />
      ) : chart === null || series.data === undefined ? (
        <Skeleton height={420} radius="md" />
      ) : (
        <>
          <Paper
            withBorder
            radius="md"
            p="sm"
            style={{ opacity: series.isPlaceholderData ? 0.5 : 1 }}
          >
            <TimeSeriesChart
              model={chart.model}
              height={420}
              description={chart.description}
              emptyLabel={t('No data for this period range.')}
              testId="indicator-chart"
            />
          </Paper>
          <ControlChartSection indicator={indicator} orgUnitId={orgUnitId} />
          <FunnelSection indicator={indicator} orgUnitId={orgUnitId} range={range} />
          <ChartTable
            points={series.data.points}
            indicator={indicator}
            caption={t('The numbers in the chart')}
          />
        </>
      )}
    </Stack>
  );
}
