/**
 * Builds the plain chart model for one indicator series from the API answer. Labels arrive
 * already translated, so this stays a pure function.
 */
import type { DataValueSeriesResponse, Indicator, SeriesPoint } from '@sankofa/core';
import { decimalsFor } from '../format/indicator-value.ts';
import type { TimeSeriesModel } from './time-series-model.ts';

/** What the model needs from an indicator. */
export type ChartedIndicator = Pick<
  Indicator,
  'name' | 'indicatorType' | 'decimals' | 'kind' | 'target'
>;

/** Formatting, in the current language. */
export interface SeriesFormat {
  readonly locale: string;
  readonly period: (id: string) => string;
  readonly value: (value: number, indicator: ChartedIndicator) => string;
}

/** Translated labels. */
export interface SeriesLabels {
  readonly xAxisName: string;
  readonly yAxisName: string;
  /** Shown in the tooltip for a period without data. */
  readonly noData: string;
  /** The target line label from the formatted target, e.g. "Target: 80%". */
  readonly target: (display: string) => string;
}

/** Builds a {@link TimeSeriesModel} for an indicator series. */
export function indicatorSeriesModel(
  series: Pick<DataValueSeriesResponse, 'points'>,
  indicator: ChartedIndicator,
  format: SeriesFormat,
  labels: SeriesLabels,
): TimeSeriesModel {
  return {
    seriesName: indicator.name,
    points: series.points.map((point) => ({
      key: point.period,
      label: format.period(point.period),
      value: point.value,
      display: point.value === null ? labels.noData : format.value(point.value, indicator),
    })),
    xAxisName: labels.xAxisName,
    yAxis: {
      name: labels.yAxisName,
      locale: format.locale,
      decimals: decimalsFor(indicator.decimals, indicator.indicatorType.factor),
    },
    target:
      indicator.target === null
        ? null
        : {
            value: indicator.target,
            label: labels.target(format.value(indicator.target, indicator)),
          },
  };
}

/** The most recent point that has a value, or `null` when none has. */
export function latestPoint(points: readonly SeriesPoint[]): SeriesPoint | null {
  for (let i = points.length - 1; i >= 0; i -= 1) {
    if (points[i].value !== null) {
      return points[i];
    }
  }
  return null;
}
