/** Reference: DHIS2 aggregation types (docs "Data elements › Aggregation type"). */
import { describe, expect, it } from 'vitest';
import { aggregateValues, type PeriodAggregate } from './aggregate.ts';

// Two facilities over three months: Jan (10, 20), Feb (30, missing), Mar (5, 15).
const quarter: PeriodAggregate[] = [
  { startDate: '2024-01-01', sum: 30, count: 2, min: 10, max: 20 },
  { startDate: '2024-02-01', sum: 30, count: 1, min: 30, max: 30 },
  { startDate: '2024-03-01', sum: 20, count: 2, min: 5, max: 15 },
];

describe('aggregateValues', () => {
  it.each([
    ['SUM', 80],
    ['NONE', 80],
    ['AVERAGE', 16],
    ['AVERAGE_SUM_ORG_UNIT', 80 / 3],
    ['LAST', 20],
    ['LAST_AVERAGE_ORG_UNIT', 10],
    ['MIN', 5],
    ['MAX', 30],
    ['COUNT', 5],
  ])('%s over a quarter of monthly values', (type, expected) => {
    expect(aggregateValues(type, quarter)).toBeCloseTo(expected, 12);
  });

  it('has no value when nothing was reported', () => {
    expect(aggregateValues('SUM', [])).toBeNull();
    expect(
      aggregateValues('AVERAGE', [{ startDate: '2024-01-01', sum: 0, count: 0, min: 0, max: 0 }]),
    ).toBeNull();
  });

  it('keeps a reported zero as a value', () => {
    expect(
      aggregateValues('SUM', [{ startDate: '2024-01-01', sum: 0, count: 3, min: 0, max: 0 }]),
    ).toBe(0);
  });
});
