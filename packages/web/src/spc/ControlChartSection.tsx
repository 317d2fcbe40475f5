import {
  Accordion,
  Badge,
  Button,
  Group,
  List,
  Modal,
  Paper,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import type { Indicator } from '@sankofa/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { useFormatters } from '../format/use-formatters.ts';
import { SpcChart } from './SpcChart.tsx';
import { useSaveChartSettings, useSpcChart } from './use-spc-chart.ts';

/**
 * The indicator's control chart for one org unit, as the signal scan reads it: the preset, the
 * baseline (click a point to freeze the limits on the months up to it, after a confirmation
 * that says everyone will see it), what the rules found, and how to read the chart.
 */
export function ControlChartSection({
  indicator,
  orgUnitId,
}: {
  readonly indicator: Indicator;
  readonly orgUnitId: string;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const query = useSpcChart(indicator.id, orgUnitId);
  const save = useSaveChartSettings(indicator.id, orgUnitId);
  const [pending, setPending] = useState<string | null>(null);
  const chart = query.data;
  const periodLabels = useMemo(
    () => (chart === undefined ? [] : chart.points.map((p) => format.period(p.period))),
    [chart, format],
  );
  const labels = useMemo(
    () => ({ centre: t('Centre line'), limits: t('Control limits'), value: t('Value') }),
    [t],
  );

  if (query.error) {
    return <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />;
  }
  return (
    <Paper withBorder radius="md" p="md" data-testid="control-chart">
      <Stack gap="sm">
        <Group justify="space-between" align="baseline">
          <Title order={2} size="h3">
            {t('Control chart')}
          </Title>
          {chart && (
            <Group gap="xs">
              <Badge variant="light" tt="none" data-testid="control-chart-type">
                {chart.chartType.toUpperCase().replace('PP', 'P′').replace('UP', 'U′')}
              </Badge>
              <Badge variant="light" color="gray" tt="none" data-testid="control-chart-preset">
                {t('Rules: {{name}}', { name: chart.preset.name })}
              </Badge>
            </Group>
          )}
        </Group>
        {chart === undefined ? (
          <Skeleton height={360} radius="md" />
        ) : chart.tooShort ? (
          <Text c="dimmed">
            {t('Too few months with data for control limits (at least 12 are needed).')}
          </Text>
        ) : (
          <>
            <Group justify="space-between" align="center">
              <Text size="sm" data-testid="control-chart-baseline">
                {chart.baselineEnd === null
                  ? t(
                      'Limits computed from every month shown. Click a point to freeze them on the months up to it.',
                    )
                  : t('Limits frozen on the months up to {{period}}.', {
                      period: format.period(chart.baselineEnd),
                    })}
              </Text>
              {chart.baselineEnd !== null && (
                <Button
                  size="xs"
                  variant="default"
                  loading={save.isPending}
                  onClick={() => save.mutate({ baselineEnd: null })}
                >
                  {t('Unfreeze the limits')}
                </Button>
              )}
            </Group>
            {save.error && <ErrorNotice error={save.error} />}
            <SpcChart
              chart={chart}
              periodLabels={periodLabels}
              labels={labels}
              height={360}
              description={t('Control chart of {{indicator}} for {{orgUnit}}, {{months}} months.', {
                indicator: indicator.name,
                orgUnit: chart.orgUnit.name,
                months: chart.points.length,
              })}
              onPointClick={setPending}
            />
            {chart.findings.length > 0 && (
              <Stack gap={4}>
                <Text fw={600} size="sm">
                  {t('What the rules found')}
                </Text>
                <List size="sm" data-testid="control-chart-findings">
                  {chart.findings.map((f) => (
                    <List.Item key={`${f.rule}-${f.periods.join(',')}`}>{f.summary}</List.Item>
                  ))}
                </List>
              </Stack>
            )}
          </>
        )}
        <Accordion variant="contained">
          <Accordion.Item value="how">
            <Accordion.Control>{t('How to read this chart')}</Accordion.Control>
            <Accordion.Panel>
              <Stack gap="xs">
                <Text size="sm">
                  {t(
                    'Each point is a month. The solid grey line is the centre (the usual level); the dashed orange lines are the control limits, where ordinary month-to-month variation ends.',
                  )}
                </Text>
                <Text size="sm">
                  {t(
                    'A red point is one a rule flagged: a month beyond a limit, or part of a long run on one side of the centre. That is a signal that something changed, worth discussing; points inside the limits without a run are noise, and chasing them wastes effort.',
                  )}
                </Text>
                <Text size="sm">
                  {t(
                    'After a change you made on purpose, freeze the limits on the months before it: later months are then judged against the old level, and a lasting improvement shows as a run above the centre.',
                  )}
                </Text>
              </Stack>
            </Accordion.Panel>
          </Accordion.Item>
        </Accordion>
      </Stack>
      <Modal
        opened={pending !== null}
        onClose={() => setPending(null)}
        title={
          pending === null
            ? ''
            : t('Freeze the limits on the months up to {{period}}?', {
                period: format.period(pending),
              })
        }
      >
        <Stack>
          <Text size="sm">
            {t(
              'Everyone who opens this chart will see the new limits, and the next signal scan uses them. The change is recorded.',
            )}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setPending(null)}>
              {t('Cancel')}
            </Button>
            <Button
              data-testid="freeze-limits"
              loading={save.isPending}
              onClick={() => {
                if (pending !== null) {
                  save.mutate({ baselineEnd: pending }, { onSettled: () => setPending(null) });
                }
              }}
            >
              {t('Freeze the limits')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
