/**
 * Period ordering, adjacency and the words summaries use.
 */
import { describe, expect, it } from 'vitest';
import {
  comparePeriodIds,
  countPeriods,
  formatNumber,
  isNextPeriod,
  periodLabel,
  sortPeriodIds,
} from './signal-periods.ts';

describe('signal periods', () => {
  it('orders period ids by date, not as strings', () => {
    expect(sortPeriodIds(['2024W10', '2024W9', '2024W10', '2023W52'])).toEqual([
      '2023W52',
      '2024W9',
      '2024W10',
    ]);
    expect(comparePeriodIds('not-a-period', 'zzz')).toBeLessThan(0);
  });

  it('orders monthly ids among themselves and among other types by date', () => {
    // Two six-digit ids take a shortcut (string order); mixed with other types they are parsed.
    expect(sortPeriodIds(['202501', '202412', '2024Q4', '202410', '2024'])).toEqual([
      '2024',
      '202410',
      '2024Q4',
      '202412',
      '202501',
    ]);
    // Six digits that are no month order as strings, as any unparseable id does.
    expect(comparePeriodIds('202413', '202412')).toBeGreaterThan(0);
    expect(comparePeriodIds('202412', '202501')).toBeLessThan(0);
    expect(comparePeriodIds('202501', '202412')).toBeGreaterThan(0);
    expect(comparePeriodIds('202412', '202412')).toBe(0);
  });

  it('knows the next period across a year end, and only for the same type', () => {
    expect(isNextPeriod('202412', '202501')).toBe(true);
    expect(isNextPeriod('2024W52', '2025W1')).toBe(true);
    expect(isNextPeriod('202412', '202502')).toBe(false);
    expect(isNextPeriod('202412', '2025Q1')).toBe(false);
    expect(isNextPeriod('x', 'y')).toBe(false);
  });

  it('labels and counts periods in plain words', () => {
    expect(periodLabel('202403')).toBe('2024-03');
    expect(periodLabel('20240315')).toBe('2024-03-15');
    expect(periodLabel('2024Q1')).toBe('2024Q1');
    expect(countPeriods(1, '202403')).toBe('1 month');
    expect(countPeriods(3, '2024W3')).toBe('3 weeks');
    expect(countPeriods(2, '2024Q1')).toBe('2 quarters');
    expect(countPeriods(2, 'x')).toBe('2 periods');
  });

  it('rounds numbers for sentences', () => {
    expect(formatNumber(12)).toBe('12');
    expect(formatNumber(5.48333)).toBe('5.48');
    expect(formatNumber(57.9123)).toBe('57.9');
    expect(formatNumber(1234.56)).toBe('1235');
    expect(formatNumber(0.012345)).toBe('0.012');
  });
});
