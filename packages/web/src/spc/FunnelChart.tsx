import { useMantineTheme } from '@mantine/core';
import type { FunnelChartResponse } from '@sankofa/core';
import { useEffect, useRef } from 'react';
import { ChartLoadFailed } from '../charts/ChartLoadFailed.tsx';
import { useEcharts } from '../charts/use-echarts.ts';
import { funnelOption, funnelUnits, type FunnelLabels } from './funnel-option.ts';

/**
 * Draws a funnel plot (ECharts, SVG). After each draw it writes the units drawn into
 * `data-units` ([id, outlier] in drawing order), so tests can read what is shown.
 */
export function FunnelChart({
  funnel,
  labels,
  description,
  height,
}: {
  readonly funnel: FunnelChartResponse;
  readonly labels: FunnelLabels;
  readonly description: string;
  readonly height: number;
}) {
  const theme = useMantineTheme();
  const container = useRef<HTMLDivElement>(null);
  const { instance, status } = useEcharts(container);
  useEffect(() => {
    const current = instance.current;
    const element = container.current;
    if (status !== 'ready' || current === null || element === null) {
      return;
    }
    current.setOption(
      funnelOption(funnel, labels, {
        unit: theme.colors.gray[6],
        highlight: theme.colors.indigo[7],
        outlier: theme.colors.red[7],
        centre: theme.colors.gray[7],
        limit: theme.colors.orange[7],
        inner: theme.colors.gray[4],
        text: theme.colors.gray[7],
        split: theme.colors.gray[2],
      }),
      { notMerge: true },
    );
    element.dataset.units = JSON.stringify(
      funnelUnits(funnel).map((u) => [u.id, u.funnel?.outlier ?? null]),
    );
  }, [funnel, labels, theme, status, instance]);
  return (
    <>
      {status === 'failed' && <ChartLoadFailed />}
      <div
        ref={container}
        role="img"
        aria-label={description}
        data-testid="funnel-chart"
        data-status={status}
        style={{ height, width: '100%' }}
      />
    </>
  );
}
