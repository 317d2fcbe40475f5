/**
 * Reads DHIS2 period ids: every form dhis2-core's `PeriodTypeEnum.ofIsoPeriod` accepts, plus the
 * `NovemberQn` / `NovemberSn` spellings of `@dhis2/multi-calendar-dates`. Output ids are always
 * canonical: undashed, no zero-padded week numbers, server spelling for November periods.
 */
import { ValidationError } from '../errors.ts';
import { daysFromCivil, daysInMonth, pad2 } from './civil-date.ts';
import { monthPeriod, periodsPerYear, type MonthPeriodType } from './month-periods.ts';
import { buildPeriod, type Period, type PeriodType } from './period-types.ts';
import {
  biWeekPeriod,
  biWeeksInYear,
  weekPeriod,
  weeksInYear,
  type WeekPeriodType,
} from './week-periods.ts';

const EXAMPLES =
  '20240115, 2024W3, 2024WedW3, 2024BiW2, 202401, 202401B, 2024Q1, 2024NovQ1, 2024S1, ' +
  '2024AprilS1, 2024NovS1, 2024, 2024April, 2024July, 2024Sep, 2024Oct or 2024Nov';

function shown(id: string): string {
  return JSON.stringify(id.length > 40 ? `${id.slice(0, 40)}…` : id);
}

/** A recognised id form whose numbers are out of range. */
function invalid(id: string, reason: string): never {
  throw ValidationError.of('period', 'invalid_period', `Invalid period id ${shown(id)}: ${reason}`);
}

function readDaily(id: string, y: string, m: string, d: string): Period {
  const year = Number(y);
  const month = Number(m);
  const day = Number(d);
  if (month < 1 || month > 12) {
    invalid(id, `month ${m} is not 01–12`);
  }
  if (day < 1 || day > daysInMonth(year, month)) {
    invalid(id, `${y}-${m} has no day ${d}`);
  }
  const dayNumber = daysFromCivil(year, month, day);
  return buildPeriod(year, `${m}${d}`, 'Daily', dayNumber, dayNumber);
}

const WEEK_INFIXES: Readonly<Record<string, WeekPeriodType>> = {
  W: 'Weekly',
  WedW: 'WeeklyWednesday',
  ThuW: 'WeeklyThursday',
  SatW: 'WeeklySaturday',
  SunW: 'WeeklySunday',
};

function readWeek(id: string, y: string, infix: string, w: string): Period {
  const type = WEEK_INFIXES[infix];
  const year = Number(y);
  const week = Number(w);
  const count = weeksInYear(type, year);
  if (week < 1 || week > count) {
    invalid(id, `${type} week-year ${y} has weeks 1–${count}`);
  }
  return weekPeriod(type, year, week);
}

function readBiWeek(id: string, y: string, w: string): Period {
  const year = Number(y);
  const n = Number(w);
  const count = biWeeksInYear(year);
  if (n < 1 || n > count) {
    invalid(id, `BiWeekly year ${y} has bi-weeks 1–${count}`);
  }
  return biWeekPeriod(year, n);
}

/**
 * A month-based id. `idYearOffset` converts the id's year to the server's id year: 1 for the
 * library's `2023NovemberQ1`, which names the year November falls in (server: `2024NovQ1`).
 */
function readMonthBased(
  id: string,
  type: MonthPeriodType,
  y: string,
  n: string,
  idYearOffset = 0,
): Period {
  const number = Number(n);
  const count = periodsPerYear(type);
  if (number < 1 || number > count) {
    // Monthly and BiMonthly numbers are two digits in the id; the others are one.
    const range = n.length === 2 ? `${pad2(1)}–${pad2(count)}` : `1–${count}`;
    invalid(id, `${type} periods are numbered ${range}, not ${n}`);
  }
  return monthPeriod(type, Number(y) + idYearOffset, number);
}

type Reader = (id: string, match: RegExpExecArray) => Period;

const FINANCIAL: Readonly<Record<string, MonthPeriodType>> = {
  April: 'FinancialApril',
  July: 'FinancialJuly',
  Sep: 'FinancialSep',
  Oct: 'FinancialOct',
  Nov: 'FinancialNov',
};

