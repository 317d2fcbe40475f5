import type { DataValueSeriesResponse, Indicator } from '@sankofa/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { indicatorSeriesModel, latestPoint } from '../charts/indicator-series-model.ts';
import type { TimeSeriesModel } from '../charts/time-series-model.ts';
import { useFormatters } from '../format/use-formatters.ts';

export interface IndicatorChart {
  readonly model: TimeSeriesModel;
  /** What the chart shows, in words, for screen readers. */
  readonly description: string;
  /** The latest value with its unit and period, or `null` when there is no value. */
  readonly latest: { readonly display: string; readonly period: string } | null;
}

/** The chart model, its description and the latest value for one indicator series. */
export function useIndicatorChart(
  series: DataValueSeriesResponse | undefined,
  indicator: Indicator,
): IndicatorChart | null {
  const { t } = useTranslation();
  const format = useFormatters();
  return useMemo(() => {
    if (series === undefined) {
      return null;
    }
    const xAxisName =
      series.periodType === 'Monthly'
        ? t('Month')
        : series.periodType === 'Quarterly'
          ? t('Quarter')
          : series.periodType === 'Yearly'
            ? t('Year')
            : t('Period');
    const model = indicatorSeriesModel(series, indicator, format, {
      xAxisName,
      yAxisName: format.unitName(indicator),
      noData: t('No data'),
      target: (display) => t('Target: {{value}}', { value: display }),
    });
    const last = latestPoint(series.points);
    const latest =
      last === null || last.value === null
        ? null
        : { display: format.value(last.value, indicator), period: format.period(last.period) };
    const first = series.points[0];
    const end = series.points[series.points.length - 1];
    const parts = [
      first && end
        ? t('Line chart of {{indicator}} from {{from}} to {{to}}.', {
            indicator: indicator.name,
            from: format.period(first.period),
            to: format.period(end.period),
          })
        : indicator.name,
      latest
        ? t('Latest value: {{value}} in {{period}}.', {
            value: latest.display,
            period: latest.period,
          })
        : t('No data for this period range.'),
      model.target ? `${model.target.label}.` : '',
    ];
    return { model, description: parts.filter(Boolean).join(' '), latest };
  }, [series, indicator, format, t]);
}
