import {
  Accordion,
  Badge,
  Button,
  Group,
  List,
  Menu,
  Modal,
  Paper,
  SegmentedControl,
  Select,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import type { Indicator, SpcChartResponse } from '@sankofa/core';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../api/me.ts';
import { useOrgUnit } from '../api/org-units.ts';
import { escapeHtml } from '../charts/time-series-model.ts';
import type { ChartExport } from '../charts/use-echarts.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { ChevronDownIcon } from '../components/icons.tsx';
import { useFormatters } from '../format/use-formatters.ts';
import { canManageChart } from './can-manage-chart.ts';
import { downloadSvgAsPng, downloadText, fileStem } from './download.ts';
import { ruleLabel, ruleTag } from './rule-label.ts';
import { SpcChart } from './SpcChart.tsx';
import { spcCsv } from './spc-csv.ts';
import { SpcTable } from './SpcTable.tsx';
import { useSaveChartSettings, useSpcChart } from './use-spc-chart.ts';

/**
 * The indicator's control chart for one org unit, as the signal scan reads it: the preset
 * (switchable by managers), the baseline and phases (click a point: freeze the limits on the
 * months up to it, or start a new phase there, after a confirmation that says everyone will see
 * it), the chart or a table of its numbers, downloads (SVG, PNG, CSV), what the rules found, and
 * how to read the chart.
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
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const [exportError, setExportError] = useState<unknown>(null);
  const exportRef = useRef<ChartExport | null>(null);
  const me = useMe();
  const unit = useOrgUnit(orgUnitId);
  const canManage =
    me.data != null &&
    unit.data !== undefined &&
    canManageChart(me.data.user, unit.data.orgUnit.path);
  const chart = query.data;
  const periodLabels = useMemo(
    () => (chart === undefined ? [] : chart.points.map((p) => format.period(p.period))),
    [chart, format],
  );
  const labels = useMemo(
    () => ({
      centre: t('Centre line'),
      limits: t('Control limits'),
      value: t('Value'),
      ruleTag: (rule: string) => ruleTag(rule, t),
      pointTooltip: (index: number) => {
        const p = chart?.points[index];
        if (p === undefined) {
          return '';
        }
        const n = (v: number | null) => (v === null ? '—' : format.number(v));
        const lines = [
          `<b>${escapeHtml(format.period(p.period))}</b>`,
          `${escapeHtml(t('Value'))}: <b>${escapeHtml(n(p.value))}</b>`,
          `${escapeHtml(t('Centre line'))}: ${escapeHtml(n(p.centre))}`,
          `${escapeHtml(t('Control limits'))}: ${escapeHtml(n(p.lower))} – ${escapeHtml(n(p.upper))}`,
          ...[...new Set(p.rules.map((r) => ruleLabel(r, t)))].map(
            (r) => `<span style="color:#c92a2a">● ${escapeHtml(r)}</span>`,
          ),
        ];
        return lines.join('<br/>');
      },
    }),
    [t, chart, format],
  );
  const stem = chart === undefined ? 'chart' : fileStem(indicator.name, chart.orgUnit.name, 'spc');
  const previousOf = (period: string) => {
    const i = chart?.points.findIndex((p) => p.period === period) ?? -1;
    return i > 0 ? chart!.points[i - 1].period : null;
  };

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
              {canManage && (
                <Select
                  size="xs"
                  w={260}
                  aria-label={t('Rule set')}
                  data-testid="control-chart-preset-select"
                  allowDeselect={false}
                  data={chart.presets.map((p) => ({ value: p.id, label: p.name }))}
                  value={chart.preset.id}
                  onChange={(id) => {
                    if (id !== null && id !== chart.preset.id) {
                      save.mutate({ baselineEnd: chart.baselineEnd, ruleSet: id });
                    }
                  }}
                />
              )}
              <ExportMenu
                chartShown={view === 'chart' && !chart.tooShort}
                onSvg={() => {
                  const handle = exportRef.current;
                  if (handle) {
                    downloadText(handle.svg(), 'image/svg+xml;charset=utf-8', `${stem}.svg`);
                  }
                }}
                onPng={() => {
                  const handle = exportRef.current;
                  if (handle) {
                    downloadSvgAsPng(handle.svg(), handle.size(), `${stem}.png`).catch(
                      (error: unknown) => setExportError(error),
                    );
                  }
                }}
                onCsv={() => downloadText(spcCsv(chart), 'text/csv;charset=utf-8', `${stem}.csv`)}
              />
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
                {settingsText(chart, t, format.period, canManage)}
              </Text>
              <Group gap="xs">
                {canManage && chart.baselineEnd !== null && chart.phaseEnds.length === 0 && (
                  <Button
                    size="xs"
                    variant="default"
                    loading={save.isPending}
                    onClick={() => save.mutate({ baselineEnd: null })}
                  >
                    {t('Unfreeze the limits')}
                  </Button>
                )}
                {canManage && chart.phaseEnds.length > 0 && (
                  <Button
                    size="xs"
                    variant="default"
                    data-testid="remove-phases"
                    loading={save.isPending}
                    onClick={() => save.mutate({ baselineEnd: null, phaseEnds: [] })}
                  >
                    {t('Remove the phases')}
                  </Button>
                )}
                <SegmentedControl
                  size="xs"
                  data-testid="control-chart-view"
                  value={view}
                  onChange={(v) => setView(v === 'table' ? 'table' : 'chart')}
                  data={[
                    { value: 'chart', label: t('Chart') },
                    { value: 'table', label: t('Table') },
                  ]}
                />
              </Group>
            </Group>
            {save.error && <ErrorNotice error={save.error} />}
            {exportError !== null && <ErrorNotice error={exportError} />}
            {view === 'table' && <SpcTable chart={chart} />}
            <div style={view === 'table' ? { display: 'none' } : undefined}>
              <SpcChart
                chart={chart}
                exportRef={exportRef}
                periodLabels={periodLabels}
                labels={labels}
                height={360}
                description={t(
                  'Control chart of {{indicator}} for {{orgUnit}}, {{months}} months.',
                  {
                    indicator: indicator.name,
                    orgUnit: chart.orgUnit.name,
                    months: chart.points.length,
                  },
                )}
                onPointClick={canManage ? setPending : undefined}
              />
            </div>
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
            : t('Change the limits at {{period}}?', { period: format.period(pending) })
        }
      >
        <Stack>
          <Text size="sm">
            {t(
              'Freeze: the limits are computed from the months up to this one, and later months are judged against them. New phase: the chart starts afresh from this month, with its own centre line and limits (for a change that moved the level on purpose).',
            )}
          </Text>
          <Text size="sm">
            {t(
              'Everyone who opens this chart will see the new limits, and the next signal scan uses them. The change is recorded.',
            )}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setPending(null)}>
              {t('Cancel')}
            </Button>
            {pending !== null && previousOf(pending) !== null && (
              <Button
                variant="light"
                data-testid="start-phase"
                loading={save.isPending}
                onClick={() => {
                  const end = pending === null ? null : previousOf(pending);
                  if (end !== null && chart !== undefined) {
                    save.mutate(
                      { baselineEnd: null, phaseEnds: [...chart.phaseEnds, end] },
                      { onSettled: () => setPending(null) },
                    );
                  }
                }}
              >
                {t('Start a new phase here')}
              </Button>
            )}
            <Button
              data-testid="freeze-limits"
              loading={save.isPending}
              onClick={() => {
                if (pending !== null) {
                  save.mutate(
                    { baselineEnd: pending, phaseEnds: [] },
                    { onSettled: () => setPending(null) },
                  );
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

function ExportMenu({
  chartShown,
  onSvg,
  onPng,
  onCsv,
}: {
  /** The chart is drawn (not the table, not too short): it can be saved as a picture. */
  readonly chartShown: boolean;
  readonly onSvg: () => void;
  readonly onPng: () => void;
  readonly onCsv: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          size="xs"
          variant="default"
          rightSection={<ChevronDownIcon size={12} />}
          data-testid="control-chart-export"
        >
          {t('Download')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={onSvg} disabled={!chartShown} data-testid="export-svg">
          {t('Chart as SVG')}
        </Menu.Item>
        <Menu.Item onClick={onPng} disabled={!chartShown} data-testid="export-png">
          {t('Chart as PNG')}
        </Menu.Item>
        <Menu.Item onClick={onCsv} data-testid="export-csv">
          {t('Data as CSV')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

/** What the limits are computed from, in words. */
function settingsText(
  chart: SpcChartResponse,
  t: ReturnType<typeof useTranslation>['t'],
  period: (id: string) => string,
  canManage: boolean,
): string {
  if (chart.phaseEnds.length > 0) {
    const starts = chart.phaseEnds.flatMap((end) => {
      const i = chart.points.findIndex((p) => p.period === end);
      const next = chart.points[i + 1];
      return i < 0 || next === undefined ? [] : [period(next.period)];
    });
    return t(
      'The chart is split into phases, each with its own limits; new phases start in {{months}}.',
      {
        months: starts.join(', '),
      },
    );
  }
  if (chart.baselineEnd !== null) {
    return t('Limits frozen on the months up to {{period}}.', {
      period: period(chart.baselineEnd),
    });
  }
  return canManage
    ? t(
        'Limits computed from every month shown. Click a point to freeze them on the months up to it, or to start a new phase.',
      )
    : t('Limits computed from every month shown.');
}
