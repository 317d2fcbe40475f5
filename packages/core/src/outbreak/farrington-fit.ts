/**
 * The quasi-Poisson model of the Farrington methods, as R package surveillance 1.20.3 fits it
 * (R/algo_farrington.R `algo.farrington.fitGLM.fast`, R/farringtonFlexible.R
 * `algo.farrington.fitGLM.flexible`): log μ = α [+ β·wtime] [+ seasonal factor]; if IRLS does not
 * converge with the trend, refit without it; overdispersion φ = max(dispersion, 1); optionally
 * refit with weights from the standardized Anscombe residuals s (Farrington et al. 1996, §3.3):
 * ω = γ s⁻² where s > threshold, ω = γ otherwise, γ chosen so that Σω = n.
 */
import { InsufficientDataError } from '../errors.ts';
import { anscombeResiduals } from '../glm/anscombe-residuals.ts';
import { fitGlm } from '../glm/fit-glm.ts';
import { buildModelMatrix, factorTerms, type TermSpec } from '../glm/model-matrix.ts';
import { predictGlm, type GlmPrediction } from '../glm/predict-glm.ts';
import { summarizeGlm } from '../glm/glm-summary.ts';
import type { GlmCoefficient, GlmFit, ModelMatrix } from '../glm/types.ts';

/** The rows a model is fitted to. */
export interface FarringtonData {
  readonly response: readonly number[];
  /** Time of each row (its 1-based row, or weeks since the first row when dated). */
  readonly wtime: readonly number[];
  /** Level of the seasonal factor of each row (farringtonFlexible with noPeriods > 1), or null. */
  readonly seasgroups: readonly number[] | null;
}

/** How to fit. */
export interface FarringtonFitSettings {
  readonly reweight: boolean;
  /** Residuals above this are down-weighted (1 in the classic method). */
  readonly weightsThreshold: number;
  /**
   * farringtonFlexible gives up (returns no model) when the fit without trend does not converge
   * either; algo.farrington's fast fit carries on with the unconverged fit.
   */
  readonly giveUpUnconverged: boolean;
  /**
   * farringtonFlexible stores the reweighting weights ω in the fitted model's `$weights`
   * (`model$weights <- omega` in `algo.farrington.fitGLM.flexible`), where `summary.glm` expects
   * the working weights. Its later t test of the trend and `predict.glm` standard errors therefore
   * use the dispersion Σ ω r² / df (r the working residuals) instead of Σ w r² / df. φ itself is
   * computed before, from the true working weights. algo.farrington's fast fit does not do this.
   */
  readonly summaryWithPriorWeights: boolean;
}

/** A fitted Farrington model. */
export interface FarringtonModel {
  readonly fit: GlmFit;
  /** max(dispersion, 1) of the final fit. */
  readonly phi: number;
  /** Whether `wtime` is in the model. */
  readonly hasTrend: boolean;
  /** The dispersion `summary.glm` and `predict.glm` see (see `summaryWithPriorWeights`). */
  readonly summaryDispersion: number;
  /** The coefficient table `summary.glm` gives at that dispersion. */
  readonly summaryCoefficients: readonly GlmCoefficient[];
}

/** Name of the time term, as in surveillance's formulas. */
export const WTIME = 'wtime';

function design(data: FarringtonData, trend: boolean): ModelMatrix {
  const terms: TermSpec[] = [];
  if (trend) {
    terms.push({ name: WTIME, values: data.wtime });
  }
  if (data.seasgroups !== null) {
    terms.push(...factorTerms('seasgroups', data.seasgroups));
  }
  return buildModelMatrix(terms, { rowCount: data.response.length });
}

/**
 * surveillance's `algo.farrington.assign.weights`: γ / s² above the threshold, γ elsewhere, with
 * γ = n / Σ (s⁻² above, 1 elsewhere). A NaN residual counts as "not above", as in R.
 */
export function assignWeights(s: readonly number[], threshold: number): number[] {
  const gamma = s.length / s.reduce((acc, v) => acc + (v > threshold ? v ** -2 : 1), 0);
  return s.map((v) => (v > threshold ? gamma * v ** -2 : gamma));
}

/**
 * The fit with R's leverages: `hatvalues()` (`lm.influence`) sets every leverage above
 * 1 − 10ε to exactly 1. It matters for a row fitted perfectly (a seasonal level with a single
 * week): its Anscombe residual becomes infinite and its weight 0, as in R.
 */
function withRLeverages(fit: GlmFit): GlmFit {
  const limit = 1 - 10 * Number.EPSILON;
  return fit.hatValues.some((h) => h > limit)
    ? { ...fit, hatValues: fit.hatValues.map((h) => (h > limit ? 1 : h)) }
    : fit;
}

/**
 * Fits the model, dropping the trend when IRLS does not converge with it, and reweights.
 *
 * @param data - Response, time and seasonal levels.
 * @param trend - Whether to try the trend.
 * @param settings - Reweighting and what to do without convergence.
 * @returns The model, or null when farringtonFlexible would give no result.
 * @throws ValidationError or InsufficientDataError from the GLM when the rows cannot be fitted.
 */
