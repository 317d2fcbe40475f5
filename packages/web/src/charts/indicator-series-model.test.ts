import type { SeriesPoint } from '@sankofa/core';
import { describe, expect, it } from 'vitest';
import {
  indicatorSeriesModel,
  latestPoint,
  type ChartedIndicator,
} from './indicator-series-model.ts';
import { toEChartsOption, type ChartPalette } from './time-series-model.ts';

const indicator: ChartedIndicator = {
  name: 'ANC 4th visit <coverage>',
  indicatorType: { id: 'ItPercent01', name: 'Percent', factor: 100 },
  decimals: null,
  kind: 'proportion',
  target: 80,
};

function point(period: string, value: number | null): SeriesPoint {
  return { period, startDate: '', endDate: '', value };
}

const points = [point('202401', 50), point('202402', null), point('202403', 62.25)];

const model = indicatorSeriesModel(
  { points },
  indicator,
  {
    locale: 'en',
    period: (id) => `P${id}`,
    value: (v) => `${v.toFixed(1)}%`,
  },
  {
    xAxisName: 'Month',
    yAxisName: 'Percent',
    noData: 'No data',
    target: (display) => `Target: ${display}`,
  },
);

const palette: ChartPalette = { line: 'L', target: 'T', text: 'X', axis: 'A', split: 'S' };

describe('indicatorSeriesModel', () => {
  it('labels every point and keeps missing values as null', () => {
    expect(model.points).toEqual([
      { key: '202401', label: 'P202401', value: 50, display: '50.0%' },
      { key: '202402', label: 'P202402', value: null, display: 'No data' },
      { key: '202403', label: 'P202403', value: 62.25, display: '62.3%' },
    ]);
    expect(model.target).toEqual({ value: 80, label: 'Target: 80.0%' });
    expect(model.yAxis).toEqual({ name: 'Percent', locale: 'en', decimals: 1 });
  });

  it('finds the latest value', () => {
    expect(latestPoint(points)?.period).toBe('202403');
    expect(latestPoint([point('202401', null)])).toBeNull();
  });
});

describe('toEChartsOption', () => {
  const option = toEChartsOption(model, palette, { compact: true });
  const series = (Array.isArray(option.series) ? option.series[0] : option.series) as {
    data: unknown[];
    connectNulls: boolean;
    markLine: { data: unknown[]; lineStyle: { type: string } };
  };

  it('breaks the line at missing values', () => {
    expect(series.data).toEqual([50, null, 62.25]);
    expect(series.connectNulls).toBe(false);
  });

  it('draws the target as a dashed line', () => {
    expect(series.markLine.data).toEqual([{ yAxis: 80, name: 'Target: 80.0%' }]);
    expect(series.markLine.lineStyle.type).toBe('dashed');
  });

  it('raises the value axis to the target, and escapes names in the tooltip', () => {
    const yAxis = option.yAxis as { max: (e: { min: number; max: number }) => number | undefined };
    expect(yAxis.max({ min: 0, max: 62.25 })).toBe(80);
    expect(yAxis.max({ min: 0, max: 95 })).toBeUndefined();
    const tooltip = option.tooltip as { formatter: (p: unknown) => string };
    expect(tooltip.formatter([{ dataIndex: 0 }])).toBe(
      'P202401<br/>ANC 4th visit &#60;coverage&#62;: <b>50.0%</b>',
    );
  });
});
