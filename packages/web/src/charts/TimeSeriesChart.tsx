import { Box, Center, Loader, Text, useMantineTheme, VisuallyHidden } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ChartLoadFailed } from './ChartLoadFailed.tsx';
import { loadEcharts } from './load-echarts.ts';
import { useEcharts } from './use-echarts.ts';
import { toEChartsOption, type ChartPalette, type TimeSeriesModel } from './time-series-model.ts';

// Chart pages import this module: start fetching ECharts now, in parallel with their data.
void loadEcharts().catch(() => undefined);

export interface TimeSeriesChartProps {
  readonly model: TimeSeriesModel;
  /** Height in pixels. */
  readonly height: number;
  /** Small multiples: smaller type and margins. */
  readonly compact?: boolean;
  /** What the chart shows, for screen readers (the chart itself is an image to them). */
  readonly description: string;
  /** Shown over the chart when no point has a value. */
  readonly emptyLabel: string;
  readonly testId?: string;
}

/** Draws a {@link TimeSeriesModel} as a line chart (ECharts, SVG). */
export function TimeSeriesChart({
  model,
  height,
  compact = false,
  description,
  emptyLabel,
  testId,
}: TimeSeriesChartProps) {
  const { t } = useTranslation();
  const theme = useMantineTheme();
  const container = useRef<HTMLDivElement>(null);
  const { instance: chart, status } = useEcharts(container);

  useEffect(() => {
    if (status !== 'ready') {
      return;
    }
    const palette: ChartPalette = {
      line: theme.colors.indigo[7],
      target: theme.colors.orange[8],
      text: theme.colors.gray[7],
      axis: theme.colors.gray[5],
      split: theme.colors.gray[2],
    };
    chart.current?.setOption(toEChartsOption(model, palette, { compact }), { notMerge: true });
  }, [model, compact, theme, status, chart]);

  const empty = model.points.every((point) => point.value === null);
  const overlay =
    status === 'failed' ? (
      <ChartLoadFailed />
    ) : status === 'loading' ? (
      <span role="status">
        <Loader size="sm" />
        <VisuallyHidden>{t('Loading…')}</VisuallyHidden>
      </span>
    ) : empty ? (
      <Text c="dimmed" size="sm">
        {emptyLabel}
      </Text>
    ) : null;
  return (
    <Box pos="relative" data-testid={testId} data-status={status}>
      <div ref={container} role="img" aria-label={description} style={{ height, width: '100%' }} />
      {overlay && (
        <Center pos="absolute" inset={0} style={{ pointerEvents: 'none' }}>
          {overlay}
        </Center>
      )}
    </Box>
  );
}
