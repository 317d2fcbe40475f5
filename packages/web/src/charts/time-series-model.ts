/**
 * The plain model a time-series chart is drawn from, and its translation into an ECharts option.
 * Pages build the model (labels already translated and formatted); this file only draws.
 */
import type { LineSeriesOption } from 'echarts/charts';
import type {
  GridComponentOption,
  MarkLineComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';

export type TimeSeriesOption = ComposeOption<
  LineSeriesOption | GridComponentOption | TooltipComponentOption | MarkLineComponentOption
>;

/** One point: `value` is `null` where there is no data, and the line is broken there. */
export interface TimeSeriesPoint {
  /** The period id, e.g. `202401`. */
  readonly key: string;
  /** The period label shown on the axis, e.g. "Jan 2024". */
  readonly label: string;
  readonly value: number | null;
  /** The value as shown in the tooltip, with its unit, e.g. "45.2%". */
  readonly display: string;
}

export interface TimeSeriesModel {
  readonly seriesName: string;
  readonly points: readonly TimeSeriesPoint[];
  readonly xAxisName: string;
  readonly yAxis: {
    readonly name: string;
    /** Language for the axis numbers. */
    readonly locale: string;
    readonly decimals: number;
  };
  /** A dashed horizontal line, e.g. the indicator's target. */
  readonly target: { readonly value: number; readonly label: string } | null;
}

/** Colours, from the app theme. */
export interface ChartPalette {
  readonly line: string;
  readonly target: string;
  readonly text: string;
  readonly axis: string;
  readonly split: string;
}

export interface ChartLayout {
  /** Small multiples (dashboard cards): smaller type and margins. */
  readonly compact: boolean;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function dataIndexOf(params: unknown): number | null {
  const first: unknown = Array.isArray(params) ? params[0] : params;
  if (typeof first !== 'object' || first === null) {
    return null;
  }
  const index = (first as { dataIndex?: unknown }).dataIndex;
  return typeof index === 'number' ? index : null;
}

/**
 * The value axis keeps ECharts' automatic, zero-based extent, but reaches up to the target when
 * every value lies below it, so the target line is always drawn.
 */
function maxWithTarget(target: number | null) {
  return (extent: { min: number; max: number }): number | undefined =>
    target !== null && !(extent.max >= target) ? target : undefined;
}

/** Translates a model into an ECharts option (no animation, gaps for missing values). */
export function toEChartsOption(
  model: TimeSeriesModel,
  palette: ChartPalette,
  layout: ChartLayout,
): TimeSeriesOption {
  const fontSize = layout.compact ? 11 : 12;
  const numberFormat = new Intl.NumberFormat(model.yAxis.locale, {
    maximumFractionDigits: model.yAxis.decimals,
  });
  const target = model.target;
  return {
    animation: false,
    textStyle: { color: palette.text, fontSize },
    grid: layout.compact
      ? { left: 48, right: 12, top: 28, bottom: 44 }
      : { left: 64, right: 24, top: 40, bottom: 56 },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'line' },
      confine: true,
      formatter: (params: unknown) => {
        const index = dataIndexOf(params);
        const point = index === null ? undefined : model.points[index];
        if (point === undefined) {
          return '';
        }
        return `${escapeHtml(point.label)}<br/>${escapeHtml(model.seriesName)}: <b>${escapeHtml(point.display)}</b>`;
      },
    },
    xAxis: {
      type: 'category',
      data: model.points.map((p) => p.label),
      boundaryGap: false,
      name: model.xAxisName,
      nameLocation: 'middle',
      nameGap: layout.compact ? 28 : 34,
      axisLine: { lineStyle: { color: palette.axis } },
      axisTick: { alignWithLabel: true },
      axisLabel: { hideOverlap: true, color: palette.text, fontSize },
    },
    yAxis: {
      type: 'value',
      name: model.yAxis.name,
      nameLocation: 'end',
      nameGap: 12,
      nameTextStyle: { align: 'left', color: palette.text, fontSize },
      max: maxWithTarget(target?.value ?? null),
      splitLine: { lineStyle: { color: palette.split } },
      axisLabel: {
        color: palette.text,
        fontSize,
        formatter: (v: number) => numberFormat.format(v),
      },
    },
    series: [
      {
        type: 'line',
        name: model.seriesName,
        data: model.points.map((p) => p.value),
        connectNulls: false,
        showSymbol: true,
        // Dots stay (a value between two gaps has no line), but shrink when there are many.
        symbolSize: model.points.length > 24 ? (layout.compact ? 2 : 4) : layout.compact ? 4 : 6,
        lineStyle: { color: palette.line, width: 2 },
        itemStyle: { color: palette.line },
        markLine:
          target === null
            ? undefined
            : {
                silent: true,
                symbol: 'none',
                lineStyle: { type: 'dashed', color: palette.target, width: 1.5 },
                label: {
                  formatter: target.label,
                  position: 'insideEndTop',
                  color: palette.target,
                  fontSize,
                },
                data: [{ yAxis: target.value, name: target.label }],
              },
      },
    ],
  };
}
