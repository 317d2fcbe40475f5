/**
 * Reference: R 4.2 `sum`, `mean` and `median` with `na.rm = TRUE` (long-double accumulation,
 * mean refined by a second pass), which qicharts2 0.8.1 uses for every centre line.
 */
import fc from 'fast-check';
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

  it('means as R does: the compensated mean of the present values, refined by their residuals', () => {
    // The two passes written over filtered copies, as the engine first had them: the loops that
    // skip NaN in place must give the same double.
    const reference = (values: readonly number[]) => {
      const present = values.filter((v) => !Number.isNaN(v));
      if (present.length === 0) {
        return Number.NaN;
      }
      const first = sumPresent(present) / present.length;
      return Number.isFinite(first)
        ? first + sumPresent(present.map((v) => v - first)) / present.length
        : first;
    };
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.double({ noNaN: true, min: -1e6, max: 1e6 }),
            fc.constant(Number.NaN),
            fc.integer({ min: 0, max: 5000 }),
            fc.double(),
          ),
          { maxLength: 60 },
        ),
        (values) => {
          expect(Object.is(meanPresent(values), reference(values))).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });
});
