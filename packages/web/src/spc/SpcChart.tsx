import { Box, useMantineTheme } from '@mantine/core';
import type { SpcChartResponse } from '@sankofa/core';
import type { EChartsType } from 'echarts/core';
import { useEffect, useRef, useState } from 'react';
import { loadEcharts } from '../charts/load-echarts.ts';
import { spcOption } from './spc-option.ts';

export interface SpcChartProps {
  readonly chart: SpcChartResponse;
  readonly periodLabels: readonly string[];
  readonly labels: { readonly centre: string; readonly limits: string; readonly value: string };
  readonly description: string;
  /** Told the period of a clicked point. */
  readonly onPointClick?: (period: string) => void;
  readonly height: number;
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
}: SpcChartProps) {
  const theme = useMantineTheme();
  const container = useRef<HTMLDivElement>(null);
  const instance = useRef<EChartsType | null>(null);
  const [ready, setReady] = useState(false);
  const clicked = useRef(onPointClick);
  useEffect(() => {
    clicked.current = onPointClick;
  }, [onPointClick]);

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | null = null;
    void loadEcharts().then(({ init }) => {
      const element = container.current;
      if (disposed || element === null) {
        return;
      }
      const created = init(element, null, { renderer: 'svg' });
      instance.current = created;
      observer = new ResizeObserver(() => created.resize());
      observer.observe(element);
      setReady(true);
    });
    return () => {
      disposed = true;
      observer?.disconnect();
      instance.current?.dispose();
      instance.current = null;
    };
  }, []);

  useEffect(() => {
    const current = instance.current;
    const element = container.current;
    if (!ready || current === null || element === null) {
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
  }, [chart, periodLabels, labels, theme, ready]);

  return (
    <Box pos="relative">
      <div
        ref={container}
        role="img"
        aria-label={description}
        data-testid="spc-chart"
        data-status={ready ? 'ready' : 'loading'}
        style={{ height, width: '100%', cursor: onPointClick ? 'pointer' : undefined }}
      />
    </Box>
  );
}
