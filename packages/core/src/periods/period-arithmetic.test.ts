/**
 * Reference: dhis2-core period types (`WeeklyAbstractPeriodType`, `BiWeeklyAbstractPeriodType`,
 * `*PeriodType.createPeriod` / `getNextPeriod`, and their tests, e.g. `BiWeeklyPeriodTypeTest`
 * for `2009BiW27`), and the `@dhis2/multi-calendar-dates` Gregorian "period by date" spec
 * (2022-01-01 → 2021W52). Examples marked "docs" come from shared/research/anchors.md §2.2.
 */
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.ts';
import {
  MAX_PERIOD_RANGE,
  comparePeriods,
  nextPeriod,
  parsePeriodId,
  periodContaining,
  periodDays,
  periodRange,
  previousPeriod,
  shiftPeriod,
  type PeriodType,
} from './index.ts';

const p = parsePeriodId;
const ids = (periods: readonly { id: string }[]) => periods.map((period) => period.id);

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) {
      return error.issues[0]?.code;
    }
    throw error;
  }
  return undefined;
}

describe('periodContaining', () => {
  const CASES: readonly (readonly [PeriodType, string, string])[] = [
    ['Daily', '2024-02-29', '20240229'],
    ['Weekly', '2022-01-01', '2021W52'], // docs, lib spec
    ['Weekly', '2024-12-31', '2025W1'],
    ['Weekly', '2021-01-03', '2020W53'],
    ['WeeklyWednesday', '2023-01-03', '2022WedW53'],
    ['WeeklyThursday', '2022-12-29', '2023ThuW1'],
    ['WeeklySaturday', '2022-12-31', '2023SatW1'],
    ['WeeklySunday', '2023-01-07', '2023SunW1'],
    ['BiWeekly', '2024-12-31', '2025BiW1'], // docs
    ['BiWeekly', '2010-01-01', '2009BiW27'], // server BiWeeklyPeriodTypeTest
    ['BiWeekly', '2021-01-04', '2021BiW1'], // in 2020BiW27 too: week 1 wins
    ['BiWeekly', '2017-12-29', '2017BiW26'],
    ['Monthly', '2024-02-29', '202402'],
    ['BiMonthly', '2024-04-30', '202402B'],
    ['Quarterly', '2024-04-01', '2024Q2'],
    ['QuarterlyNov', '2023-11-01', '2024NovQ1'],
    ['QuarterlyNov', '2024-01-31', '2024NovQ1'],
    ['QuarterlyNov', '2024-02-01', '2024NovQ2'],
    ['SixMonthly', '2024-07-01', '2024S2'],
    ['SixMonthlyApril', '2024-03-31', '2023AprilS2'],
    ['SixMonthlyNov', '2024-05-01', '2024NovS2'],
    ['SixMonthlyNov', '2024-11-01', '2025NovS1'],
    ['Yearly', '2024-12-31', '2024'],
    ['FinancialApril', '2005-03-31', '2004April'],
    ['FinancialJuly', '2024-07-01', '2024July'],
    ['FinancialSep', '2024-08-31', '2023Sep'],
    ['FinancialOct', '2024-10-01', '2024Oct'],
    ['FinancialNov', '2009-02-15', '2009Nov'], // server FinancialNovemberPeriodTypeTest dates
    ['FinancialNov', '2009-11-12', '2010Nov'],
  ];

  it.each(CASES)('finds the %s period of %s: %s', (type, date, id) => {
    const period = periodContaining(type, date);
    expect(period).toEqual(p(id));
    expect(period.startDate <= date && date <= period.endDate).toBe(true);
  });

  it('rejects bad dates and types', () => {
    expect(codeOf(() => periodContaining('Monthly', '2024-02-30'))).toBe('invalid_date');
    expect(codeOf(() => periodContaining('Monthly', '20240201'))).toBe('invalid_date');
    expect(codeOf(() => periodContaining('Fortnightly' as PeriodType, '2024-02-01'))).toBe(
      'invalid_period_type',
    );
  });

  it('refuses periods whose id year would not have four digits', () => {
    expect(codeOf(() => periodContaining('FinancialNov', '9999-11-01'))).toBe(
      'period_out_of_range',
    );
    expect(periodContaining('FinancialNov', '9999-10-31').id).toBe('9999Nov');
  });
});

