/**
 * Finding, ordering, measuring and stepping through periods of one type.
 */
import { ValidationError } from '../errors.ts';
import { civilFromDays, pad2, parseIsoDate } from './civil-date.ts';
import { isMonthPeriodType, monthCountOf, monthPeriodFrom } from './month-periods.ts';
import { parsePeriodId } from './period-id-parser.ts';
import { buildPeriod, checkPeriodType, type Period, type PeriodType } from './period-types.ts';
import {
  biWeekPeriodContaining,
  isWeekPeriodType,
  shiftBiWeek,
  weekPeriodContaining,
} from './week-periods.ts';

/**
 * The day number of a strict `YYYY-MM-DD` date.
 *
 * @throws ValidationError (`invalid_date`, field `date`) when it is not a real calendar date.
 */
export function dayOf(date: string): number {
  const day = parseIsoDate(date);
  if (day === null) {
    throw ValidationError.of('date', 'invalid_date', `Invalid date ${JSON.stringify(date)}`);
  }
  return day;
}

/** The period of `type` holding day number `day`, `steps` periods later (or earlier). */
export function periodFromDay(type: PeriodType, day: number, steps = 0): Period {
  if (type === 'Daily') {
    const target = day + steps;
    const { year, month, day: dayOfMonth } = civilFromDays(target);
    return buildPeriod(year, `${pad2(month)}${pad2(dayOfMonth)}`, 'Daily', target, target);
  }
  if (type === 'BiWeekly') {
    return steps === 0 ? biWeekPeriodContaining(day) : shiftBiWeek(day, steps);
  }
  if (isWeekPeriodType(type)) {
    return weekPeriodContaining(type, day + 7 * steps);
  }
  if (isMonthPeriodType(type)) {
    return monthPeriodFrom(type, monthCountOf(day), steps);
  }
  throw new Error(`unhandled period type ${String(type)}`);
}

/**
 * Checks a period passed in by a caller: its id must parse to the same type and dates.
 *
 * @returns The period with its canonical id.
 * @throws ValidationError (`invalid_period`) when the id is invalid or disagrees with the fields.
 */
export function checkPeriod(p: Period, field = 'period'): Period {
  const parsed = parsePeriodId(p?.id);
  if (parsed.type !== p.type || parsed.startDate !== p.startDate || parsed.endDate !== p.endDate) {
    throw ValidationError.of(
      field,
      'invalid_period',
      `Period ${JSON.stringify(p.id)} is ${parsed.type} ${parsed.startDate}…${parsed.endDate}, ` +
        `but was given as ${String(p.type)} ${String(p.startDate)}…${String(p.endDate)}`,
    );
  }
  return parsed;
}

/**
 * The period of a type that holds a date.
 *
 * @param type - The period type.
 * @param date - A `YYYY-MM-DD` date.
 * @returns The one period of `type` holding `date`. For BiWeekly, a date in ISO week 1 gives
 *   bi-week 1 even when the previous year's bi-week 27 also runs through it.
 * @throws ValidationError: `invalid_period_type`, `invalid_date`, or `period_out_of_range` when
 *   the period's id year would not have 4 digits.
 *
 * @example
 * periodContaining('Weekly', '2022-01-01').id;       // '2021W52'
 * periodContaining('QuarterlyNov', '2023-12-15').id; // '2024NovQ1'
 */
export function periodContaining(type: PeriodType, date: string): Period {
  return periodFromDay(checkPeriodType(type), dayOf(date));
}

/**
 * The period `n` steps after `p` (before it when `n` is negative), of the same type.
 *
 * @param p - A valid period.
 * @param n - A whole number of periods; 0 gives `p` back.
 * @throws ValidationError: `invalid_period`, `not_an_integer`, or `period_out_of_range` when
 *   the result would leave years 0000–9999.
 *
 * @example
 * shiftPeriod(parsePeriodId('2020W53'), 1).id; // '2021W1'
 * shiftPeriod(parsePeriodId('202501'), -1).id;  // '202412'
 */
export function shiftPeriod(p: Period, n: number): Period {
  const period = checkPeriod(p);
  if (!Number.isSafeInteger(n)) {
    throw ValidationError.of('n', 'not_an_integer', `Expected a whole number of periods, got ${n}`);
  }
  return periodFromDay(period.type, dayOf(period.startDate), n);
}

/**
 * The period after `p`, of the same type.
 *
 * @throws ValidationError as `shiftPeriod`.
 * @example nextPeriod(parsePeriodId('2024Q4')).id; // '2025Q1'
 */
export function nextPeriod(p: Period): Period {
  return shiftPeriod(p, 1);
}

/**
 * The period before `p`, of the same type.
 *
 * @throws ValidationError as `shiftPeriod`.
 * @example previousPeriod(parsePeriodId('2021W1')).id; // '2020W53'
 */
export function previousPeriod(p: Period): Period {
  return shiftPeriod(p, -1);
}

/**
 * Orders periods by start date, then end date (the shorter first), then id. Use it with
 * `Array.prototype.sort`; it never throws.
 *
 * @returns A negative number when `a` comes first, positive when `b` does, 0 when equal.
 * @example ['2024', '202401', '2023W52'].map(parsePeriodId).sort(comparePeriods) // 2023W52, 202401, 2024
 */
export function comparePeriods(a: Period, b: Period): number {
  // ISO dates and ids compare correctly as strings; localeCompare would not be stable across locales.
  if (a.startDate !== b.startDate) {
    return a.startDate < b.startDate ? -1 : 1;
  }
  if (a.endDate !== b.endDate) {
    return a.endDate < b.endDate ? -1 : 1;
  }
  if (a.id !== b.id) {
    return a.id < b.id ? -1 : 1;
  }
  return 0;
}

/**
 * The number of days in a period, both ends included.
 *
 * @throws ValidationError (`invalid_period`) when `p` is not a valid period.
 * @example periodDays(parsePeriodId('2024Q1')); // 91
 */
export function periodDays(p: Period): number {
  const period = checkPeriod(p);
  return dayOf(period.endDate) - dayOf(period.startDate) + 1;
}
