/**
 * The ECharts option of a funnel plot: each org unit as a point (value against denominator), the
 * 95 % and 99.8 % limits as curves, the centre line, outliers beyond 99.8 % in red and the page's
 * own unit larger and labelled. Pure: tested without a browser.
 */
import type { FunnelChartResponse } from '@sankofa/core';
import type { ScatterSeriesOption } from 'echarts/charts';
import type { ComposeOption } from 'echarts/core';
import type { TimeSeriesOption } from '../charts/time-series-model.ts';

export type FunnelOption = TimeSeriesOption | ComposeOption<ScatterSeriesOption>;

export interface FunnelPalette {
  readonly unit: string;
  readonly highlight: string;
  readonly outlier: string;
  readonly centre: string;
  readonly limit: string;
  readonly inner: string;
  readonly text: string;
  readonly split: string;
}

export interface FunnelLabels {
  readonly units: string;
  readonly centre: string;
  readonly limits998: string;
  readonly limits95: string;
  readonly denominator: string;
  /** The tooltip of one unit. */
  readonly unitTooltip: (unit: FunnelChartResponse['units'][number]) => string;
}

/** The units drawn (those on the funnel), in the order of the scatter series' data. */
export function funnelUnits(funnel: FunnelChartResponse) {
  return funnel.units.filter(
    (u) => u.funnel !== null && u.value !== null && u.denominator !== null,
  );
}

export function funnelOption(
  funnel: FunnelChartResponse,
  labels: FunnelLabels,
  palette: FunnelPalette,
): FunnelOption {
  const units = funnelUnits(funnel);
  const curve = (
    name: string,
    color: string,
    dashed: boolean,
    pick: (c: FunnelChartResponse['curve'][number]) => number,
  ) => ({
    type: 'line' as const,
    name,
    data: funnel.curve.map((c) => [c.n, pick(c)]),
    showSymbol: false,
    silent: true,
    lineStyle: {
      color,
      width: dashed ? 1.5 : 1,
      type: dashed ? ('dashed' as const) : ('dotted' as const),
    },
    itemStyle: { color },
    z: 1,
  });
  const first = funnel.curve[0]?.n ?? 0;
  const last = funnel.curve.at(-1)?.n ?? 0;
  return {
    animation: false,
    grid: { left: 56, right: 24, top: 24, bottom: 48 },
    tooltip: { trigger: 'item' },
    xAxis: {
      type: 'value',
      name: labels.denominator,
      nameLocation: 'middle',
      nameGap: 28,
      scale: true,
      axisLabel: { color: palette.text },
      nameTextStyle: { color: palette.text },
      splitLine: { lineStyle: { color: palette.split } },
    },
    yAxis: {
      type: 'value',
      scale: true,
      axisLabel: { color: palette.text },
      splitLine: { lineStyle: { color: palette.split } },
    },
    series: [
      curve(labels.limits998, palette.limit, true, (c) => c.upper998),
      curve(labels.limits998, palette.limit, true, (c) => c.lower998),
      curve(labels.limits95, palette.inner, false, (c) => c.upper95),
      curve(labels.limits95, palette.inner, false, (c) => c.lower95),
      {
        type: 'line',
        name: labels.centre,
        data:
          funnel.target === null
            ? []
            : [
                [first, funnel.target],
                [last, funnel.target],
              ],
        showSymbol: false,
        silent: true,
        lineStyle: { color: palette.centre, width: 2 },
        itemStyle: { color: palette.centre },
        z: 1,
      },
      {
        type: 'scatter',
        name: labels.units,
        data: units.map((u) => {
          const own = u.id === funnel.highlight;
          const outlier = u.funnel?.outlier != null;
          const color = outlier ? palette.outlier : own ? palette.highlight : palette.unit;
          return {
            value: [u.denominator!, u.value!],
            name: u.name,
            symbolSize: own ? 14 : 9,
            itemStyle: {
              color: own ? color : outlier ? color : '#ffffff',
              borderColor: color,
              borderWidth: 2,
            },
            label:
              own || outlier
                ? { show: true, position: 'right', formatter: u.name, color: palette.text }
                : undefined,
          };
        }),
        tooltip: {
          formatter: (params: { dataIndex: number }) => {
            const unit = units[params.dataIndex];
            return unit === undefined ? '' : labels.unitTooltip(unit);
          },
        },
        z: 3,
      },
    ],
  } as FunnelOption;
}