describe('shiftPeriod, nextPeriod, previousPeriod', () => {
  it.each([
    ['2020W53', 1, '2021W1'],
    ['2021W1', -1, '2020W53'],
    ['2021W52', 1, '2022W1'],
    ['202412', 1, '202501'],
    ['202501', -1, '202412'],
    ['2024Q4', 1, '2025Q1'],
    ['20231231', 1, '20240101'],
    ['20240301', -1, '20240229'],
    ['202406B', 1, '202501B'],
    ['2024S2', 1, '2025S1'],
    ['2023AprilS2', 1, '2024AprilS1'],
    ['2024NovQ4', 1, '2025NovQ1'],
    ['2024NovS2', 1, '2025NovS1'],
    ['2024Nov', 1, '2025Nov'],
    ['2022WedW53', 1, '2023WedW1'],
    ['2020BiW26', 1, '2020BiW27'],
    ['2020BiW27', 1, '2021BiW1'],
    ['2021BiW1', -1, '2020BiW27'],
    ['2021BiW1', -28, '2019BiW26'],
    ['2024Q1', 0, '2024Q1'],
    ['202401', 120, '203401'],
    ['2024', -24, '2000'],
  ] as const)('shifts %s by %i to %s', (id, n, expected) => {
    expect(shiftPeriod(p(id), n).id).toBe(expected);
  });

  it('steps one period at a time', () => {
    expect(nextPeriod(p('2024Q4')).id).toBe('2025Q1');
    expect(previousPeriod(p('2021W1')).id).toBe('2020W53');
  });

  it('rejects a non-integer step, a tampered period, and leaving years 0000–9999', () => {
    expect(codeOf(() => shiftPeriod(p('2024Q1'), 1.5))).toBe('not_an_integer');
    expect(codeOf(() => shiftPeriod(p('2024Q1'), Number.NaN))).toBe('not_an_integer');
    expect(codeOf(() => shiftPeriod({ ...p('2024Q1'), endDate: '2024-03-30' }, 1))).toBe(
      'invalid_period',
    );
    expect(codeOf(() => shiftPeriod({ ...p('2024Q1'), type: 'Monthly' }, 1))).toBe(
      'invalid_period',
    );
    expect(codeOf(() => nextPeriod(p('9999')))).toBe('period_out_of_range');
    expect(codeOf(() => previousPeriod(p('00000101')))).toBe('period_out_of_range');
    expect(codeOf(() => shiftPeriod(p('2024BiW1'), 1e9))).toBe('period_out_of_range');
  });
});

describe('comparePeriods', () => {
  it('orders by start, then shorter first, then id', () => {
    const sorted = ['2024', '202401', '2024Q1', '2023W52', '20240101', '2024W1', '2024BiW1']
      .map(p)
      .sort(comparePeriods);
    expect(ids(sorted)).toEqual([
      '2023W52',
      '20240101',
      '2024W1',
      '2024BiW1',
      '202401',
      '2024Q1',
      '2024',
    ]);
  });

  it('breaks a tie on dates by id', () => {
    expect(comparePeriods(p('2024SunW1'), p('2024SunW1'))).toBe(0);
    const sameDates = { ...p('2024W1'), id: '2024W01' };
    expect(comparePeriods(sameDates, p('2024W1'))).toBeLessThan(0);
  });
});

describe('periodDays', () => {
  it.each([
    ['20240229', 1],
    ['2024W1', 7],
    ['2020BiW27', 14],
    ['202402', 29],
    ['202401B', 60],
    ['2024Q1', 91],
    ['2024NovQ1', 92],
    ['2024', 366],
    ['2023April', 366],
  ] as const)('%s has %i days', (id, days) => {
    expect(periodDays(p(id))).toBe(days);
  });
});

describe('periodRange', () => {
  it('lists periods across a year boundary, ids or periods alike', () => {
    expect(ids(periodRange('202411', '202502'))).toEqual(['202411', '202412', '202501', '202502']);
    expect(ids(periodRange(p('2020W52'), p('2021W2')))).toEqual([
      '2020W52',
      '2020W53',
      '2021W1',
      '2021W2',
    ]);
    expect(ids(periodRange('2020BiW26', '2021BiW1'))).toEqual([
      '2020BiW26',
      '2020BiW27',
      '2021BiW1',
    ]);
    expect(ids(periodRange('2024-01-30', '20240202'))).toEqual([
      '20240130',
      '20240131',
      '20240201',
      '20240202',
    ]);
  });

  it('gives one period when first and last are the same', () => {
    expect(ids(periodRange('2023NovemberQ1', '2024NovQ1'))).toEqual(['2024NovQ1']);
  });

  it('requires one type and first before last', () => {
    expect(codeOf(() => periodRange('202401', '2024Q1'))).toBe('invalid_period_range');
    expect(codeOf(() => periodRange('2024Q2', '2024Q1'))).toBe('invalid_period_range');
    expect(codeOf(() => periodRange('2024Q2', '2024Q5'))).toBe('invalid_period');
  });

  it(`stops at ${MAX_PERIOD_RANGE} periods with a clear error`, () => {
    expect(periodRange('19000101', '20090707')).toHaveLength(40_000);
    expect(() => periodRange('19000101', '20090708')).toThrow(
      `The period range 19000101…20090708 holds more than ${MAX_PERIOD_RANGE} Daily periods`,
    );
    expect(codeOf(() => periodRange('19000101', '20090708'))).toBe('period_range_too_long');
  });
});
