/**
 * An indicator's value from its numerator and denominator: `numerator / denominator × factor`,
 * annualised when the indicator says so.
 */

export interface IndicatorValueInput {
  readonly numerator: number | null;
  readonly denominator: number | null;
  /** The indicator type's factor: 100 for %, 1000 for per thousand, 1 for a number. */
  readonly factor: number;
  /** Multiply by (days in a year / days in the period), as DHIS2 does for annualised indicators. */
  readonly annualized?: boolean;
  /** Days in the period, needed when annualised. */
  readonly periodDays?: number;
  /** Days in the year of the period (365 or 366), needed when annualised. */
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
    if (input.periodDays === undefined || input.yearDays === undefined) {
      return null;
    }
    value *= input.yearDays / input.periodDays;
  }
  return Number.isFinite(value) ? value : null;
}
