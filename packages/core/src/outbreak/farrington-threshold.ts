/**
 * Thresholds of the Farrington methods, as R package surveillance 1.20.3 computes them.
 *
 * - Power-transformed normal ("delta"): `algo.farrington.threshold` (classic, two-sided alpha)
 *   and `algo.farrington.threshold.farrington` (flexible, one-sided). With μ₀ and its standard
 *   error from the GLM, τ = φ + se²/μ₀ and, for the 2/3 power (Farrington et al. 1996, eq. 7),
 *   sd = √(4/9 · μ₀^(1/3) · τ); bounds (μ₀^e ± z·sd)^(1/e), sorted, the lower one at least 0.
 * - Negative binomial ("nbPlugin", "muan"): `algo.farrington.threshold.noufaily` (Noufaily et
 *   al. 2013, Stat Med 32:1206): the 1 − alpha quantile of NB(mean μ, variance φμ), i.e.
 *   `qnbinom(1 − alpha, size = μ/(φ − 1), prob = 1/φ)` (Poisson when φ = 1), with μ = exp(η₀)
 *   ("nbPlugin") or the upper 1 − alpha quantile exp(η₀ + z·se(η₀)) ("muan").
 */
import {
  negativeBinomialCdfByProb,
  negativeBinomialQuantileByProb,
} from '../distributions/negative-binomial.ts';
import { normalCdf, normalQuantile } from '../distributions/normal.ts';
import { poissonCdf, poissonQuantile } from '../distributions/poisson.ts';
import type { FarringtonPowerTransform } from './types.ts';

/** Bounds and predictive quantities of the power-transformed normal threshold. */
export interface DeltaThreshold {
  /** Lower bound, ≥ 0. */
  readonly lower: number;
  /** Upper bound; NaN when undefined. */
  readonly upper: number;
  /** P(Y^e ≤ y^e) under the predictive normal (surveillance's `pd[, 1]`). */
  readonly lowerTail: number;
  /** P(Y^e > y^e) (farringtonFlexible's `pvalue`). */
  readonly upperTail: number;
  /** Predictive median back-transformed (surveillance's `pd[, 2]`), ≈ μ₀. */
  readonly median: number;
}

/** R's pnorm, NaN instead of an error for undefined arguments. */
function pnorm(x: number, mean: number, sd: number, tail: 'lower' | 'upper'): number {
  return Number.isNaN(x) || !Number.isFinite(mean) || !(sd >= 0)
    ? NaN
    : normalCdf(x, mean, sd, tail);
}

/**
 * The power-transformed normal threshold.
 *
 * @param mu0 - Predicted mean (response scale).
 * @param mu0StdError - Its standard error (response scale).
 * @param phi - Overdispersion, ≥ 1.
 * @param z - Normal quantile: qnorm(1 − alpha/2) for the classic method, qnorm(1 − alpha) for
 * the flexible one.
 * @param transform - Power transformation.
 * @param y - Observed count.
 */
export function deltaThreshold(
  mu0: number,
  mu0StdError: number,
  phi: number,
  z: number,
  transform: FarringtonPowerTransform,
  y: number,
): DeltaThreshold {
  const tau = phi + mu0StdError ** 2 / mu0;
  const [sd, exponent] =
    transform === 'none'
      ? [Math.sqrt(mu0 * tau), 1]
      : transform === '1/2'
        ? [Math.sqrt((1 / 4) * tau), 1 / 2]
        : [Math.sqrt((4 / 9) * mu0 ** (1 / 3) * tau), 2 / 3];
  const centre = mu0 ** exponent;
  const bounds = [(centre - z * sd) ** (1 / exponent), (centre + z * sd) ** (1 / exponent)];
  // R: sort(…, na.last = FALSE), then lower = max(0, lower, na.rm = TRUE).
  const [first, second] = bounds.some(Number.isNaN)
    ? [NaN, bounds.find((v) => !Number.isNaN(v)) ?? NaN]
    : [Math.min(...bounds), Math.max(...bounds)];
  const yPower = y ** exponent;
  const median =
    Number.isFinite(centre) && sd >= 0 ? normalQuantile(0.5, centre, sd) ** (1 / exponent) : NaN;
  return {
    lower: Number.isNaN(first) ? 0 : Math.max(0, first),
    upper: second,
    lowerTail: pnorm(yPower, centre, sd, 'lower'),
    upperTail: pnorm(yPower, centre, sd, 'upper'),
    median,
  };
}

/** Bounds of the negative binomial threshold. */
export interface NegativeBinomialThreshold {
  /** The mean plugged into the negative binomial (mu0Quantile in R). */
  readonly mean: number;
  readonly lower: number;
  /** Upper bound (a whole number); NaN when the mean is infinite or undefined. */
  readonly upper: number;
  /** P(Y ≥ y), farringtonFlexible's `pvalue`. */
  readonly pvalue: number;
}

/**
 * The negative binomial threshold of Noufaily et al. (2013).
 *
 * @param eta0 - Linear predictor at the current week.
 * @param eta0StdError - Its standard error (at the fit's own dispersion, as R's predict.glm).
 * @param phi - Overdispersion, ≥ 1.
 * @param alpha - One-sided error probability.
 * @param method - `nbPlugin` (mean exp(η₀)) or `muan` (mean exp(upper quantile of η₀)).
 * @param y - Observed count.
 */
export function negativeBinomialThreshold(
  eta0: number,
  eta0StdError: number,
  phi: number,
  alpha: number,
  method: 'nbPlugin' | 'muan',
  y: number,
): NegativeBinomialThreshold {
  const mean =
    method === 'nbPlugin'
      ? Math.exp(eta0)
      : Number.isFinite(eta0) && eta0StdError >= 0
        ? Math.exp(normalQuantile(1 - alpha, eta0, eta0StdError))
        : NaN;
  if (!Number.isFinite(mean) || !(phi >= 1)) {
    return { mean, lower: NaN, upper: NaN, pvalue: NaN };
  }
  if (phi > 1) {
    const size = mean / (phi - 1);
    const prob = 1 / phi;
    return {
      mean,
      lower: Math.max(0, negativeBinomialQuantileByProb(alpha, size, prob)),
      upper: negativeBinomialQuantileByProb(1 - alpha, size, prob),
      pvalue: negativeBinomialCdfByProb(y - 1, size, prob, 'upper'),
    };
  }
  return {
    mean,
    lower: Math.max(0, poissonQuantile(alpha, mean)),
    upper: poissonQuantile(1 - alpha, mean),
    pvalue: poissonCdf(y - 1, mean, 'upper'),
  };
}
