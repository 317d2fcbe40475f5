/**
 * Reference: DHIS2 period ids as dhis2-core reads them — `PeriodTypeEnum.ofIsoPeriod` (id forms),
 * `DateUnitPeriodTypeParser` (dates), `FinancialNovemberPeriodType` / `QuarterlyNovemberPeriodType`
 * / `SixMonthlyNovemberPeriodType` (November types name their end year) — and the Gregorian
 * spec of `@dhis2/multi-calendar-dates` (`create-fixed-period-from-period-id.gregorian.spec.ts`)
 * for the weekly variants and the `NovemberQn` / `NovemberSn` spellings. Examples marked "docs"
 * come from the DHIS2 docs period table (shared/research/anchors.md §2.2).
 */
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.ts';
import {
  PERIOD_TYPES,
  isPeriodId,
  parsePeriodId,
  periodTypeOf,
  tryParsePeriodId,
  type PeriodType,
} from './index.ts';

/** [id given, canonical id, type, start, end] */
const EXAMPLES: readonly (readonly [string, string, PeriodType, string, string])[] = [
  // Daily, both forms the server takes (docs).
  ['20240115', '20240115', 'Daily', '2024-01-15', '2024-01-15'],
  ['2024-01-15', '20240115', 'Daily', '2024-01-15', '2024-01-15'],
  ['20240229', '20240229', 'Daily', '2024-02-29', '2024-02-29'],
  // ISO weeks (docs; lib spec 2023W1).
  ['2024W3', '2024W3', 'Weekly', '2024-01-15', '2024-01-21'],
  ['2023W1', '2023W1', 'Weekly', '2023-01-02', '2023-01-08'],
  ['2021W52', '2021W52', 'Weekly', '2021-12-27', '2022-01-02'],
  ['2020W53', '2020W53', 'Weekly', '2020-12-28', '2021-01-03'],
  ['2024W01', '2024W1', 'Weekly', '2024-01-01', '2024-01-07'],
  // Weekly variants: lib spec for 2023; week 1 holds 4 January.
  ['2023WedW1', '2023WedW1', 'WeeklyWednesday', '2023-01-04', '2023-01-10'],
  ['2023ThuW1', '2023ThuW1', 'WeeklyThursday', '2022-12-29', '2023-01-04'],
  ['2023SatW1', '2023SatW1', 'WeeklySaturday', '2022-12-31', '2023-01-06'],
  ['2023SunW1', '2023SunW1', 'WeeklySunday', '2023-01-01', '2023-01-07'],
  ['2026WedW1', '2026WedW1', 'WeeklyWednesday', '2025-12-31', '2026-01-06'],
  ['2024SatW1', '2024SatW1', 'WeeklySaturday', '2023-12-30', '2024-01-05'],
  ['2015WedW5', '2015WedW5', 'WeeklyWednesday', '2015-01-28', '2015-02-03'],
  ['2022WedW53', '2022WedW53', 'WeeklyWednesday', '2022-12-28', '2023-01-03'],
  // Bi-weeks (lib spec 2023BiW1; server BiWeeklyPeriodTypeTest for BiW27 in 53-week years).
  ['2023BiW1', '2023BiW1', 'BiWeekly', '2023-01-02', '2023-01-15'],
  ['2025BiW1', '2025BiW1', 'BiWeekly', '2024-12-30', '2025-01-12'],
  ['2025BiW26', '2025BiW26', 'BiWeekly', '2025-12-15', '2025-12-28'],
  ['2020BiW27', '2020BiW27', 'BiWeekly', '2020-12-28', '2021-01-10'],
  // Months and bi-months (lib spec 202302B = Mar–Apr).
  ['202401', '202401', 'Monthly', '2024-01-01', '2024-01-31'],
  ['2024-02', '202402', 'Monthly', '2024-02-01', '2024-02-29'],
  ['202401B', '202401B', 'BiMonthly', '2024-01-01', '2024-02-29'],
  ['202302B', '202302B', 'BiMonthly', '2023-03-01', '2023-04-30'],
  ['202406B', '202406B', 'BiMonthly', '2024-11-01', '2024-12-31'],
  // Quarters and halves.
  ['2024Q1', '2024Q1', 'Quarterly', '2024-01-01', '2024-03-31'],
  ['2024Q4', '2024Q4', 'Quarterly', '2024-10-01', '2024-12-31'],
  ['2024S1', '2024S1', 'SixMonthly', '2024-01-01', '2024-06-30'],
  ['2023AprilS1', '2023AprilS1', 'SixMonthlyApril', '2023-04-01', '2023-09-30'],
  ['2023AprilS2', '2023AprilS2', 'SixMonthlyApril', '2023-10-01', '2024-03-31'],
  // November types: the server id names the end year; the lib's NovemberQ/S the start year.
  ['2024NovQ1', '2024NovQ1', 'QuarterlyNov', '2023-11-01', '2024-01-31'],
  ['2024NovQ4', '2024NovQ4', 'QuarterlyNov', '2024-08-01', '2024-10-31'],
  ['2023NovemberQ1', '2024NovQ1', 'QuarterlyNov', '2023-11-01', '2024-01-31'],
  ['2023NovemberQ4', '2024NovQ4', 'QuarterlyNov', '2024-08-01', '2024-10-31'],
  ['2024NovS1', '2024NovS1', 'SixMonthlyNov', '2023-11-01', '2024-04-30'],
  ['2023NovemberS1', '2024NovS1', 'SixMonthlyNov', '2023-11-01', '2024-04-30'],
  ['2023NovemberS2', '2024NovS2', 'SixMonthlyNov', '2024-05-01', '2024-10-31'],
  ['2024Nov', '2024Nov', 'FinancialNov', '2023-11-01', '2024-10-31'],
  // Years and financial years (docs: 2004April, 2004July, 2004Oct).
  ['2024', '2024', 'Yearly', '2024-01-01', '2024-12-31'],
  ['2004April', '2004April', 'FinancialApril', '2004-04-01', '2005-03-31'],
  ['2004July', '2004July', 'FinancialJuly', '2004-07-01', '2005-06-30'],
  ['2024Sep', '2024Sep', 'FinancialSep', '2024-09-01', '2025-08-31'],
  ['2004Oct', '2004Oct', 'FinancialOct', '2004-10-01', '2005-09-30'],
];

