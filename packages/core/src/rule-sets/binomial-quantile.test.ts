/**
 * Reference: R `qbinom(p, size, 0.5)` — the smallest c with P(X ≤ c) ≥ p — as used by
 * qicharts2 0.8.1 `runs.analysis()` (Chen 2010). Expected values computed with SciPy 1.17
 * `binom.ppf`, which uses the same definition, and checked against the critical-values table in
 * shared/research/anchors.md §3.1; exact ties (P = p exactly) by hand.
 */
import { describe, expect, it } from 'vitest';
import { EXACT_BINOMIAL_MAX_SIZE, binomialQuantileHalf } from './binomial-quantile.ts';
import { binomialCoefficient, toDyadicFraction } from './exact-arithmetic.ts';

/** SciPy `binom.ppf(0.05, n - 1, 0.5)` for n = 10…100. */
const CROSSINGS_MIN_10_TO_100 = [
  2, 2, 3, 3, 4, 4, 4, 5, 5, 6, 6, 6, 7, 7, 8, 8, 8, 9, 9, 10, 10, 11, 11, 11, 12, 12, 13, 13, 14,
  14, 14, 15, 15, 16, 16, 17, 17, 17, 18, 18, 19, 19, 20, 20, 21, 21, 21, 22, 22, 23, 23, 24, 24,
  25, 25, 25, 26, 26, 27, 27, 28, 28, 29, 29, 29, 30, 30, 31, 31, 32, 32, 33, 33, 34, 34, 34, 35,
  35, 36, 36, 37, 37, 38, 38, 39, 39, 39, 40, 40, 41, 41,
];

describe('binomialQuantileHalf', () => {
  it('matches qbinom(0.05, n − 1, 0.5) for n = 10…100', () => {
    const got = Array.from({ length: 91 }, (_, k) => binomialQuantileHalf(0.05, k + 9));
    expect(got).toEqual(CROSSINGS_MIN_10_TO_100);
  });

  it('returns the smallest c whose CDF reaches p when the CDF equals p exactly', () => {
    // Bin(11, ½): P(X ≤ 5) = ½ exactly, so the median is 5, not 6.
    expect(binomialQuantileHalf(0.5, 11)).toBe(5);
    // Bin(1, ½): P(X ≤ 0) = ½.
    expect(binomialQuantileHalf(0.5, 1)).toBe(0);
    expect(binomialQuantileHalf(0.25, 2)).toBe(0);
    expect(binomialQuantileHalf(0.2500001, 2)).toBe(1);
  });

  it('handles the edges as R does', () => {
    expect(binomialQuantileHalf(0.05, 0)).toBe(0);
    expect(binomialQuantileHalf(0, 50)).toBe(0);
    expect(binomialQuantileHalf(1, 50)).toBe(50);
  });

  it('agrees with SciPy beyond the exact range', () => {
    expect(EXACT_BINOMIAL_MAX_SIZE).toBe(4096);
    expect(binomialQuantileHalf(0.05, 4096)).toBe(1995);
    expect(binomialQuantileHalf(0.05, 4097)).toBe(1996);
    expect(binomialQuantileHalf(0.05, 5000)).toBe(2442);
    expect(binomialQuantileHalf(0.05, 10000)).toBe(4918);
    expect(binomialQuantileHalf(0.01, 20000)).toBe(9836);
  });

  it('rejects a probability outside [0, 1] or a bad size', () => {
    expect(() => binomialQuantileHalf(1.5, 10)).toThrow(RangeError);
    expect(() => binomialQuantileHalf(Number.NaN, 10)).toThrow(RangeError);
    expect(() => binomialQuantileHalf(0.05, -1)).toThrow(RangeError);
    expect(() => binomialQuantileHalf(0.05, 2.5)).toThrow(RangeError);
  });
});

describe('exact arithmetic', () => {
  it('computes binomial coefficients exactly', () => {
    expect(binomialCoefficient(60, 30)).toBe(118264581564861424n);
    expect(binomialCoefficient(5, 0)).toBe(1n);
    expect(binomialCoefficient(5, 6)).toBe(0n);
    expect(binomialCoefficient(5, -1)).toBe(0n);
  });

  it('writes a double as the exact fraction it stands for', () => {
    expect(toDyadicFraction(0.5)).toEqual({ num: 1n, den: 2n });
    expect(toDyadicFraction(0.25)).toEqual({ num: 1n, den: 4n });
    expect(toDyadicFraction(1)).toEqual({ num: 1n, den: 1n });
    const { num, den } = toDyadicFraction(0.05);
    // 0.05 is stored as 3602879701896397 / 2^56.
    expect(num).toBe(3602879701896397n);
    expect(den).toBe(2n ** 56n);
  });
});
