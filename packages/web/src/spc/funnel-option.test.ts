import type { FunnelChartResponse } from '@sankofa/core';
import { describe, expect, it } from 'vitest';
import { funnelOption, funnelUnits } from './funnel-option.ts';

const limits = { lower95: 40, upper95: 60, lower998: 35, upper998: 65 };
const unit = (id: string, value: number | null, outlier: 'high' | 'low' | null = null) => ({
  id,
  name: `Unit ${id}`,
  numerator: value,
  denominator: value === null ? null : 100,
  value,
  funnel: value === null ? null : { ...limits, z: 0, outlier, outlier95: outlier },
});
const funnel = {
  highlight: 'b',
  target: 50,
  curve: [
    { n: 10, ...limits },
    { n: 200, ...limits },
  ],
  units: [unit('a', 50), unit('b', 52), unit('c', 80, 'high'), unit('d', null)],
} as unknown as FunnelChartResponse;
const palette = {
  unit: 'blue',
  highlight: 'indigo',
  outlier: 'red',
  centre: 'grey',
  limit: 'orange',
  inner: 'silver',
  text: 'black',
  split: 'white',
};
const labels = {
  units: 'Units',
  centre: 'Centre',
  limits998: '99.8 %',
  limits95: '95 %',
  denominator: 'Denominator',
  unitTooltip: (u: { name: string }) => u.name,
};

describe('funnelOption', () => {
  it('draws the units with a value, the outlier in red, the page unit larger, and the limits', () => {
    expect(funnelUnits(funnel).map((u) => u.id)).toEqual(['a', 'b', 'c']);
    const series = funnelOption(funnel, labels, palette).series as {
      type: string;
      data:
        | { value?: number[]; symbolSize?: number; itemStyle?: { borderColor: string } }[]
        | number[][];
    }[];
    expect(series.map((s) => s.type)).toEqual(['line', 'line', 'line', 'line', 'line', 'scatter']);
    expect(series[0].data).toEqual([
      [10, 65],
      [200, 65],
    ]);
    expect(series[4].data).toEqual([
      [10, 50],
      [200, 50],
    ]);
    const points = series[5].data as {
      value: number[];
      symbolSize: number;
      itemStyle: { borderColor: string };
    }[];
    expect(points.map((p) => p.value)).toEqual([
      [100, 50],
      [100, 52],
      [100, 80],
    ]);
    expect(points.map((p) => p.itemStyle.borderColor)).toEqual(['blue', 'indigo', 'red']);
    expect(points.map((p) => p.symbolSize)).toEqual([9, 14, 9]);
  });
});
