/**
 * A GLM coefficient with its Wald 95 % interval and, for log-link families, the rate ratio: the
 * row every effect estimate (interrupted time series, difference-in-differences) reports.
 * The interval is exp(β ∓ qnorm(0.975)·se), as `Epi::ci.lin` and R's `confint.default` compute
 * it, for every family: the quasi-Poisson standard error already carries √dispersion.
 */
import { normalQuantile } from '../distributions/normal.ts';
import type { GlmCoefficient, GlmFamily } from '../glm/types.ts';

/** qnorm(0.975), computed once. */
const Z_975 = normalQuantile(0.975);

/** One row of an effect model's coefficient table. */
export interface EffectCoefficient extends GlmCoefficient {
  /** β − qnorm(0.975)·se, on the link scale (log for Poisson families, identity for Gaussian). */
  readonly ciLower: number;
  /** β + qnorm(0.975)·se, on the link scale. */
  readonly ciUpper: number;
  /** exp(β) for the log-link families; `null` for the Gaussian family. */
  readonly rateRatio: number | null;
  /** exp(ciLower) for the log-link families; `null` for the Gaussian family. */
  readonly rrCiLower: number | null;
  /** exp(ciUpper) for the log-link families; `null` for the Gaussian family. */
  readonly rrCiUpper: number | null;
}

/** Whether the family's link is the log (Poisson, quasi-Poisson) rather than the identity. */
export function hasLogLink(family: GlmFamily): boolean {
  return family !== 'gaussian';
}

/**
 * Adds the Wald 95 % interval and, for log-link families, the rate ratio to a coefficient.
 *
 * @param coefficient - A row of `fitGlm(...).coefficients`.
 * @param family - The family of the fit.
 * @returns The row with `ciLower`, `ciUpper` and the rate-ratio fields.
 * @example
 * ```ts
 * const row = withWaldInterval(fit.coefficients[1], 'quasipoisson');
 * row.rateRatio; // 0.8944 for the Sicily smoking ban (model 2)
 * ```
 */
export function withWaldInterval(
  coefficient: GlmCoefficient,
  family: GlmFamily,
): EffectCoefficient {
  const { estimate, stdError } = coefficient;
  const ciLower = estimate - Z_975 * stdError;
  const ciUpper = estimate + Z_975 * stdError;
  const log = hasLogLink(family);
  return {
    term: coefficient.term,
    estimate,
    stdError,
    statistic: coefficient.statistic,
    pValue: coefficient.pValue,
    ciLower,
    ciUpper,
    rateRatio: log ? Math.exp(estimate) : null,
    rrCiLower: log ? Math.exp(ciLower) : null,
    rrCiUpper: log ? Math.exp(ciUpper) : null,
  };
}
