/**
 * ADX periods: ISO 8601 `startDate/duration` (IHE QRPH ADX), e.g. `2015-01-01/P1M`, converted to
 * and from DHIS2 period ids.
 *
 * dhis2-core's `AdxPeriod.parse` picks a period type from the duration and then takes the period
 * *containing* the start date, so `2017-09-01/P3M` silently becomes `2017Q3` (Jul–Sep), and its
 * P6M branch falls through to P1Y. Here the range must be exactly one DHIS2 period, whatever the
 * type: `2017-09-01/P3M` (Sep–Nov) is rejected, `2017-10-01/P6M` is `2017AprilS2` (Oct–Mar).
 * The DHIS2 docs' ADX period table has errors of this kind (shared/research/anchors.md §2.1:
 * "Daily" given as `2017-10-01/P1M`, "Quarterly" as `2017-09-01/P3M`, "Six-monthly November"
 * starting 2017-10-01); this module follows ISO 8601, not the table.
 */
import { ValidationError } from '../errors.ts';
import {
  civilFromDays,
  daysFromCivil,
  daysInMonth,
  formatIsoDate,
  parseIsoDate,
} from '../periods/civil-date.ts';
import type { Period, PeriodType } from '../periods/index.ts';
import { periodFromDates } from './period-from-dates.ts';

/** The ISO 8601 duration of each DHIS2 period type, as DHIS2 writes it in ADX exports. */
const DURATIONS: Readonly<Record<PeriodType, string>> = {
  Daily: 'P1D',
  Weekly: 'P7D',
  WeeklyWednesday: 'P7D',
  WeeklyThursday: 'P7D',
  WeeklySaturday: 'P7D',
  WeeklySunday: 'P7D',
  BiWeekly: 'P14D',
  Monthly: 'P1M',
  BiMonthly: 'P2M',
  Quarterly: 'P3M',
  QuarterlyNov: 'P3M',
  SixMonthly: 'P6M',
  SixMonthlyApril: 'P6M',
  SixMonthlyNov: 'P6M',
  Yearly: 'P1Y',
  FinancialApril: 'P1Y',
  FinancialJuly: 'P1Y',
  FinancialSep: 'P1Y',
  FinancialOct: 'P1Y',
  FinancialNov: 'P1Y',
};

/** Where periods of each duration start, for the error message. */
const STARTS: Readonly<Record<string, string>> = {
  P7D: 'P7D periods are weeks starting on a Monday, Wednesday, Thursday, Saturday or Sunday',
  P14D: 'P14D periods are ISO bi-weeks (the Mondays of weeks 1, 3, 5, …)',
  P1M: 'P1M periods start on the first day of a month',
  P2M: 'P2M periods start on 1 January, March, May, July, September or November',
  P3M: 'P3M periods start on 1 January, April, July or October (Quarterly) or 1 November, February, May or August (QuarterlyNov)',
  P6M: 'P6M periods start on 1 January or July (SixMonthly), 1 April or October (SixMonthlyApril), or 1 November or May (SixMonthlyNov)',
  P1Y: 'P1Y periods start on 1 January (Yearly) or 1 April, July, September, October or November (financial years)',
};

const ADX_PERIOD = /^(\d{4}-\d{2}-\d{2})\/P(\d{1,4})([DWMY])$/;

function invalid(text: string, reason: string): ValidationError {
  return ValidationError.of(
    'period',
    'invalid_adx_period',
    `ADX period ${JSON.stringify(text)} ${reason}`,
  );
}

/** The last day of `startDay + n units` minus one day, or null outside years 0000–9999. */
function lastDay(startDay: number, n: number, unit: string): number | null {
  if (unit === 'D' || unit === 'W') {
    return startDay + n * (unit === 'W' ? 7 : 1) - 1;
  }
  const { year, month, day } = civilFromDays(startDay);
  const months = year * 12 + (month - 1) + n * (unit === 'Y' ? 12 : 1);
  const endYear = Math.floor(months / 12);
  const endMonth = (months % 12) + 1;
  if (endYear > 9999) {
    return null;
  }
  // ISO 8601 month arithmetic clamps to the month's end (2024-01-31 + P1M = 2024-02-29).
  const endDayOfMonth = Math.min(day, daysInMonth(endYear, endMonth));
  return daysFromCivil(endYear, endMonth, endDayOfMonth) - 1;
}

/**
 * Reads an ADX period as the one DHIS2 period it names.
 *
 * @param text - `YYYY-MM-DD/PnD|PnW|PnM|PnY`, e.g. `2015-01-01/P1M`, `2021-01-01/P3M`.
 * @returns The DHIS2 period covering exactly that range.
 * @throws ValidationError (`invalid_adx_period`, field `period`) when the text is not
 *   `date/duration`, the date is not a calendar date, or the range is not one DHIS2 period
 *   (the message says where periods of that duration start).
 *
 * @example
 * parseAdxPeriod('2015-01-01/P1M').id; // '201501'
 * parseAdxPeriod('2021-01-01/P3M').id; // '2021Q1'
 * parseAdxPeriod('2017-09-01/P3M');    // throws: runs 2017-09-01…2017-11-30, not a DHIS2 quarter
 */
export function parseAdxPeriod(text: string): Period {
  const match = ADX_PERIOD.exec(text);
  if (match === null) {
    throw invalid(
      text,
      'is not an ISO 8601 start/duration such as 2015-01-01/P1M (P1D, P7D, P14D, P1M, P2M, P3M, P6M, P1Y)',
    );
  }
  const [, start, count, unit] = match;
  const startDay = parseIsoDate(start);
  if (startDay === null) {
    throw invalid(text, `starts on ${start}, which is not a calendar date`);
  }
  const n = Number(count);
  if (n === 0) {
    throw invalid(text, 'lasts no time at all');
  }
  const endDay = lastDay(startDay, n, unit);
  if (endDay === null) {
    throw invalid(text, 'ends after the year 9999');
  }
  const end = formatIsoDate(endDay);
  const period = periodFromDates(start, end);
  if (period === null) {
    const duration = unit === 'W' ? `P${n * 7}D` : `P${n}${unit}`;
    const hint = STARTS[duration] ?? `no DHIS2 period type lasts ${duration}`;
    throw invalid(text, `runs ${start}…${end}, which is not a DHIS2 period: ${hint}`);
  }
  return period;
}

/**
 * Writes a DHIS2 period as an ADX period, as dhis2-core's `AdxPeriod.serialize` does.
 *
 * @example formatAdxPeriod(parsePeriodId('2024NovQ1')); // '2023-11-01/P3M'
 */
export function formatAdxPeriod(period: Period): string {
  return `${period.startDate}/${DURATIONS[period.type]}`;
}
