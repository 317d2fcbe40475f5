/**
 * An indicator's value from its numerator and denominator: `numerator / denominator × factor`,
 * annualised when the indicator says so.
 *
 * Annualisation follows dhis2-core `DefaultExpressionService.getIndicatorValueObject`: the
 * multiplier becomes `factor × 365` (`DateUtils.DAYS_IN_YEAR`, the same in leap years) and the
 * divisor the days of the period, both ends included. So a monthly value is multiplied by
 * 365/31 in January and 365/29 in February 2024, a quarterly one by 365/91 for 2024Q1 and a
 * yearly one by 365/366 for 2024.
 */

/** DHIS2's `DateUtils.DAYS_IN_YEAR`: annualisation always uses 365. */
export const DAYS_IN_YEAR = 365;

export interface IndicatorValueInput {
  readonly numerator: number | null;
  readonly denominator: number | null;
  /** The indicator type's factor: 100 for %, 1000 for per thousand, 1 for a number. */
  readonly factor: number;
  /** Multiply by (365 / days in the period), as DHIS2 does for annualised indicators. */
  readonly annualized?: boolean;
  /** Days in the period, needed when annualised. */
  readonly periodDays?: number;
  /** Days of a year for annualisation; default {@link DAYS_IN_YEAR} (365), as DHIS2. */
  readonly yearDays?: number;
}

/** The indicator value, or null when numerator or denominator has no value or the denominator is 0. */
export function computeIndicatorValue(input: IndicatorValueInput): number | null {
  const { numerator, denominator, factor } = input;
  if (numerator === null || denominator === null || denominator === 0) {
    return null;
  }
  let value = (numerator / denominator) * factor;
  if (input.annualized === true) {
    if (input.periodDays === undefined || input.periodDays <= 0) {
      return null;
    }
    value *= (input.yearDays ?? DAYS_IN_YEAR) / input.periodDays;
  }
  return Number.isFinite(value) ? value : null;
}
