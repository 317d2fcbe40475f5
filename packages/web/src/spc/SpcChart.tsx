import { Box, useMantineTheme } from '@mantine/core';
import type { SpcChartResponse } from '@sankofa/core';
import { useEffect, useRef, type RefObject } from 'react';
import { ChartLoadFailed } from '../charts/ChartLoadFailed.tsx';
import { chartExport, useEcharts, type ChartExport } from '../charts/use-echarts.ts';
import { spcOption, type SpcLabels } from './spc-option.ts';

export interface SpcChartProps {
  readonly chart: SpcChartResponse;
  readonly periodLabels: readonly string[];
  readonly labels: Omit<SpcLabels, 'periods'>;
  readonly description: string;
  /** Told the period of a clicked point. */
  readonly onPointClick?: (period: string) => void;
  readonly height: number;
  /** Set to the drawn chart's export handle (SVG), for download buttons. */
  readonly exportRef?: RefObject<ChartExport | null>;
}

/**
 * Draws an SPC chart (ECharts, SVG) and reports clicks on its points. After each draw it writes
 * every point's position on the page into `data-points` ([period, x, y] in CSS pixels within the
 * chart), so a point can be found and clicked without reading the picture.
 */
export function SpcChart({
  chart,
  periodLabels,
  labels,
  description,
  onPointClick,
  height,
  exportRef,
}: SpcChartProps) {
  const theme = useMantineTheme();
  const container = useRef<HTMLDivElement>(null);
  const { instance, status } = useEcharts(container);
  const clicked = useRef(onPointClick);
  useEffect(() => {
    clicked.current = onPointClick;
  }, [onPointClick]);

  useEffect(() => {
    const current = instance.current;
    const element = container.current;
    if (status !== 'ready' || current === null || element === null) {
      return;
    }
    const option = spcOption(
      chart,
      { periods: periodLabels, ...labels },
      {
        line: theme.colors.indigo[7],
        signal: theme.colors.red[7],
        centre: theme.colors.gray[7],
        limit: theme.colors.orange[7],
        text: theme.colors.gray[7],
        split: theme.colors.gray[2],
      },
    );
    current.setOption(option, { notMerge: true });
    if (exportRef) {
      exportRef.current = chartExport(current);
    }
    // The values are the last series (after the centre line and limits of each part).
    const seriesIndex = (option.series as unknown[]).length - 1;
    current.off('click');
    current.on('click', (params) => {
      if (params.seriesIndex === seriesIndex && typeof params.dataIndex === 'number') {
        const point = chart.points[params.dataIndex];
        if (point !== undefined) {
          clicked.current?.(point.period);
        }
      }
    });
    const positions = chart.points.flatMap((p, i) => {
      if (p.value === null) {
        return [];
      }
      const [x, y] = current.convertToPixel({ seriesIndex }, [i, p.value]) as [number, number];
      return [[p.period, Math.round(x), Math.round(y)]];
    });
    element.dataset.points = JSON.stringify(positions);
    element.dataset.baselineEnd = chart.baselineEnd ?? '';
    element.dataset.upper = JSON.stringify(chart.points.map((p) => p.upper));
  }, [chart, periodLabels, labels, theme, status, instance, exportRef]);

  return (
    <Box pos="relative">
      {status === 'failed' && <ChartLoadFailed />}
      <div
        ref={container}
        role="img"
        aria-label={description}
        data-testid="spc-chart"
        data-status={status}
        style={{ height, width: '100%', cursor: onPointClick ? 'pointer' : undefined }}
      />
    </Box>
  );
}
