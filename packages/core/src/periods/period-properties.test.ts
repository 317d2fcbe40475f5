/**
 * Property tests for every DHIS2 period type (dhis2-core `PeriodTypeEnum`), Gregorian calendar.
 * Oracles: ECMAScript `Date` in UTC for calendar dates and weekdays; the textbook ISO-8601
 * week-number formula `floor((dayOfYear - weekday + 10) / 7)`, shifted to each weekly
 * variant's start day, for week numbers (dhis2-core uses Java `WeekFields.of(startDay, 4)`).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysFromCivil, formatIsoDate, isoWeekday, parseIsoDate } from './civil-date.ts';
import {
  PERIOD_TYPES,
  comparePeriods,
  nextPeriod,
  parsePeriodId,
  periodContaining,
  periodDays,
  rollUpPeriod,
  shiftPeriod,
  type PeriodType,
} from './index.ts';

const DAY_MS = 86_400_000;
const SEED = 20240115;

/** Dates from 1900-01-01 to 2199-12-31. */
const dayArb = fc.integer({ min: daysFromCivil(1900, 1, 1), max: daysFromCivil(2199, 12, 31) });
const dateArb = dayArb.map(formatIsoDate);
const typeArb = fc.constantFrom(...PERIOD_TYPES);

/** Days per period of each type: [fewest, most]. */
const DAY_COUNTS: Readonly<Record<PeriodType, readonly [number, number]>> = {
  Daily: [1, 1],
  Weekly: [7, 7],
  WeeklyWednesday: [7, 7],
  WeeklyThursday: [7, 7],
  WeeklySaturday: [7, 7],
  WeeklySunday: [7, 7],
  BiWeekly: [14, 14],
  Monthly: [28, 31],
  BiMonthly: [59, 62],
  Quarterly: [90, 92],
  QuarterlyNov: [89, 92],
  SixMonthly: [181, 184],
  SixMonthlyApril: [182, 183],
  SixMonthlyNov: [181, 184],
  Yearly: [365, 366],
  FinancialApril: [365, 366],
  FinancialJuly: [365, 366],
  FinancialSep: [365, 366],
  FinancialOct: [365, 366],
  FinancialNov: [365, 366],
};

describe('civil dates', () => {
  it('agree with Date in UTC', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: daysFromCivil(0, 1, 1), max: daysFromCivil(9999, 12, 31) }),
        (day) => {
          const date = new Date(day * DAY_MS);
          expect(formatIsoDate(day)).toBe(date.toISOString().slice(0, 10));
          expect(isoWeekday(day)).toBe(date.getUTCDay() === 0 ? 7 : date.getUTCDay());
          expect(parseIsoDate(formatIsoDate(day))).toBe(day);
        },
      ),
      { seed: SEED, numRuns: 2000 },
    );
  });
});

/** Week-year and week of `day` for weeks starting on ISO weekday `startDay`, by the ISO formula. */
function oracleWeek(day: number, startDay: number): string {
  const weekOf = (d: number): [number, number] => {
    const year = new Date(d * DAY_MS).getUTCFullYear();
    const dayOfYear = d - daysFromCivil(year, 1, 1) + 1;
    const position = ((isoWeekday(d) - startDay + 7) % 7) + 1; // 1 = the type's first day
    return [year, Math.floor((dayOfYear - position + 10) / 7)];
  };
  const [year, week] = weekOf(day);
  // 28 December always lies in the last week of its week-year.
  if (week < 1) {
    return `${year - 1}/${weekOf(daysFromCivil(year - 1, 12, 28))[1]}`;
  }
  if (week > weekOf(daysFromCivil(year, 12, 28))[1]) {
    return `${year + 1}/1`;
  }
  return `${year}/${week}`;
}

const WEEK_START: Readonly<Record<string, readonly [number, string]>> = {
  Weekly: [1, 'W'],
  WeeklyWednesday: [3, 'WedW'],
  WeeklyThursday: [4, 'ThuW'],
  WeeklySaturday: [6, 'SatW'],
  WeeklySunday: [7, 'SunW'],
};

describe('periods of every type', () => {
  it('periodContaining(type, d) holds d, has the type and a plausible length', () => {
    fc.assert(
      fc.property(typeArb, dateArb, (type, date) => {
        const period = periodContaining(type, date);
        expect(period.type).toBe(type);
        expect(period.startDate <= date && date <= period.endDate).toBe(true);
        const [fewest, most] = DAY_COUNTS[type];
        const days = periodDays(period);
        expect(days >= fewest && days <= most).toBe(true);
      }),
      { seed: SEED, numRuns: 3000 },
    );
  });

  it('parse(id) gives the same period back', () => {
    fc.assert(
      fc.property(typeArb, dateArb, (type, date) => {
        const period = periodContaining(type, date);
        expect(parsePeriodId(period.id)).toEqual(period);
      }),
      { seed: SEED, numRuns: 3000 },
    );
  });

  it('shift(+k) then shift(-k) is the identity', () => {
    fc.assert(
      fc.property(typeArb, dateArb, fc.integer({ min: -60, max: 60 }), (type, date, k) => {
        const period = periodContaining(type, date);
        expect(shiftPeriod(shiftPeriod(period, 1), -1)).toEqual(period);
        expect(shiftPeriod(shiftPeriod(period, k), -k)).toEqual(period);
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it('the next period starts the day after (BiW27 excepted) and sorts after', () => {
    fc.assert(
      fc.property(typeArb, dateArb, (type, date) => {
        const period = periodContaining(type, date);
        const next = nextPeriod(period);
        const dayAfter = formatIsoDate(parseIsoDate(period.endDate)! + 1);
        // In a 53-week year BiW27 runs into the next year's week 1, which BiW1 also starts with.
        const weekBefore = formatIsoDate(parseIsoDate(period.endDate)! - 6);
        expect(next.startDate).toBe(/BiW27$/.test(period.id) ? weekBefore : dayAfter);
        expect(comparePeriods(period, next)).toBeLessThan(0);
        expect(comparePeriods(next, period)).toBeGreaterThan(0);
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it('numbers weeks like the ISO-8601 formula, shifted to each start day', () => {
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(WEEK_START)), dayArb, (type, day) => {
        const [startDay, infix] = WEEK_START[type];
        const [weekYear, week] = oracleWeek(day, startDay).split('/');
        const period = periodContaining(type as PeriodType, formatIsoDate(day));
        expect(period.id).toBe(`${weekYear}${infix}${week}`);
      }),
      { seed: SEED, numRuns: 3000 },
    );
  });

  it('a day rolls up to the period containing it, for any type', () => {
    fc.assert(
      fc.property(typeArb, dateArb, (type, date) => {
        const day = periodContaining('Daily', date);
        expect(rollUpPeriod(day, type)).toEqual(periodContaining(type, date));
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });
});
