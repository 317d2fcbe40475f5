/**
 * Weekly periods (ISO weeks and the Wednesday, Thursday, Saturday and Sunday variants) and
 * bi-weekly periods (pairs of ISO weeks).
 *
 * Week numbering follows dhis2-core, which uses Java `WeekFields.of(startDay, 4)`: week 1 of
 * week-year Y is the week holding 4 January of Y. So a week belongs to the week-year of its
 * 4th day (the Thursday of an ISO week), and ids like `2022W52` can hold days of 2023.
 */
import { civilFromDays, daysFromCivil, isoWeekday } from './civil-date.ts';
import { buildPeriod, type Period, type PeriodType } from './period-types.ts';

/** The period types that are single weeks. */
export type WeekPeriodType =
  'Weekly' | 'WeeklyWednesday' | 'WeeklyThursday' | 'WeeklySaturday' | 'WeeklySunday';

interface WeekRule {
  /** ISO weekday the week starts on: 1 = Monday … 7 = Sunday. */
  readonly startDay: number;
  /** Text between the year and the week number in the id. */
  readonly infix: string;
}

const WEEK_RULES: Readonly<Record<WeekPeriodType, WeekRule>> = {
  Weekly: { startDay: 1, infix: 'W' },
  WeeklyWednesday: { startDay: 3, infix: 'WedW' },
  WeeklyThursday: { startDay: 4, infix: 'ThuW' },
  WeeklySaturday: { startDay: 6, infix: 'SatW' },
  WeeklySunday: { startDay: 7, infix: 'SunW' },
};

/** Whether `type` is a single-week type. */
export function isWeekPeriodType(type: PeriodType): type is WeekPeriodType {
  return Object.hasOwn(WEEK_RULES, type);
}

/** The first day of the week starting on `startDay` that holds `day`. */
function weekStartOf(day: number, startDay: number): number {
  return day - ((isoWeekday(day) - startDay + 7) % 7);
}

/** The first day of week 1 of `weekYear`, for weeks starting on `startDay`. */
function firstWeekStart(weekYear: number, startDay: number): number {
  return weekStartOf(daysFromCivil(weekYear, 1, 4), startDay);
}

/** The week-year and 1-based week number of the week starting on `start`. */
function weekNumberOf(start: number, startDay: number): { weekYear: number; week: number } {
  // Week 1 holds 4 January, so the week's 4th day always lies in its week-year.
  const weekYear = civilFromDays(start + 3).year;
  return { weekYear, week: (start - firstWeekStart(weekYear, startDay)) / 7 + 1 };
}

/**
 * How many weeks of a type week-year `weekYear` has: 52 or 53.
 *
 * @example weeksInYear('Weekly', 2020) // 53
 */
export function weeksInYear(type: WeekPeriodType, weekYear: number): number {
  const { startDay } = WEEK_RULES[type];
  return (firstWeekStart(weekYear + 1, startDay) - firstWeekStart(weekYear, startDay)) / 7;
}

/**
 * Week `week` of `weekYear`; the caller has checked 1 ≤ week ≤ `weeksInYear`.
 *
 * @throws ValidationError (`period_out_of_range`) outside years 0000–9999.
 */
export function weekPeriod(type: WeekPeriodType, weekYear: number, week: number): Period {
  const { startDay, infix } = WEEK_RULES[type];
  const start = firstWeekStart(weekYear, startDay) + 7 * (week - 1);
  return buildPeriod(weekYear, `${infix}${week}`, type, start, start + 6);
}

/** The week of `type` holding day number `day`. */
export function weekPeriodContaining(type: WeekPeriodType, day: number): Period {
  const { startDay } = WEEK_RULES[type];
  const { weekYear, week } = weekNumberOf(weekStartOf(day, startDay), startDay);
  return weekPeriod(type, weekYear, week);
}

/** How many bi-weeks ISO week-year `weekYear` has: 26, or 27 when it has 53 ISO weeks. */
export function biWeeksInYear(weekYear: number): number {
  return Math.ceil(weeksInYear('Weekly', weekYear) / 2);
}

/**
 * Bi-week `n` of ISO week-year `weekYear`: ISO weeks 2n-1 and 2n. The caller has checked
 * 1 ≤ n ≤ `biWeeksInYear`. Bi-week 27 starts in ISO week 53 and, as dhis2-core parses it,
 * still runs 14 days, into week 1 of the next year.
 *
 * @throws ValidationError (`period_out_of_range`) outside years 0000–9999.
 */
export function biWeekPeriod(weekYear: number, n: number): Period {
  const start = firstWeekStart(weekYear, 1) + 14 * (n - 1);
  return buildPeriod(weekYear, `BiW${n}`, 'BiWeekly', start, start + 13);
}

/** The year and number of the bi-week holding day number `day`. */
function biWeekNumberOf(day: number): { weekYear: number; n: number } {
  const { weekYear, week } = weekNumberOf(weekStartOf(day, 1), 1);
  return { weekYear, n: Math.ceil(week / 2) };
}

/** The bi-week holding day number `day`; a day of ISO week 1 is always in bi-week 1. */
export function biWeekPeriodContaining(day: number): Period {
  const { weekYear, n } = biWeekNumberOf(day);
  return biWeekPeriod(weekYear, n);
}

/**
 * The bi-week `steps` after (or before, when negative) the one holding day number `day`.
 * Bi-weeks restart at 1 each ISO week-year, so this walks year by year.
 *
 * @throws ValidationError (`period_out_of_range`) when it leaves years 0000–9999.
 */
export function shiftBiWeek(day: number, steps: number): Period {
  let { weekYear, n } = biWeekNumberOf(day);
  let left = steps;
  while (left !== 0) {
    if (weekYear < 0 || weekYear > 9999) {
      break;
    } // buildPeriod below reports the range error
    if (left > 0) {
      const rest = biWeeksInYear(weekYear) - n;
      if (left <= rest) {
        n += left;
        left = 0;
      } else {
        left -= rest + 1;
        weekYear += 1;
        n = 1;
      }
    } else if (-left < n) {
      n += left;
      left = 0;
    } else {
      left += n;
      weekYear -= 1;
      n = biWeeksInYear(weekYear);
    }
  }
  return biWeekPeriod(weekYear, n);
}
