/**
 * Reference: DHIS2 aggregation types (docs "Data elements › Aggregation type"; dhis2-core
 * `JdbcAnalyticsManager.getAggregateClause`: AVERAGE_SUM_ORG_UNIT is `sum(daysxvalue) / days`).
 */
import { describe, expect, it } from 'vitest';
import { aggregateValues, rowsForPeriod, spanDays, type PeriodAggregate } from './aggregate.ts';

const Q1 = { startDate: '2024-01-01', endDate: '2024-03-31' }; // 91 days (leap year)
const JAN = { startDate: '2024-01-01', endDate: '2024-01-31' };
const FEB = { startDate: '2024-02-01', endDate: '2024-02-29' };
const MAR = { startDate: '2024-03-01', endDate: '2024-03-31' };

// Two facilities over three months: Jan (x 10, y 20), Feb (x 30, y missing), Mar (x 5, y 15).
const row = (
  span: typeof JAN,
  orgUnitId: string,
  value: number,
): PeriodAggregate & { orgUnitId: string } => ({
  ...span,
  orgUnitId,
  sum: value,
  count: 1,
  min: value,
  max: value,
});
const quarter = [
  row(JAN, 'x', 10),
  row(JAN, 'y', 20),
  row(FEB, 'x', 30),
  row(MAR, 'x', 5),
  row(MAR, 'y', 15),
];

describe('aggregateValues', () => {
  it.each([
    ['SUM', 80], // 10+20+30+5+15
    ['AVERAGE', 16], // 80 / 5 values
    ['AVERAGE_SUM_ORG_UNIT', (30 * 31 + 30 * 29 + 20 * 31) / 91], // Σ monthly sum × days / 91
    ['LAST', 20], // x: Mar 5, y: Mar 15
    ['LAST_AVERAGE_ORG_UNIT', 10], // (5 + 15) / 2
    ['MIN', 5],
    ['MAX', 30],
    ['COUNT', 5],
    ['NONE', null], // five values: no aggregation gives no value
    ['SOMETHING_NEW', 80], // unknown types sum
  ])('%s over a quarter of monthly values', (type, expected) => {
    const value = aggregateValues(type, quarter, Q1);
    if (expected === null) {
      expect(value).toBeNull();
    } else {
      expect(value).toBeCloseTo(expected, 12);
    }
  });

  it('takes each org unit’s own latest value for LAST', () => {
    // x reports Jan 10 and Feb 30, y only Jan 20: LAST = 30 + 20; LAST_AVERAGE = 25.
    const rows = [row(JAN, 'x', 10), row(FEB, 'x', 30), row(JAN, 'y', 20)];
    expect(aggregateValues('LAST', rows, Q1)).toBe(50);
    expect(aggregateValues('LAST_AVERAGE_ORG_UNIT', rows, Q1)).toBe(25);
  });

  it('counts a missing month as 0 in AVERAGE_SUM_ORG_UNIT, as DHIS2', () => {
    // Only January: 100 × 31 / 91.
    expect(aggregateValues('AVERAGE_SUM_ORG_UNIT', [row(JAN, 'x', 100)], Q1)).toBeCloseTo(
      3100 / 91,
      12,
    );
  });

  it('never splits a SUM value in time, but reuses an average-type value for periods inside it', () => {
    const yearly = [row({ startDate: '2024-01-01', endDate: '2024-12-31' }, 'x', 1200)];
    expect(aggregateValues('SUM', yearly, JAN)).toBeNull();
    expect(aggregateValues('COUNT', yearly, JAN)).toBeNull();
    expect(aggregateValues('AVERAGE_SUM_ORG_UNIT', yearly, JAN)).toBe(1200);
    expect(aggregateValues('AVERAGE', yearly, JAN)).toBe(1200);
    // A quarterly value beats the yearly one for a month: the shortest containing period wins.
    const both = [...yearly, row(Q1, 'x', 300)];
    expect(rowsForPeriod('AVERAGE', both, FEB).rows).toEqual([row(Q1, 'x', 300)]);
    // A value inside the period wins over any containing one.
    expect(aggregateValues('AVERAGE', [...both, row(FEB, 'x', 7)], FEB)).toBe(7);
  });

  it('ignores a stored period that straddles the asked one', () => {
    const week = { startDate: '2024-01-29', endDate: '2024-02-04' };
    expect(aggregateValues('SUM', [row(week, 'x', 9)], JAN)).toBeNull();
    expect(aggregateValues('SUM', [row(week, 'x', 9)], Q1)).toBe(9);
  });

  it('has no value when nothing was reported, and keeps a reported zero', () => {
    expect(aggregateValues('SUM', [], Q1)).toBeNull();
    expect(aggregateValues('AVERAGE', [{ ...JAN, sum: 0, count: 0, min: 0, max: 0 }], Q1)).toBe(
      null,
    );
    expect(aggregateValues('SUM', [{ ...JAN, sum: 0, count: 3, min: 0, max: 0 }], Q1)).toBe(0);
    expect(aggregateValues('NONE', [row(JAN, 'x', 4)], JAN)).toBe(4);
  });

  it('counts days with both ends included', () => {
    expect(spanDays(Q1)).toBe(91);
    expect(spanDays(FEB)).toBe(29);
    expect(() => spanDays({ startDate: '2024-02-30', endDate: '2024-03-01' })).toThrow(RangeError);
  });
});