export function fitFarringtonModel(
  data: FarringtonData,
  trend: boolean,
  settings: FarringtonFitSettings,
): FarringtonModel | null {
  let hasTrend = trend;
  let matrix = design(data, hasTrend);
  let fit = fitGlm({ family: 'quasipoisson', y: data.response, design: matrix });
  if (!fit.converged) {
    if (hasTrend) {
      hasTrend = false;
      matrix = design(data, false);
      fit = fitGlm({ family: 'quasipoisson', y: data.response, design: matrix });
    }
    if (settings.giveUpUnconverged && !fit.converged) {
      return null;
    }
  }
  let phi = Math.max(fit.dispersion, 1);
  if (!settings.reweight) {
    return {
      fit,
      phi,
      hasTrend,
      summaryDispersion: fit.dispersion,
      summaryCoefficients: fit.coefficients,
    };
  }
  const weights = assignWeights(
    anscombeResiduals(withRLeverages(fit), phi),
    settings.weightsThreshold,
  );
  fit = fitGlm({ family: 'quasipoisson', y: data.response, design: matrix, weights });
  phi = Math.max(fit.dispersion, 1);
  if (!settings.summaryWithPriorWeights) {
    return {
      fit,
      phi,
      hasTrend,
      summaryDispersion: fit.dispersion,
      summaryCoefficients: fit.coefficients,
    };
  }
  const summary = summarizeGlm({
    terms: fit.terms,
    coefficients: fit.coefficients.map((c) => c.estimate),
    covarianceUnscaled: fit.covarianceUnscaled,
    fixedDispersion: false,
    dfResidual: fit.dfResidual,
    workingWeights: fit.priorWeights,
    workingResiduals: fit.workingResiduals,
  });
  return {
    fit,
    phi,
    hasTrend,
    summaryDispersion: summary.dispersion,
    summaryCoefficients: summary.coefficients,
  };
}

/**
 * Prediction at the current week: time `wtime` and, with a seasonal factor, the level of the
 * current window (surveillance's `seasgroups = factor(noPeriods)`).
 *
 * @param model - The fitted model.
 * @param wtime - Time of the current week.
 * @param level - Seasonal level of the current week, when the model has the factor.
 * @param dispersion - Dispersion for the standard error; default the one `predict.glm` uses
 * (`model.summaryDispersion`).
 */
export function predictFarrington(
  model: FarringtonModel,
  wtime: number,
  level: number | null,
  dispersion?: number,
): GlmPrediction {
  const row: Record<string, number> = {};
  for (const term of model.fit.terms) {
    if (term === WTIME) {
      row[term] = wtime;
    } else if (term.startsWith('seasgroups')) {
      row[term] = term === `seasgroups${String(level)}` ? 1 : 0;
    }
  }
  const scale = dispersion ?? model.summaryDispersion;
  if (scale > 0 && Number.isFinite(scale)) {
    return predictGlm(model.fit, row, { dispersion: scale });
  }
  // A perfect fit has dispersion 0 (R: standard error 0) and a saturated one NaN; predictGlm
  // accepts neither, so predict at dispersion 1 and scale the errors as R would.
  const unit = predictGlm(model.fit, row, { dispersion: 1 });
  const root = Math.sqrt(scale);
  return {
    ...unit,
    linkVariance: unit.linkVariance * scale,
    linkStdError: unit.linkStdError * root,
    responseStdError: unit.responseStdError * root,
  };
}

/** The trend's two-sided p-value (t test, `summary.glm`), or NaN when the model has no trend. */
export function trendPValue(model: FarringtonModel): number {
  return model.summaryCoefficients.find((c) => c.term === WTIME)?.pValue ?? NaN;
}

/** The trend's coefficient, or NaN when the model has no trend. */
export function trendCoefficient(model: FarringtonModel): number {
  return model.fit.coefficients.find((c) => c.term === WTIME)?.estimate ?? NaN;
}

/** Where to test the trend: surveillance keeps it only if all three criteria hold. */
export interface TrendTest {
  /** Whether a trend is wanted at all (`control$trend`). */
  readonly trend: boolean;
  /** Years back; the trend needs b ≥ 3. */
  readonly b: number;
  /** The trend's p-value must be below this (0.05 in the classic method). */
  readonly pThreshold: number;
  /** wtime and seasonal level of the current week, for the "no extrapolation" criterion. */
  readonly predictionTime: number;
  readonly level: number | null;
}

/** The model to predict from and whether it has the trend. `model` null: no result (flexible). */
export interface TrendChoice {
  readonly model: FarringtonModel | null;
  readonly doTrend: boolean;
}

/**
 * Fits the model, keeping the trend only if b ≥ 3, its p-value is below the threshold and the
 * prediction at the current week does not exceed the largest count fitted; otherwise refits
 * without it (surveillance's "atLeastThreeYears && significant && noExtrapolation").
 *
 * With b < 3 surveillance fits the trend only to drop it, so the trend model is skipped here;
 * the result is the same. A trend model without residual degrees of freedom (its t test is NaN
 * in R) is dropped too, which is what R does whenever it does not stop with an error.
 *
 * @throws ValidationError or InsufficientDataError from the GLM when the model without trend
 * cannot be fitted.
 */
export function fitWithTrendTest(
  data: FarringtonData,
  test: TrendTest,
  settings: FarringtonFitSettings,
): TrendChoice {
  if (test.trend && test.b >= 3) {
    let candidate: FarringtonModel | null | undefined;
    try {
      candidate = fitFarringtonModel(data, true, settings);
    } catch (error) {
      if (!(error instanceof InsufficientDataError)) {
        throw error;
      }
      candidate = undefined;
    }
    if (candidate === null) {
      return { model: null, doTrend: false };
    }
    if (candidate !== undefined && !candidate.hasTrend) {
      // IRLS converged only without the trend: surveillance goes on with that model.
      return { model: candidate, doTrend: false };
    }
    if (candidate !== undefined) {
      const fit = predictFarrington(candidate, test.predictionTime, test.level).response;
      if (trendPValue(candidate) < test.pThreshold && fit <= Math.max(...data.response)) {
        return { model: candidate, doTrend: true };
      }
    }
  }
  return { model: fitFarringtonModel(data, false, settings), doTrend: false };
}
