import type { Indicator } from '@sankofa/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { decimalsFor, formatNumber, unitOfFactor } from './indicator-value.ts';
import { formatPeriod } from './period-label.ts';

/** What formatting needs from an indicator. */
export type IndicatorFormat = Pick<Indicator, 'indicatorType' | 'decimals' | 'kind'>;

export interface Formatters {
  /** The current language, e.g. `fr`. */
  readonly locale: string;
  /** A period id as a label: `202401` → "Jan 2024". */
  readonly period: (id: string) => string;
  /** A plain number with at most `decimals` decimals. */
  readonly number: (value: number, decimals?: number) => string;
  /** An indicator value with its unit: "45.2%", "3.1 per 1,000". */
  readonly value: (value: number, indicator: IndicatorFormat) => string;
  /** The value axis name for an indicator: "Percent", "Per 1,000"… */
  readonly unitName: (indicator: IndicatorFormat) => string;
}

/** Formatters in the current language; they change when the language does. */
export function useFormatters(): Formatters {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? i18n.language;
  return useMemo(() => {
    const quarterLabel = (quarter: number, year: number) =>
      t('Q{{quarter}} {{year}}', { quarter, year: String(year) });
    const number = (value: number, decimals = 2) => formatNumber(value, locale, decimals);
    return {
      locale,
      period: (id) => formatPeriod(id, locale, quarterLabel),
      number,
      value: (value, indicator) => {
        const factor = indicator.indicatorType.factor;
        const text = number(value, decimalsFor(indicator.decimals, factor));
        const unit = unitOfFactor(factor);
        switch (unit.kind) {
          case 'percent':
            return t('{{value}}%', { value: text });
          case 'per':
            return t('{{value}} per {{factor}}', { value: text, factor: number(unit.factor, 0) });
          case 'none':
            return text;
        }
      },
      unitName: (indicator) => {
        const unit = unitOfFactor(indicator.indicatorType.factor);
        switch (unit.kind) {
          case 'percent':
            return t('Percent');
          case 'per':
            return t('Per {{factor}}', { factor: number(unit.factor, 0) });
          case 'none':
            return indicator.kind === 'count' ? t('Count') : t('Value');
        }
      },
    };
  }, [t, locale]);
}
