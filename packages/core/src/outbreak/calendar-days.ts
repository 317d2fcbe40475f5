/**
 * Calendar arithmetic on day numbers (days since 1970-01-01, as R stores a `Date`), for the
 * Farrington methods' reference weeks. Pure: `Date.UTC` only converts fields, it reads no clock.
 */
import { ValidationError } from '../errors.ts';

const MS_PER_DAY = 86_400_000;

/**
 * Parses an ISO calendar date `YYYY-MM-DD` into its day number.
 *
 * @param text - The date.
 * @param row - 1-based row, for the error.
 * @returns Days since 1970-01-01.
 * @throws ValidationError (field `date`) when the text is not a valid date.
 */
export function parseIsoDay(text: string, row: number): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match !== null) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const days = Date.UTC(year, month - 1, day) / MS_PER_DAY;
    const back = new Date(days * MS_PER_DAY);
    if (
      back.getUTCFullYear() === year &&
      back.getUTCMonth() === month - 1 &&
      back.getUTCDate() === day
    ) {
      return days;
    }
  }
  throw ValidationError.of('date', 'invalid_date', `"${text}" is not a date YYYY-MM-DD`, row);
}

/** Day of the week of a day number, 0 = Sunday … 6 = Saturday (R's `format(d, "%w")`). */
export function weekday(day: number): number {
  // 1970-01-01 was a Thursday.
  return (((day + 4) % 7) + 7) % 7;
}

/**
 * The same calendar day `years` years earlier, as R's `seq(d, by = "-1 year")`: 29 February in a
 * year without one rolls over to 1 March (`as.Date` of a normalised `POSIXlt`).
 */
export function yearsBack(day: number, years: number): number {
  const date = new Date(day * MS_PER_DAY);
  return (
    Date.UTC(date.getUTCFullYear() - years, date.getUTCMonth(), date.getUTCDate()) / MS_PER_DAY
  );
}

/**
 * Moves a day to the nearest day with the same weekday as `target` (at most 3 days away). Both
 * `refvalIdxByDate` (algo.farrington) and `algo.farrington.referencetimepoints`
 * (farringtonFlexible) do this for weekly data; their formulas pick the same day.
 */
export function nearestSameWeekday(day: number, target: number): number {
  const forward = (((weekday(target) - weekday(day)) % 7) + 7) % 7;
  const backward = (((weekday(day) - weekday(target)) % 7) + 7) % 7;
  return day + (forward < backward ? forward : -backward);
}
