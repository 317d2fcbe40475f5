/**
 * Types of the GLM module: the design, the options of a fit and what a fit returns. Field names
 * follow R's `glm` object and `summary.glm` where they have an R counterpart (noted per field).
 */
import type { Warning } from '../errors.ts';

/** Families supported, each with R's default link: log for the Poisson ones, identity otherwise. */
export type GlmFamily = 'poisson' | 'quasipoisson' | 'gaussian';

/** A design matrix with named columns (R's `model.matrix`). */
export interface ModelMatrix {
  /** Column names, e.g. `(Intercept)`, `time`, `smokban`, `time:smokban`. */
  readonly terms: readonly string[];
  /** Rows of the matrix, each with one value per term. */
  readonly rows: readonly (readonly number[])[];
  /** Whether the first column is the intercept, which decides how the null deviance is fitted. */
  readonly intercept: boolean;
}

/** What to fit. */
export interface GlmOptions {
  readonly family: GlmFamily;
  /** Response, one value per design row. Counts (whole numbers ≥ 0) for `poisson`; ≥ 0 for `quasipoisson`. */
  readonly y: readonly number[];
  /** Design matrix, see `buildModelMatrix`. */
  readonly design: ModelMatrix;
  /** Prior weights, ≥ 0 (R's `weights`); rows with weight 0 do not enter the fit. Default 1. */
  readonly weights?: readonly number[];
  /** Offset added to the linear predictor, e.g. log(population) (R's `offset`). Default 0. */
  readonly offset?: readonly number[];
  /** Convergence tolerance on |dev − dev_old| / (|dev| + 0.1) (R's `glm.control(epsilon)`), default 1e-8. */
  readonly epsilon?: number;
  /** Maximum IRLS iterations (R's `glm.control(maxit)`), default 25. */
  readonly maxIterations?: number;
}

/** One row of the coefficient table (R's `summary.glm(fit)$coefficients`). */
export interface GlmCoefficient {
  readonly term: string;
  readonly estimate: number;
  readonly stdError: number;
  /** z value (Poisson) or t value (quasi-Poisson, Gaussian). */
  readonly statistic: number;
  /** Two-sided p-value: normal for Poisson, t with `dfResidual` degrees of freedom otherwise. */
  readonly pValue: number;
}

/** A fitted GLM. Vectors have one entry per input row, in input order. */
export interface GlmFit {
  readonly family: GlmFamily;
  readonly terms: readonly string[];
  readonly coefficients: readonly GlmCoefficient[];
  /** Which statistic `coefficients` carry: `z` when the dispersion is fixed at 1, else `t`. */
  readonly statisticKind: 'z' | 't';
  /** (X′WX)⁻¹ from the last IRLS step (R's `summary.glm(fit)$cov.unscaled`). */
  readonly covarianceUnscaled: readonly (readonly number[])[];
  /** `covarianceUnscaled` × `dispersion` (R's `vcov(fit)`). */
  readonly covariance: readonly (readonly number[])[];
  /**
   * 1 for Poisson; otherwise Σ wᵢ rᵢ² / df over rows with positive weight, where w are the
   * working weights and r the working residuals (R's `summary.glm(fit)$dispersion`). For the
   * quasi-Poisson this is the Pearson χ²/df of R, up to IRLS convergence.
   */
  readonly dispersion: number;
  /** Σ of squared Pearson residuals. */
  readonly pearsonChiSquare: number;
  readonly deviance: number;
  /** Deviance of the intercept-only model with the same weights and offset (R's `null.deviance`). */
  readonly nullDeviance: number;
  readonly dfResidual: number;
  readonly dfNull: number;
  /** Akaike's criterion, Poisson family only (R's `AIC`); null otherwise. */
  readonly aic: number | null;
  readonly rank: number;
  /** Response as fitted. */
  readonly y: readonly number[];
  /** Fitted means μ (R's `fitted.values`). */
  readonly fitted: readonly number[];
  /** Linear predictor η = Xβ + offset (R's `linear.predictors`). */
  readonly linearPredictor: readonly number[];
  readonly offset: readonly number[];
  readonly priorWeights: readonly number[];
  /** Working weights of the last IRLS step, 0 for rows with prior weight 0 (R's `weights`). */
  readonly workingWeights: readonly number[];
  /** (y − μ) / (dμ/dη) (R's `residuals(fit, "working")`). */
  readonly workingResiduals: readonly number[];
  /** (y − μ) √(prior weight / V(μ)) (R's `residuals(fit, "pearson")`). */
  readonly pearsonResiduals: readonly number[];
  /** sign(y − μ) √(unit deviance) (R's `residuals(fit, "deviance")`). */
  readonly devianceResiduals: readonly number[];
  /** Leverages from the last IRLS step's QR, 0 for rows with prior weight 0 (R's `hatvalues`). */
  readonly hatValues: readonly number[];
  readonly iterations: number;
  readonly converged: boolean;
  /** True when a step had to be halved (R's `boundary`). */
  readonly boundary: boolean;
  /** Caveats: `not_converged`, `fitted_rates_numerically_0`, `step_halved`, `null_deviance_not_converged`. */
  readonly warnings: readonly Warning[];
}
