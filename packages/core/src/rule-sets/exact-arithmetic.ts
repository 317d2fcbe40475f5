/**
 * Exact integer helpers for the critical-value tables: binomial coefficients as `bigint` and a
 * probability as the exact fraction its double stands for, so tail comparisons are exact.
 */

/** A non-negative fraction `num / den` with `den` a power of two. */
export interface DyadicFraction {
  readonly num: bigint;
  readonly den: bigint;
}

/**
 * The exact value of a double in [0, 1] as a fraction. Doubling a double is exact, so the loop
 * ends after at most 1074 steps with an integer numerator.
 * @param p - A probability.
 * @returns `num / den` equal to `p`.
 */
export function toDyadicFraction(p: number): DyadicFraction {
  let x = p;
  let den = 1n;
  while (!Number.isInteger(x)) {
    x *= 2;
    den *= 2n;
  }
  return { num: BigInt(x), den };
}

/**
 * Binomial coefficient C(n, k) as a `bigint`; 0 outside 0 ≤ k ≤ n.
 * @param n - Number of items (a non-negative integer).
 * @param k - Number chosen.
 */
export function binomialCoefficient(n: number, k: number): bigint {
  if (k < 0 || k > n) {
    return 0n;
  }
  const m = Math.min(k, n - k);
  let c = 1n;
  for (let j = 1; j <= m; j++) {
    // c·(n − m + j) is divisible by j because c = C(n − m + j − 1, j − 1).
    c = (c * BigInt(n - m + j)) / BigInt(j);
  }
  return c;
}
