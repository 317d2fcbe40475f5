/**
 * Checking a series and a monitored range before any method runs. Errors name the row and the
 * field, so a person can find the bad cell.
 */
import { ValidationError } from '../errors.ts';
import { parseIsoDay } from './calendar-days.ts';
import type { OutbreakOptions, OutbreakSeries } from './types.ts';

/** A series after checking. */
export interface CheckedSeries {
  /** Counts, whole numbers ≥ 0. */
  readonly observed: readonly number[];
  /** Day numbers of the dates, or null when the series has none. */
  readonly days: readonly number[] | null;
  readonly frequency: number;
  /** First and last monitored row, 1-based inclusive. */
  readonly first: number;
  readonly last: number;
}

function checkObserved(observed: readonly number[]): void {
  if (!Array.isArray(observed) || observed.length === 0) {
    throw ValidationError.of('observed', 'required', 'observed must be a non-empty list of counts');
  }
  observed.forEach((value, i) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw ValidationError.of(
        'observed',
        'not_a_number',
        `${String(value)} is not a count`,
        i + 1,
      );
    }
    if (value < 0) {
      throw ValidationError.of('observed', 'negative', `${value} is negative`, i + 1);
    }
    if (!Number.isInteger(value)) {
      throw ValidationError.of(
        'observed',
        'not_an_integer',
        `${value} is not a whole number`,
        i + 1,
      );
    }
  });
}

function checkDays(dates: readonly string[], n: number): number[] {
  if (!Array.isArray(dates) || dates.length !== n) {
    throw ValidationError.of(
      'dates',
      'length_mismatch',
      `dates must have one entry per row (${n})`,
    );
  }
  const days = dates.map((d, i) => parseIsoDay(String(d), i + 1));
  days.forEach((day, i) => {
    if (i > 0 && !(day > days[i - 1])) {
      throw ValidationError.of(
        'date',
        'not_increasing',
        `${dates[i]} does not come after ${dates[i - 1]}`,
        i + 1,
      );
    }
  });
  return days;
}

function checkRange(range: OutbreakOptions['range'] | undefined, n: number): [number, number] {
  const first = range?.first;
  const last = range?.last;
  if (
    typeof first !== 'number' ||
    typeof last !== 'number' ||
    !Number.isInteger(first) ||
    !Number.isInteger(last)
  ) {
    throw ValidationError.of('range', 'required', 'range needs whole numbers first and last');
  }
  if (first < 1 || last > n || first > last) {
    throw ValidationError.of(
      'range',
      'out_of_range',
      `range ${first}:${last} must lie within rows 1:${n} with first ≤ last`,
    );
  }
  return [first, last];
}

/**
 * Checks counts, dates, frequency and range.
 *
 * @param series - The series.
 * @param range - The monitored rows.
 * @returns The checked series.
 * @throws ValidationError naming the row and field of a bad count or date, or the bad range or
 * frequency.
 */
export function checkSeries(
  series: OutbreakSeries,
  range: OutbreakOptions['range'] | undefined,
): CheckedSeries {
  checkObserved(series.observed);
  const n = series.observed.length;
  const frequency = series.frequency ?? 52;
  if (!Number.isInteger(frequency) || frequency < 1) {
    throw ValidationError.of(
      'frequency',
      'out_of_range',
      `frequency must be a whole number ≥ 1, got ${String(frequency)}`,
    );
  }
  const days = series.dates === undefined ? null : checkDays(series.dates, n);
  const [first, last] = checkRange(range, n);
  return { observed: series.observed, days, frequency, first, last };
}
