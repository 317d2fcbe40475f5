/** How indicator values are written: decimals and unit from the indicator's definition. */

/** The unit an indicator factor gives its values. */
export type ValueUnit =
  | { readonly kind: 'percent' }
  | { readonly kind: 'per'; readonly factor: number }
  | { readonly kind: 'none' };

/** Factor 100 is a percentage, 1,000 or more "per N", and 1 (or anything else) has no unit. */
export function unitOfFactor(factor: number): ValueUnit {
  if (factor === 100) {
    return { kind: 'percent' };
  }
  if (factor >= 1000) {
    return { kind: 'per', factor };
  }
  return { kind: 'none' };
}

/** Decimals to show: the indicator's own, else 1 for rates and percentages, 0 for counts. */
export function decimalsFor(decimals: number | null, factor: number): number {
  if (decimals !== null) {
    return decimals;
  }
  return factor === 1 ? 0 : 1;
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** Formats a number in the given language with at most `decimals` decimals. */
export function formatNumber(value: number, locale: string, decimals: number): string {
  const key = `${locale}|${decimals}`;
  let format = numberFormats.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: decimals });
    numberFormats.set(key, format);
  }
  return format.format(value);
}
