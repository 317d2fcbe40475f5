/**
 * Quantile of Binomial(size, 1/2) as R's `qbinom(p, size, 0.5)` defines it: the smallest c with
 * P(X ≤ c) ≥ p. Used by the Anhøj crossings rule, `qbinom(0.05, n − 1, 0.5)` (Chen 2010).
 *
 * Kept local on purpose: the rule set must not depend on the shared distributions module.
 */
import { toDyadicFraction } from './exact-arithmetic.ts';

/**
 * Largest size computed in exact integer arithmetic. Above it the CDF is summed in floating
 * point (relative error near 1e-12), which can only matter if a CDF value falls within that
 * distance of p; no run chart part is that long.
 */
export const EXACT_BINOMIAL_MAX_SIZE = 4096;

/** Exact quantiles computed so far, by p and size. */
const exactQuantiles = new Map<string, number>();
const MEMO_MAX = 10_000;

/**
 * The p-quantile of Binomial(size, 0.5).
 * @param p - Probability in [0, 1].
 * @param size - Number of trials, a non-negative integer.
 * @returns The smallest c in 0..size with P(X ≤ c) ≥ p.
 * @throws RangeError when p is outside [0, 1] or size is not a non-negative integer.
 * @example
 * binomialQuantileHalf(0.05, 23); // 8, the Anhøj crossings minimum for 24 useful points
 */
export function binomialQuantileHalf(p: number, size: number): number {
  if (!(p >= 0 && p <= 1)) {
    throw new RangeError(`p must be in [0, 1], got ${p}`);
  }
  if (!Number.isSafeInteger(size) || size < 0) {
    throw new RangeError(`size must be a non-negative integer, got ${size}`);
  }
  if (p === 0 || size === 0) {
    return 0;
  }
  if (size > EXACT_BINOMIAL_MAX_SIZE) {
    return floatQuantile(p, size);
  }
  // A scan asks for the same few quantiles (p = 0.05, size ≤ 36) thousands of times; the exact
  // sum is done once per (p, size).
  const key = `${p}|${size}`;
  let quantile = exactQuantiles.get(key);
  if (quantile === undefined) {
    quantile = exactQuantile(p, size);
    if (exactQuantiles.size >= MEMO_MAX) {
      exactQuantiles.clear();
    }
    exactQuantiles.set(key, quantile);
  }
  return quantile;
}

/** P(X ≤ c) = S_c / 2^size ≥ num / den  ⇔  S_c · den ≥ num · 2^size. */
function exactQuantile(p: number, size: number): number {
  const { num, den } = toDyadicFraction(p);
  const target = num << BigInt(size);
  let term = 1n;
  let cumulative = 0n;
  for (let c = 0; c < size; c++) {
    if (c > 0) {
      term = binomialStep(term, size, c);
    }
    cumulative += term;
    if (cumulative * den >= target) {
      return c;
    }
  }
  return size;
}

/** C(size, c) from C(size, c − 1). */
function binomialStep(previous: bigint, size: number, c: number): bigint {
  return (previous * BigInt(size - c + 1)) / BigInt(c);
}

/** Same search with the pmf in log space, for very long series. */
function floatQuantile(p: number, size: number): number {
  const logHalfPower = -size * Math.LN2;
  let logChoose = 0;
  let cumulative = 0;
  for (let c = 0; c < size; c++) {
    if (c > 0) {
      logChoose += Math.log(size - c + 1) - Math.log(c);
    }
    cumulative += Math.exp(logChoose + logHalfPower);
    if (cumulative >= p) {
      return c;
    }
  }
  return size;
}
