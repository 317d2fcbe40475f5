/**
 * Properties of `aggregateValues` over arbitrary monthly values of a quarter (fast-check):
 * SUM of the quarter is the sum of the months' SUMs, every type lies between MIN and MAX
 * (except SUM, COUNT and the org-unit sums), and AVERAGE_SUM_ORG_UNIT of a constant
 * monthly total is that total.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregateValues, type PeriodAggregate } from './aggregate.ts';

const MONTHS = [
  { startDate: '2024-01-01', endDate: '2024-01-31' },
  { startDate: '2024-02-01', endDate: '2024-02-29' },
  { startDate: '2024-03-01', endDate: '2024-03-31' },
];
const Q1 = { startDate: '2024-01-01', endDate: '2024-03-31' };

const rows = fc
  .array(
    fc.record({
      month: fc.integer({ min: 0, max: 2 }),
      orgUnit: fc.constantFrom('a', 'b', 'c'),
      value: fc.integer({ min: -1000, max: 1000 }),
    }),
    { minLength: 1, maxLength: 20 },
  )
  .map((list) => {
    // One value per org unit and month, as stored.
    const unique = new Map(list.map((r) => [`${r.month}${r.orgUnit}`, r]));
    return [...unique.values()].map((r): PeriodAggregate => ({
      ...MONTHS[r.month],
      orgUnitId: r.orgUnit,
      sum: r.value,
      count: 1,
      min: r.value,
      max: r.value,
    }));
  });

describe('aggregateValues properties', () => {
  it('sums a quarter as the sum of its months', () => {
    fc.assert(
      fc.property(rows, (list) => {
        const months = MONTHS.map((m) => aggregateValues('SUM', list, m) ?? 0);
        expect(aggregateValues('SUM', list, Q1)).toBe(months.reduce((a, b) => a + b, 0));
        expect(aggregateValues('COUNT', list, Q1)).toBe(list.length);
      }),
    );
  });

  it('keeps AVERAGE and LAST_AVERAGE_ORG_UNIT between MIN and MAX', () => {
    fc.assert(
      fc.property(rows, (list) => {
        const min = aggregateValues('MIN', list, Q1)!;
        const max = aggregateValues('MAX', list, Q1)!;
        for (const type of ['AVERAGE', 'LAST_AVERAGE_ORG_UNIT']) {
          const v = aggregateValues(type, list, Q1)!;
          expect(v).toBeGreaterThanOrEqual(min - 1e-9);
          expect(v).toBeLessThanOrEqual(max + 1e-9);
        }
      }),
    );
  });

  it('gives a constant monthly total back as AVERAGE_SUM_ORG_UNIT', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), (total) => {
        const list = MONTHS.map((m) => ({ ...m, sum: total, count: 1, min: total, max: total }));
        expect(aggregateValues('AVERAGE_SUM_ORG_UNIT', list, Q1)).toBeCloseTo(total, 9);
      }),
    );
  });
});
