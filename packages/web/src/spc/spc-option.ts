/**
 * The ECharts option of an SPC chart: the values (points that a rule flagged in red, larger),
 * the centre line and the 3-sigma limits drawn per part (a gap between parts), the baseline's
 * points filled and later ones hollow when the limits are frozen. Pure: tested without a browser.
 */
import type { SpcChartResponse } from '@sankofa/core';
import type { TimeSeriesOption } from '../charts/time-series-model.ts';

export interface SpcPalette {
  readonly line: string;
  readonly signal: string;
  readonly centre: string;
  readonly limit: string;
  readonly text: string;
  readonly split: string;
}

export interface SpcLabels {
  readonly periods: readonly string[];
  readonly centre: string;
  readonly limits: string;
  readonly value: string;
  /** The tooltip of the month at this index (value, limits, the rules that fired), as HTML-safe text lines. */
  readonly pointTooltip?: (index: number) => string;
  /** A rule's short name, written above the last point of each finding (overlapping ones hidden). */
  readonly ruleTag?: (rule: string) => string;
}

/** The short names of the rules whose findings end at each point, by point index. */
export function findingTags(
  chart: SpcChartResponse,
  ruleTag: (rule: string) => string,
): Map<number, string[]> {
  const index = new Map(chart.points.map((p, i) => [p.period, i]));
  const tags = new Map<number, string[]>();
  for (const f of chart.findings) {
    const last = index.get(f.periods[f.periods.length - 1]);
    if (last === undefined) {
      continue;
    }
    const tag = ruleTag(f.rule);
    const at = tags.get(last) ?? [];
    if (!at.includes(tag)) {
      tags.set(last, [...at, tag]);
    }
  }
  return tags;
}

export function spcOption(
  chart: SpcChartResponse,
  labels: SpcLabels,
  palette: SpcPalette,
): TimeSeriesOption {
  const { pointTooltip, ruleTag } = labels;
  const tags = ruleTag === undefined ? new Map<number, string[]>() : findingTags(chart, ruleTag);
  // One series per part for the lines, so they break where a phase starts.
  const parts = [...new Set(chart.points.map((p) => p.part))];
  const partLine = (
    name: string,
    color: string,
    dashed: boolean,
    pick: (p: SpcChartResponse['points'][number]) => number | null,
  ) =>
    parts.map((part) => ({
      type: 'line' as const,
      name,
      data: chart.points.map((p) => (p.part === part ? pick(p) : null)),
      showSymbol: false,
      silent: true,
      connectNulls: false,
      lineStyle: {
        color,
        width: dashed ? 1.5 : 2,
        type: dashed ? ('dashed' as const) : ('solid' as const),
      },
      itemStyle: { color },
      z: 1,
    }));
  return {
    animation: false,
    grid: { left: 56, right: 24, top: 24, bottom: 40 },
    tooltip:
      pointTooltip === undefined
        ? { trigger: 'axis' }
        : {
            trigger: 'axis',
            formatter: (params: unknown) => {
              const first = (Array.isArray(params) ? params[0] : params) as { dataIndex?: number };
              return typeof first?.dataIndex === 'number' ? pointTooltip(first.dataIndex) : '';
            },
          },
    xAxis: {
      type: 'category',
      data: [...labels.periods],
      axisLabel: { color: palette.text },
    },
    yAxis: {
      type: 'value',
      scale: true,
      axisLabel: { color: palette.text },
      splitLine: { lineStyle: { color: palette.split } },
    },
    series: [
      ...partLine(labels.centre, palette.centre, false, (p) => p.centre),
      ...partLine(labels.limits, palette.limit, true, (p) => p.upper),
      ...partLine(labels.limits, palette.limit, true, (p) => p.lower),
      {
        type: 'line',
        name: labels.value,
        data: chart.points.map((p, i) => ({
          value: p.value,
          label: tags.has(i)
            ? {
                show: true,
                position: 'top' as const,
                // Near the edges the text runs inwards, so it is not cut off.
                align: edgeAlign(i, chart.points.length),
                formatter: tags.get(i)!.join(' · '),
                color: palette.signal,
                fontSize: 11,
              }
            : undefined,
          symbolSize: p.rules.length > 0 ? 11 : 7,
          itemStyle: {
            color: p.rules.length > 0 ? palette.signal : p.baseline ? palette.line : '#ffffff',
            borderColor: p.rules.length > 0 ? palette.signal : palette.line,
            borderWidth: 2,
          },
        })),
        showSymbol: true,
        symbol: 'circle',
        connectNulls: false,
        lineStyle: { color: palette.line, width: 2 },
        labelLayout: { hideOverlap: true },
        z: 3,
      },
    ],
  };
}

/** Text alignment of a label at point `i` of `n`: inwards near either edge of the chart. */
function edgeAlign(i: number, n: number): 'left' | 'center' | 'right' {
  if (i >= n - Math.max(2, Math.round(n / 8))) {
    return 'right';
  }
  return i < Math.max(2, Math.round(n / 8)) ? 'left' : 'center';
}
