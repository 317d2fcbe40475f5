/**
 * The lower limit for the number of crossings in Anhøj's runs analysis: R's
 * `qbinom(0.05, n.useful - 1, 0.5)` (Chen 2010), as qicharts2 0.8.1 `runs.analysis` calls it.
 *
 * Computed here rather than in a shared distributions module so the SPC engine stands alone. The
 * CDF of Bin(m, ½) is summed term by term from P(0) = 2^-m, each term from the last by
 * P(k + 1) = P(k)·(m − k)/(k + 1) carried in logarithms so that nothing underflows for large m.
 * The relative error stays near 1e-13 for m in the thousands, far below the gap between
 * 0.05 and the nearest attainable CDF value, so the quantile is exact (checked in the tests
 * against exact integer arithmetic for m ≤ 2000).
 */

/**
 * R's `qbinom(p, m, 0.5)`: the smallest c with P(Bin(m, ½) ≤ c) ≥ p. Like R, p is first reduced
 * by 64 machine epsilons so that a CDF value equal to p up to rounding still counts.
 *
 * @param p - Probability, 0 < p < 1.
 * @param m - Number of trials, a non-negative integer.
 * @returns The quantile, an integer in 0..m.
 * @throws RangeError when p or m is out of range.
 * @example binomialHalfQuantile(0.05, 23) // 8, the crossings limit for 24 useful points
 */
export function binomialHalfQuantile(p: number, m: number): number {
  if (!(p > 0 && p < 1)) {
    throw new RangeError(`p must lie in (0, 1), got ${p}`);
  }
  if (!Number.isInteger(m) || m < 0) {
    throw new RangeError(`m must be a non-negative integer, got ${m}`);
  }
  const target = p * (1 - 64 * Number.EPSILON);
  let logPmf = -m * Math.LN2;
  let cdf = 0;
  for (let k = 0; k < m; k++) {
    cdf += Math.exp(logPmf);
    if (cdf >= target) {
      return k;
    }
    logPmf += Math.log((m - k) / (k + 1));
  }
  return m;
}

/** Crossings limits computed so far, by m (for m below {@link LIMITS_KEPT}). */
const limits: number[] = [];
const LIMITS_KEPT = 4096;

/**
 * Anhøj's lower limit for crossings among `nUseful` useful points: `qbinom(0.05, max(nUseful − 1,
 * 0), 0.5)`. Fewer crossings than this is a signal.
 *
 * @example crossingsLimit(24) // 8
 */
export function crossingsLimit(nUseful: number): number {
  const m = Math.max(nUseful - 1, 0);
  // Charts ask for the same few limits (a few dozen points) thousands of times in a scan.
  let limit = limits[m];
  if (limit === undefined) {
    limit = binomialHalfQuantile(0.05, m);
    if (m < LIMITS_KEPT) {
      limits[m] = limit;
    }
  }
  return limit;
}
