/**
 * Exact Poisson funnel limits for a rate, in the chi-square form FunnelPlotR 0.6.0 uses for
 * unadjusted standardised ratios (`calculate_limits.R`, `data_type = "SR"`), with the expected
 * count E = θ·n in place of the observed one:
 *
 *   lower count = χ²_p(2E) / 2,   upper count = χ²_p(2E + 2) / 2,
 *
 * and the rate limit is the count limit divided by the exposure n. These are the Garwood
 * limits read with E as if it were observed: by the gamma–Poisson identity, for whole E the lower
 * limit L has P(Pois(L) ≥ E) = p and the upper U has P(Pois(U) ≤ E) = 1 − p. Unlike the
 * interpolated binomial limits they are smooth and monotone in n.
 */
import { chiSquareQuantile } from '../distributions/index.ts';

/**
 * The p-limit of a rate observed over exposure n when the true rate is θ.
 *
 * @param p - Tail probability: below ½ for a lower limit (0.025, 0.001), above for an upper.
 * @param n - Exposure (person-time), > 0.
 * @param theta - Target rate per unit of exposure, ≥ 0.
 * @returns The limit as a rate (events per unit of exposure).
 * @example
 * ```ts
 * exactPoissonRateLimit(0.975, 100, 0.1); // 0.18390: χ²_0.975(22) / 2 / 100
 * ```
 */
export function exactPoissonRateLimit(p: number, n: number, theta: number): number {
  const expected = theta * n;
  if (p < 0.5) {
    // χ² with 0 degrees of freedom is a point mass at 0.
    return expected > 0 ? chiSquareQuantile(p, 2 * expected) / 2 / n : 0;
  }
  return chiSquareQuantile(p, 2 * (expected + 1)) / 2 / n;
}
