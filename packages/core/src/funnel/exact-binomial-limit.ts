/**
 * Exact binomial funnel limits with Spiegelhalter's interpolation (Spiegelhalter 2005, Stat Med
 * 24:1185–1202, appendix: exact limits for a proportion).
 *
 * Let F be the Bin(n, θ) distribution function and r_p the p-quantile, the smallest r with
 * F(r) ≥ p. The count limit is interpolated inside the step at r_p,
 *
 *   α = (F(r_p) − p) / (F(r_p) − F(r_p − 1)),   limit = (r_p − α) / n,
 *
 * which is the p-quantile of Y − U with U ~ Uniform(0, 1): the step is spread evenly over
 * (r_p − 1, r_p], so the limit moves continuously with p and θ. It is not monotone in n: the upper
 * limit can rise by less than 2/n from one n to the next (the step moves), which is why the
 * property tests bound the wobble rather than forbid it.
 */
import { binomialCdf, binomialQuantile } from '../distributions/index.ts';

/**
 * The p-quantile of a proportion from n trials with success probability θ, interpolated as
 * Spiegelhalter does, clamped to [0, 1] (r_p = 0 can give a negative value: no proportion lies
 * below 0).
 *
 * @param p - Tail probability, e.g. 0.025 for the lower 95 % limit or 0.999 for the upper 99.8 %.
 * @param n - Trials, a whole number ≥ 1.
 * @param theta - Target proportion in [0, 1].
 * @returns The limit as a proportion.
 * @example
 * ```ts
 * exactBinomialLimit(0.975, 20, 0.1); // 0.22847: r = 5, α = 0.43065, (5 − α) / 20
 * ```
 */
export function exactBinomialLimit(p: number, n: number, theta: number): number {
  const r = binomialQuantile(p, n, theta);
  const atR = binomialCdf(r, n, theta);
  const belowR = r > 0 ? binomialCdf(r - 1, n, theta) : 0;
  const step = atR - belowR;
  // R's quantile search accepts F(r) ≥ p·(1 − 8ε), so F(r) − p may be a hair below 0.
  const alpha = step > 0 ? Math.min(1, Math.max(0, (atR - p) / step)) : 0;
  return Math.min(1, Math.max(0, (r - alpha) / n));
}
