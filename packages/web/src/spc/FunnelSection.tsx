import { Group, Paper, Select, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import type { FunnelChartResponse, Indicator } from '@sankofa/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { escapeHtml } from '../charts/time-series-model.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { NoData } from '../components/NoData.tsx';
import { useFormatters } from '../format/use-formatters.ts';
import { dashboardSearch } from '../navigation/dashboard-params.ts';
import type { MonthRange } from '../periods/period-presets.ts';
import { FunnelChart } from './FunnelChart.tsx';
import type { FunnelLabels } from './funnel-option.ts';
import { useFunnelChart } from './use-funnel-chart.ts';
import { useSpcChart } from './use-spc-chart.ts';

/**
 * The org unit among its peers in one month (its siblings when the user sees its parent, else
 * its own children): a funnel plot, what it says in words, and the units' numbers with links to
 * each unit's chart.
 */
export function FunnelSection({
  indicator,
  orgUnitId,
  range,
}: {
  readonly indicator: Indicator;
  readonly orgUnitId: string;
  readonly range: MonthRange;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  // The month compared: null for the latest with data; the choices are the control chart's months.
  const [period, setPeriod] = useState<string | null>(null);
  const months = useSpcChart(indicator.id, orgUnitId).data?.points.map((p) => p.period) ?? [];
  const query = useFunnelChart(indicator.id, orgUnitId, period);
  const funnel = query.data;
  const labels = useMemo<FunnelLabels>(
    () => ({
      units: t('Org units'),
      centre: t('Centre line'),
      limits998: t('99.8% limits'),
      limits95: t('95% limits'),
      denominator: t('Denominator'),
      unitTooltip: (u) =>
        `<b>${escapeHtml(u.name)}</b><br/>${escapeHtml(
          u.value === null ? '—' : format.value(u.value, indicator),
        )} (${escapeHtml(format.number(u.numerator ?? 0))} / ${escapeHtml(format.number(u.denominator ?? 0))})`,
    }),
    [t, format, indicator],
  );
  if (query.error) {
    return <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />;
  }
  return (
    <Paper withBorder radius="md" p="md" data-testid="funnel-section">
      <Stack gap="sm">
        <Group justify="space-between" align="baseline">
          <Title order={2} size="h3">
            {funnel === undefined
              ? t('Compared with peers')
              : funnel.compared === 'siblings'
                ? t('Compared with the other units of {{group}}', { group: funnel.group.name })
                : t('The units of {{group}} compared', { group: funnel.group.name })}
          </Title>
          {months.length > 0 && (
            <Select
              size="xs"
              w={180}
              aria-label={t('Month')}
              data-testid="funnel-month"
              allowDeselect={false}
              data={[...months].reverse().map((m) => ({ value: m, label: format.period(m) }))}
              value={period ?? funnel?.period ?? null}
              onChange={setPeriod}
            />
          )}
        </Group>
        {funnel === undefined ? (
          <Skeleton height={320} radius="md" />
        ) : (
          <>
            <Text size="sm" data-testid="funnel-summary">
              {funnelSummary(funnel, t, format.period)}
            </Text>
            {funnel.type !== null && (
              <FunnelChart
                funnel={funnel}
                labels={labels}
                height={320}
                description={t(
                  'Funnel plot of {{indicator}}: the units of {{group}} in {{period}}.',
                  {
                    indicator: indicator.name,
                    group: funnel.group.name,
                    period: funnel.period === null ? '' : format.period(funnel.period),
                  },
                )}
              />
            )}
            {funnel.units.length > 0 && (
              <Table.ScrollContainer minWidth={420}>
                <Table striped withTableBorder data-testid="funnel-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('Org unit')}</Table.Th>
                      <Table.Th scope="col" ta="right">
                        {t('Numerator')}
                      </Table.Th>
                      <Table.Th scope="col" ta="right">
                        {t('Denominator')}
                      </Table.Th>
                      <Table.Th scope="col" ta="right">
                        {t('Value')}
                      </Table.Th>
                      <Table.Th scope="col">{t('On the funnel')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {funnel.units.map((u) => (
                      <Table.Tr
                        key={u.id}
                        data-testid={`funnel-row-${u.id}`}
                        fw={u.id === funnel.highlight ? 700 : undefined}
                      >
                        <Table.Th scope="row" fw="inherit">
                          <Link
                            to={{
                              pathname: `/indicators/${indicator.id}`,
                              search: dashboardSearch(u.id, range),
                            }}
                          >
                            {u.name}
                          </Link>
                        </Table.Th>
                        <Table.Td ta="right">
                          {u.numerator === null ? <NoData /> : format.number(u.numerator)}
                        </Table.Td>
                        <Table.Td ta="right">
                          {u.denominator === null ? <NoData /> : format.number(u.denominator)}
                        </Table.Td>
                        <Table.Td ta="right">
                          {u.value === null ? <NoData /> : format.value(u.value, indicator)}
                        </Table.Td>
                        <Table.Td c={u.funnel?.outlier ? 'red.8' : undefined}>
                          {u.funnel === null
                            ? '—'
                            : u.funnel.outlier === 'high'
                              ? t('Above the 99.8% limit')
                              : u.funnel.outlier === 'low'
                                ? t('Below the 99.8% limit')
                                : t('Within the limits')}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}

function funnelSummary(
  funnel: FunnelChartResponse,
  t: ReturnType<typeof useTranslation>['t'],
  period: (id: string) => string,
): string {
  const month = funnel.period === null ? '' : period(funnel.period);
  switch (funnel.reason) {
    case null: {
      const outliers = funnel.units.filter((u) => u.funnel?.outlier != null).length;
      const base =
        outliers === 0
          ? t(
              'In {{month}} every unit is within the 99.8% limits: the differences between them are what chance and ordinary variation produce.',
              { month },
            )
          : t(
              'In {{month}}, {{outliers}} of {{units}} units lie beyond the 99.8% limits: differences too large for chance, worth asking why.',
              { month, outliers: String(outliers), units: String(funnel.units.length) },
            );
      return funnel.overdispersion?.applied
        ? `${base} ${t('The limits are widened because the units differ more than chance alone would make them (over-dispersion).')}`
        : base;
    }
    case 'not_a_ratio':
      return t(
        'A funnel plot compares rates and proportions; this indicator is a count, so only the numbers are listed.',
      );
    case 'too_few_units':
      return t('Fewer than 3 units have a value in {{month}}: too few to compare on a funnel.', {
        month,
      });
    case 'above_100':
      return t('Some units are above 100% in {{month}}, which a proportion funnel cannot show.', {
        month,
      });
    case 'no_units':
      return t('This unit has no units below it to compare.');
    default:
      return t('No data to compare.');
  }
}
