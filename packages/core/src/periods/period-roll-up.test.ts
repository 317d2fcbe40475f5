/**
 * Reference: period dates from dhis2-core (`DateUnitPeriodTypeParser`, ISO-8601 weeks via
 * `WeekFields.of(startDay, 4)`). The week rules are Sankofa's: 'majority' puts a week in the
 * target period holding at least 4 of its 7 days (the ISO Thursday), 'start' in the one holding
 * its first day.
 */
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.ts';
import {
  PERIOD_TYPES,
  parsePeriodId,
  periodContaining,
  rollUpPeriod,
  type PeriodType,
} from './index.ts';

const p = parsePeriodId;

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

describe('rollUpPeriod for weeks', () => {
  /** [week, target, majority, start] */
  const CASES: readonly (readonly [string, PeriodType, string, string])[] = [
    ['2024W1', 'Monthly', '202401', '202401'], // 1–7 Jan: inside January
    ['2024W5', 'Monthly', '202402', '202401'], // Mon 29 Jan–Sun 4 Feb, Thursday 1 Feb
    ['2024W9', 'Monthly', '202402', '202402'], // 26 Feb–3 Mar: 4 days in February
    ['2024W27', 'Monthly', '202407', '202407'],
    ['2024W27', 'Quarterly', '2024Q3', '2024Q3'],
    ['2024W26', 'Quarterly', '2024Q2', '2024Q2'],
    ['2024W27', 'SixMonthly', '2024S2', '2024S2'],
    ['2024W14', 'SixMonthlyApril', '2024AprilS1', '2024AprilS1'],
    ['2025W1', 'Monthly', '202501', '202412'], // 30 Dec 2024–5 Jan 2025
    ['2025W1', 'Yearly', '2025', '2024'],
    ['2020W53', 'Yearly', '2020', '2020'], // 28 Dec 2020–3 Jan 2021, Thursday 31 Dec
    ['2020W53', 'FinancialJuly', '2020July', '2020July'],
    ['2024SunW1', 'Monthly', '202401', '202312'], // Sun 31 Dec–Sat 6 Jan
    ['2024SatW1', 'Yearly', '2024', '2023'], // Sat 30 Dec–Fri 5 Jan
    ['2024WedW9', 'Monthly', '202403', '202402'], // Wed 28 Feb–Tue 5 Mar: 2 days in February
    ['2024W2', 'WeeklyWednesday', '2024WedW2', '2024WedW1'], // Mon 8–Sun 14 Jan
    ['2024W2', 'BiWeekly', '2024BiW1', '2024BiW1'],
    ['2021W1', 'BiWeekly', '2021BiW1', '2021BiW1'], // not 2020BiW27, which also runs through it
    ['2020W53', 'BiWeekly', '2020BiW27', '2020BiW27'],
    ['2024BiW3', 'Monthly', '202402', '202401'], // 29 Jan–11 Feb: 3 days in January
    ['2024BiW7', 'Monthly', '202403', '202403'], // 25 Mar–7 Apr: a 7–7 tie goes to the earlier
    ['2024BiW7', 'Quarterly', '2024Q1', '2024Q1'],
    ['2020BiW27', 'Yearly', '2021', '2020'], // 28 Dec 2020–10 Jan 2021
  ];

  it.each(CASES)('rolls %s into %s: %s by majority, %s by start', (id, target, majority, start) => {
    expect(rollUpPeriod(p(id), target).id).toBe(majority);
    expect(rollUpPeriod(p(id), target, { weekRule: 'majority' }).id).toBe(majority);
    expect(rollUpPeriod(p(id), target, { weekRule: 'start' }).id).toBe(start);
  });
});

describe('rollUpPeriod for days and months', () => {
  it.each([
    ['20240229', 'Weekly', '2024W9'],
    ['20240229', 'BiWeekly', '2024BiW5'],
    ['20231115', 'QuarterlyNov', '2024NovQ1'],
    ['202405', 'Quarterly', '2024Q2'],
    ['202405', 'BiMonthly', '202403B'],
    ['202411', 'QuarterlyNov', '2025NovQ1'],
    ['202410', 'FinancialNov', '2024Nov'],
    ['202411', 'FinancialNov', '2025Nov'],
    ['2024Q1', 'FinancialApril', '2023April'],
    ['2024Q2', 'FinancialApril', '2024April'],
    ['2024Q2', 'SixMonthlyApril', '2024AprilS1'],
    ['2025Q1', 'SixMonthlyApril', '2024AprilS2'],
    ['2024Q3', 'FinancialJuly', '2024July'],
    ['2024Q4', 'FinancialOct', '2024Oct'],
    ['202401B', 'SixMonthly', '2024S1'],
    ['202406B', 'FinancialNov', '2025Nov'],
    ['2024NovQ2', 'SixMonthlyNov', '2024NovS1'],
    ['2024NovS2', 'FinancialNov', '2024Nov'],
    ['2023AprilS2', 'FinancialOct', '2023Oct'],
    ['2024S2', 'Yearly', '2024'],
  ] as const)('rolls %s into %s: %s', (id, target, expected) => {
    expect(rollUpPeriod(p(id), target).id).toBe(expected);
  });

  it('gives the period back for its own type', () => {
    for (const id of ['20240101', '2020BiW27', '2022WedW53', '2024NovQ1', '2024April']) {
      expect(rollUpPeriod(p(id), p(id).type)).toEqual(p(id));
    }
  });

  it('rolls any day up to the period containing it', () => {
    for (const type of PERIOD_TYPES) {
      expect(rollUpPeriod(p('20241231'), type)).toEqual(periodContaining(type, '2024-12-31'));
    }
  });
});

describe('rollUpPeriod refusals', () => {
  it.each([
    ['202402B', 'Quarterly'], // Mar–Apr spans Q1 and Q2
    ['202401B', 'Quarterly'], // inside Q1, but the type pair does not nest
    ['2024Q1', 'QuarterlyNov'],
    ['2024Q1', 'FinancialNov'],
    ['2024Q1', 'FinancialSep'],
    ['2024', 'FinancialApril'],
    ['2024S1', 'SixMonthlyApril'],
    ['2024NovQ1', 'Yearly'],
    ['202401B', 'SixMonthlyApril'],
    ['202401', 'BiWeekly'],
    ['202401', 'Weekly'],
    ['2024BiW1', 'Weekly'],
    ['2024BiW1', 'WeeklySunday'],
    ['2024W1', 'Daily'],
    ['2024', 'Quarterly'],
  ] as const)('refuses %s → %s with invalid_roll_up', (id, target) => {
    expect(codeOf(() => rollUpPeriod(p(id), target))).toBe('invalid_roll_up');
  });

  it('names the problem', () => {
    expect(() => rollUpPeriod(p('202402B'), 'Quarterly')).toThrow(
      'BiMonthly period 202402B does not roll up into Quarterly: BiMonthly periods do not nest in Quarterly ones',
    );
  });

  it('checks its arguments', () => {
    expect(codeOf(() => rollUpPeriod(p('2024W1'), 'Monthly', { weekRule: 'end' as 'start' }))).toBe(
      'invalid_option',
    );
    expect(codeOf(() => rollUpPeriod(p('2024W1'), 'Month' as PeriodType))).toBe(
      'invalid_period_type',
    );
    expect(codeOf(() => rollUpPeriod({ ...p('2024W1'), id: '2024W99' }, 'Monthly'))).toBe(
      'invalid_period',
    );
  });
});