describe('parsePeriodId', () => {
  it.each(EXAMPLES)('reads %s as %s (%s, %s…%s)', (given, id, type, startDate, endDate) => {
    expect(parsePeriodId(given)).toEqual({ id, type, startDate, endDate });
  });

  it('covers every period type in the examples', () => {
    expect(new Set(EXAMPLES.map((example) => example[2]))).toEqual(new Set(PERIOD_TYPES));
  });

  it('returns frozen periods', () => {
    expect(Object.isFrozen(parsePeriodId('2024Q1'))).toBe(true);
  });

  it('accepts week 53 only in years that have it', () => {
    expect(isPeriodId('2020W53')).toBe(true);
    expect(isPeriodId('2026W53')).toBe(true);
    expect(isPeriodId('2021W53')).toBe(false);
    expect(isPeriodId('2024W53')).toBe(false);
    // Weeks starting on Wednesday have their own long years (2022 starts on a Saturday).
    expect(isPeriodId('2022WedW53')).toBe(true);
    expect(isPeriodId('2021WedW53')).toBe(false);
    expect(isPeriodId('2020BiW27')).toBe(true);
    expect(isPeriodId('2025BiW27')).toBe(false);
  });

  const INVALID = [
    '',
    ' 2024',
    '2024 ',
    '24',
    '202',
    '20245',
    'abcd',
    '２０２４',
    '2024M13',
    '202413',
    '202400',
    '2024-13',
    '20241301',
    '20240230',
    '20230229',
    '2024-02-30',
    '2024-1-15',
    '2024/01/15',
    '2024W0',
    '2024W00',
    '2024W53',
    '2024W054',
    '2024w1',
    '2024-W01',
    '2024MonW1',
    '2024FriW1',
    '2021WedW53',
    '2024BiW0',
    '2025BiW27',
    '2020BiW28',
    '202400B',
    '202407B',
    '20241B',
    '2024Q0',
    '2024Q5',
    '2024Q01',
    '2024NovQ0',
    '2024NovQ5',
    '2024NovemberQ5',
    '2024S0',
    '2024S3',
    '2024AprilS3',
    '2024NovS3',
    '2024JulyS1',
    '2024JulyQ1',
    '2024Feb',
    '2024Aug',
    '2024Sept',
    '2024November',
    '2024april',
    '0000Nov',
    '0000NovQ1',
    '9999April',
    '9999AprilS2',
  ];

  it.each(INVALID)('rejects %j with a ValidationError coded invalid_period', (id) => {
    let caught: unknown;
    try {
      parsePeriodId(id);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ValidationError);
    const error = caught as ValidationError;
    expect(error.issues).toEqual([
      { field: 'period', code: 'invalid_period', message: error.message },
    ]);
    expect(tryParsePeriodId(id)).toBeNull();
    expect(isPeriodId(id)).toBe(false);
  });

  it('rejects values that are not strings', () => {
    const values: unknown[] = [null, undefined, 2024, {}];
    for (const value of values) {
      expect(() => parsePeriodId(value as string)).toThrow(ValidationError);
      expect(tryParsePeriodId(value as string)).toBeNull();
    }
  });

  it('says what is wrong and what was expected', () => {
    expect(() => parsePeriodId('2024M13')).toThrow(
      /^Unknown period id "2024M13": expected a DHIS2 period id such as 20240115, 2024W3/,
    );
    expect(() => parsePeriodId('202413')).toThrow(
      'Invalid period id "202413": Monthly periods are numbered 01–12, not 13',
    );
    expect(() => parsePeriodId('20240230')).toThrow(
      'Invalid period id "20240230": 2024-02 has no day 30',
    );
    expect(() => parsePeriodId('2024W53')).toThrow(
      'Invalid period id "2024W53": Weekly week-year 2024 has weeks 1–52',
    );
    expect(() => parsePeriodId('x'.repeat(100))).toThrow(`"${'x'.repeat(40)}…"`);
  });
});

describe('periodTypeOf', () => {
  it('names the type of an id', () => {
    expect(periodTypeOf('2023AprilS2')).toBe('SixMonthlyApril');
    expect(periodTypeOf('2024-01')).toBe('Monthly');
    expect(periodTypeOf('2024SunW5')).toBe('WeeklySunday');
  });

  it('throws on an invalid id', () => {
    expect(() => periodTypeOf('2024Q9')).toThrow(ValidationError);
  });
});
