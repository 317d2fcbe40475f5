/**
 * Reference: R 4.2 `sum`, `mean` and `median` with `na.rm = TRUE` (long-double accumulation,
 * mean refined by a second pass), which qicharts2 0.8.1 uses for every centre line.
 */
import { describe, expect, it } from 'vitest';
import { finiteOrNull, meanPresent, medianPresent, sumPresent } from './summary-statistics.ts';

describe('R-like summaries that skip missing values', () => {
  it('skips NaN, and gives R’s answers for empty input', () => {
    expect(sumPresent([1, Number.NaN, 2])).toBe(3);
    expect(sumPresent([])).toBe(0);
    expect(meanPresent([Number.NaN])).toBeNaN();
    expect(medianPresent([])).toBeNaN();
  });

  it('sums without the cancellation a plain loop suffers', () => {
    expect(sumPresent([1e16, 1, -1e16])).toBe(1);
    expect(sumPresent([0.1, 0.2, 0.3])).toBe(0.6);
    expect(meanPresent([0.1, 0.2, 0.3])).toBe(0.2);
  });

  it('overflows to Infinity like R, not to NaN', () => {
    expect(sumPresent([1e308, 1e308])).toBe(Infinity);
  });

  it('takes the middle value, or the mean of the middle two', () => {
    expect(medianPresent([5, 1, Number.NaN, 3])).toBe(3);
    expect(medianPresent([4, 1, 3, 2])).toBe(2.5);
  });

  it('writes NaN and ±Infinity as null', () => {
    expect([Number.NaN, Infinity, -Infinity, 0, -2].map(finiteOrNull)).toEqual([
      null,
      null,
      null,
      0,
      -2,
    ]);
  });
});
