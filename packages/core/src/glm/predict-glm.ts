/**
 * Prediction at a new covariate row with its standard error, as R's
 * `predict.glm(fit, newdata, se.fit = TRUE, dispersion = …)`: on the link scale
 * η₀ = x₀′β + offset₀ with Var(η₀) = x₀′ (X′WX)⁻¹ x₀ · dispersion; on the response scale
 * μ₀ = g⁻¹(η₀) with the delta-method standard error |dμ/dη| · se(η₀). Farrington's threshold
 * uses the response-scale pair with dispersion φ.
 */
import { ValidationError } from '../errors.ts';
import { familyFunctions } from './family.ts';
import { INTERCEPT } from './model-matrix.ts';
import type { GlmFit } from './types.ts';

/** Options of `predictGlm`. */
export interface PredictOptions {
  /** Offset at the new row (e.g. log population), default 0. */
  readonly offset?: number;
  /** Dispersion to scale the variance by; default the fit's own (R's default). */
  readonly dispersion?: number;
}

/** A prediction and its uncertainty. */
export interface GlmPrediction {
  /** η₀, the linear predictor. */
  readonly link: number;
  /** x₀′ (X′WX)⁻¹ x₀ · dispersion, the variance of η₀. */
  readonly linkVariance: number;
  readonly linkStdError: number;
  /** μ₀ = g⁻¹(η₀). */
  readonly response: number;
  /** |dμ/dη| · se(η₀). */
  readonly responseStdError: number;
}

function rowVector(
  fit: GlmFit,
  row: readonly number[] | Readonly<Record<string, number>>,
): number[] {
  const values = Array.isArray(row)
    ? (row as readonly number[])
    : fit.terms.map((term) => {
        const value = (row as Readonly<Record<string, number>>)[term] as number | undefined;
        if (value === undefined) {
          if (term === INTERCEPT) {
            return 1;
          }
          throw ValidationError.of(term, 'required', `the new row has no value for ${term}`);
        }
        return value;
      });
  if (values.length !== fit.terms.length) {
    throw ValidationError.of(
      'row',
      'length_mismatch',
      `the new row must have ${fit.terms.length} values`,
    );
  }
  values.forEach((v, j) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw ValidationError.of(
        fit.terms[j],
        'not_finite',
        `${fit.terms[j]} must be a finite number`,
      );
    }
  });
  return [...values];
}

/**
 * Predicts at a new covariate row.
 *
 * @param fit - A fitted GLM.
 * @param row - Values of the design terms, in `fit.terms` order or by term name (the intercept
 * may be left out and defaults to 1).
 * @param options - Offset at the row and the dispersion to use.
 * @returns Link and response predictions with their standard errors.
 * @throws ValidationError when the row is incomplete or not finite, or the dispersion is not > 0.
 * @example
 * ```ts
 * const p = predictGlm(fit, { wtime: 312 }, { dispersion: phi });
 * p.response; // μ₀
 * ```
 */
export function predictGlm(
  fit: GlmFit,
  row: readonly number[] | Readonly<Record<string, number>>,
  options: PredictOptions = {},
): GlmPrediction {
  const x0 = rowVector(fit, row);
  const offset = options.offset ?? 0;
  const dispersion = options.dispersion ?? fit.dispersion;
  if (!Number.isFinite(offset)) {
    throw ValidationError.of('offset', 'not_finite', 'offset must be a finite number');
  }
  if (!(dispersion > 0) || !Number.isFinite(dispersion)) {
    throw ValidationError.of(
      'dispersion',
      'out_of_range',
      `dispersion must be a finite number > 0, got ${dispersion}`,
    );
  }
  const beta = fit.coefficients.map((c) => c.estimate);
  const link = x0.reduce((acc, x, j) => acc + x * beta[j], 0) + offset;
  let quadratic = 0;
  for (let i = 0; i < x0.length; i++) {
    for (let j = 0; j < x0.length; j++) {
      quadratic += x0[i] * fit.covarianceUnscaled[i][j] * x0[j];
    }
  }
  const linkVariance = quadratic * dispersion;
  const linkStdError = Math.sqrt(linkVariance);
  const family = familyFunctions(fit.family);
  return {
    link,
    linkVariance,
    linkStdError,
    response: family.linkInverse(link),
    responseStdError: Math.abs(family.muEta(link)) * linkStdError,
  };
}