// Anchored patterns, tried in order; `\d` without the `u` flag is ASCII 0–9 only.
const FORMS: readonly (readonly [RegExp, Reader])[] = [
  [/^(\d{4})(\d{2})(\d{2})$/, (id, m) => readDaily(id, m[1], m[2], m[3])],
  [/^(\d{4})-(\d{2})-(\d{2})$/, (id, m) => readDaily(id, m[1], m[2], m[3])],
  [/^(\d{4})(W|WedW|ThuW|SatW|SunW)(\d{1,2})$/, (id, m) => readWeek(id, m[1], m[2], m[3])],
  [/^(\d{4})BiW(\d{1,2})$/, (id, m) => readBiWeek(id, m[1], m[2])],
  [/^(\d{4})-?(\d{2})$/, (id, m) => readMonthBased(id, 'Monthly', m[1], m[2])],
  [/^(\d{4})(\d{2})B$/, (id, m) => readMonthBased(id, 'BiMonthly', m[1], m[2])],
  [/^(\d{4})Q(\d)$/, (id, m) => readMonthBased(id, 'Quarterly', m[1], m[2])],
  [/^(\d{4})NovQ(\d)$/, (id, m) => readMonthBased(id, 'QuarterlyNov', m[1], m[2])],
  [/^(\d{4})NovemberQ(\d)$/, (id, m) => readMonthBased(id, 'QuarterlyNov', m[1], m[2], 1)],
  [/^(\d{4})S(\d)$/, (id, m) => readMonthBased(id, 'SixMonthly', m[1], m[2])],
  [/^(\d{4})AprilS(\d)$/, (id, m) => readMonthBased(id, 'SixMonthlyApril', m[1], m[2])],
  [/^(\d{4})NovS(\d)$/, (id, m) => readMonthBased(id, 'SixMonthlyNov', m[1], m[2])],
  [/^(\d{4})NovemberS(\d)$/, (id, m) => readMonthBased(id, 'SixMonthlyNov', m[1], m[2], 1)],
  [/^(\d{4})$/, (_id, m) => monthPeriod('Yearly', Number(m[1]), 1)],
  [/^(\d{4})(April|July|Sep|Oct|Nov)$/, (_id, m) => monthPeriod(FINANCIAL[m[2]], Number(m[1]), 1)],
];

/**
 * Reads a DHIS2 period id.
 *
 * Accepts the canonical ids, the dashed forms the server also takes (`2024-01-15`, `2024-01`),
 * zero-padded week numbers (`2024W03`) and the `@dhis2/multi-calendar-dates` spellings
 * `2023NovemberQ1` / `2023NovemberS1` (which name the year November falls in, so they become
 * `2024NovQ1` / `2024NovS1`). November ids name the year the period ends in, as on the server.
 *
 * @param id - The id, exactly; surrounding spaces are not trimmed.
 * @returns The period, with its canonical id.
 * @throws ValidationError with code `invalid_period` (field `period`) for anything else,
 *   including impossible dates, week 53 in a 52-week year, month 13, quarter 5, and ids whose
 *   dates would leave years 0000–9999 (`0000Nov` starts in November of year -1).
 *
 * @example
 * parsePeriodId('2024-01-15'); // { id: '20240115', type: 'Daily', startDate: '2024-01-15', endDate: '2024-01-15' }
 * parsePeriodId('2024NovQ1');  // { id: '2024NovQ1', type: 'QuarterlyNov', startDate: '2023-11-01', endDate: '2024-01-31' }
 */
export function parsePeriodId(id: string): Period {
  if (typeof id !== 'string') {
    throw ValidationError.of(
      'period',
      'invalid_period',
      `Invalid period id: expected a string, got ${id === null ? 'null' : typeof id}`,
    );
  }
  for (const [pattern, read] of FORMS) {
    const match = pattern.exec(id);
    if (match === null) {
      continue;
    }
    try {
      return read(id, match);
    } catch (error) {
      // e.g. 0000Nov starts in November of year -1: the id is well formed but names no date.
      if (error instanceof ValidationError && error.issues[0]?.code === 'period_out_of_range') {
        invalid(id, 'its dates fall outside years 0000–9999');
      }
      throw error;
    }
  }
  throw ValidationError.of(
    'period',
    'invalid_period',
    `Unknown period id ${shown(id)}: expected a DHIS2 period id such as ${EXAMPLES}`,
  );
}

/**
 * Reads a DHIS2 period id, or gives null when it is not one (see `parsePeriodId`).
 *
 * @example tryParsePeriodId('2024W53'); // null: 2024 has 52 ISO weeks
 */
export function tryParsePeriodId(id: string): Period | null {
  try {
    return parsePeriodId(id);
  } catch (error) {
    if (error instanceof ValidationError) {
      return null;
    }
    throw error;
  }
}

/**
 * Whether `id` is a valid DHIS2 period id (see `parsePeriodId` for the forms accepted).
 *
 * @example isPeriodId('20240230'); // false
 */
export function isPeriodId(id: string): boolean {
  return tryParsePeriodId(id) !== null;
}

/**
 * The period type of a DHIS2 period id.
 *
 * @throws ValidationError (`invalid_period`) when `id` is not a valid period id.
 * @example periodTypeOf('2023AprilS2'); // 'SixMonthlyApril'
 */
export function periodTypeOf(id: string): PeriodType {
  return parsePeriodId(id).type;
}
