/**
 * DHIS2 fixed period types and the `Period` value, Gregorian calendar only.
 *
 * Semantics follow the DHIS2 server (dhis2-core `PeriodTypeEnum.ofIsoPeriod`,
 * `DateUnitPeriodTypeParser` and the `*PeriodType` classes), because ids we emit go back to it:
 *
 * | type | id | example |
 * |---|---|---|
 * | Daily | `yyyyMMdd` (also `yyyy-MM-dd`) | `20240115` |
 * | Weekly | `yyyyWn` | `2023W1` = 2023-01-02…01-08 (ISO-8601 week and week-year) |
 * | WeeklyWednesday/Thursday/Saturday/Sunday | `yyyyWedWn`, `ThuW`, `SatW`, `SunW` | `2023WedW1` = 2023-01-04…01-10 |
 * | BiWeekly | `yyyyBiWn` | `2023BiW1` = 2023-01-02…01-15 (ISO weeks 2n-1 and 2n) |
 * | Monthly | `yyyyMM` (also `yyyy-MM`) | `202401` |
 * | BiMonthly | `yyyyMMB`, MM = bi-month 01–06 | `202402B` = Mar–Apr 2024 |
 * | Quarterly | `yyyyQn` | `2024Q1` = Jan–Mar 2024 |
 * | QuarterlyNov | `yyyyNovQn` | `2024NovQ1` = Nov 2023–Jan 2024 |
 * | SixMonthly | `yyyySn` | `2024S1` = Jan–Jun 2024 |
 * | SixMonthlyApril | `yyyyAprilSn` | `2023AprilS2` = Oct 2023–Mar 2024 |
 * | SixMonthlyNov | `yyyyNovSn` | `2024NovS1` = Nov 2023–Apr 2024 |
 * | Yearly | `yyyy` | `2024` |
 * | FinancialApril/July/Sep/Oct | `yyyyApril`, `July`, `Sep`, `Oct` | `2004April` = Apr 2004–Mar 2005 |
 * | FinancialNov | `yyyyNov` | `2024Nov` = Nov 2023–Oct 2024 |
 *
 * Week variants: a week starts on its weekday, and week 1 of week-year Y is the week holding
 * 4 January of Y, i.e. the first week with at least 4 days in Y (Java
 * `WeekFields.of(startDay, 4)`, as the server uses). For Monday this is ISO-8601.
 *
 * November types name the year they END in (server: `FinancialNovemberPeriodType.getIsoDate`
 * writes start year + 1, and the parser reads `yyyyNov` as 1 Nov of yyyy-1). The other
 * financial and six-monthly-April types name their start year. The `@dhis2/multi-calendar-dates`
 * library instead writes `2023NovemberQ1` / `2023NovemberS1` with the START year; the parser
 * reads those spellings with that library's meaning and returns the server id (`2024NovQ1`).
 *
 * In a 53-week ISO year, `BiW27` starts on the Monday of week 53 and runs 14 days, as the
 * server parses it; it therefore overlaps the next year's `BiW1` by one week.
 */
import { ValidationError } from '../errors.ts';
import { FIRST_DAY, LAST_DAY, formatIsoDate } from './civil-date.ts';

/** A DHIS2 fixed period type (Gregorian). `TwoYearly` has no id form, so it is not here. */
export type PeriodType =
  | 'Daily'
  | 'Weekly'
  | 'WeeklyWednesday'
  | 'WeeklyThursday'
  | 'WeeklySaturday'
  | 'WeeklySunday'
  | 'BiWeekly'
  | 'Monthly'
  | 'BiMonthly'
  | 'Quarterly'
  | 'QuarterlyNov'
  | 'SixMonthly'
  | 'SixMonthlyApril'
  | 'SixMonthlyNov'
  | 'Yearly'
  | 'FinancialApril'
  | 'FinancialJuly'
  | 'FinancialSep'
  | 'FinancialOct'
  | 'FinancialNov';

/** Every period type, finest first (the order DHIS2 lists them in). */
export const PERIOD_TYPES: readonly PeriodType[] = Object.freeze([
  'Daily',
  'Weekly',
  'WeeklyWednesday',
  'WeeklyThursday',
  'WeeklySaturday',
  'WeeklySunday',
  'BiWeekly',
  'Monthly',
  'BiMonthly',
  'Quarterly',
  'QuarterlyNov',
  'SixMonthly',
  'SixMonthlyApril',
  'SixMonthlyNov',
  'Yearly',
  'FinancialApril',
  'FinancialJuly',
  'FinancialSep',
  'FinancialOct',
  'FinancialNov',
] as const);

/** One DHIS2 fixed period. */
export interface Period {
  /** The canonical DHIS2 id, e.g. `2024W3`, `202401`, `2024NovQ1`. */
  readonly id: string;
  readonly type: PeriodType;
  /** First day, `YYYY-MM-DD`. */
  readonly startDate: string;
  /** Last day (inclusive), `YYYY-MM-DD`. */
  readonly endDate: string;
}

/** Whether `value` names a period type. */
export function isPeriodType(value: unknown): value is PeriodType {
  return typeof value === 'string' && (PERIOD_TYPES as readonly string[]).includes(value);
}

/**
 * Checks a period type given at run time.
 *
 * @throws ValidationError (`invalid_period_type`) when `value` is not a period type.
 */
export function checkPeriodType(value: unknown, field = 'periodType'): PeriodType {
  if (isPeriodType(value)) {
    return value;
  }
  throw ValidationError.of(
    field,
    'invalid_period_type',
    `Unknown period type ${JSON.stringify(value)}: expected one of ${PERIOD_TYPES.join(', ')}`,
  );
}

/**
 * Builds a frozen period from day numbers.
 *
 * @throws ValidationError (`period_out_of_range`) when the id year or a date falls outside
 *   years 0000–9999, which a DHIS2 id cannot name.
 */
export function buildPeriod(
  idYear: number,
  idRest: string,
  type: PeriodType,
  startDay: number,
  endDay: number,
): Period {
  if (idYear < 0 || idYear > 9999 || startDay < FIRST_DAY || endDay > LAST_DAY) {
    throw ValidationError.of(
      'period',
      'period_out_of_range',
      `The ${type} period with id year ${idYear} has dates outside years 0000–9999, ` +
        'the only years DHIS2 period ids and dates can name',
    );
  }
  return Object.freeze({
    id: `${String(idYear).padStart(4, '0')}${idRest}`,
    type,
    startDate: formatIsoDate(startDay),
    endDate: formatIsoDate(endDay),
  });
}
