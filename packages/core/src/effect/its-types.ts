/**
 * Input, options and result of an interrupted time series fit (segmented regression, Lopez
 * Bernal, Cummins & Gasparrini 2017).
 */
import type { Warning } from '../errors.ts';
import type { GlmFamily } from '../glm/types.ts';
import type { EffectCoefficient } from './effect-coefficient.ts';

/** The data: columns by name, one value per row (rows in any order). */
export type ItsColumns = Readonly<Record<string, readonly number[]>>;

/** Harmonic (Fourier) seasonality, as tsModel's `harmonic(column, harmonics, period)`. */
export interface ItsSeason {
  /** Column with the position in the cycle, e.g. `month` (1–12). */
  readonly column: string;
  /** Length of the cycle, e.g. 12 for months; > 0. */
  readonly period: number;
  /** Number of sine/cosine pairs, a whole number with 1 ≤ harmonics ≤ period / 2. */
  readonly harmonics: number;
}

/** What to fit. Column names become term names. */
export interface ItsOptions {
  /** Outcome column: counts for `poisson`, ≥ 0 for `quasipoisson`. */
  readonly outcome: string;
  /** Time column (e.g. 1, 2, …); enters as a linear trend, and orders the rows. */
  readonly time: string;
  /** Intervention column: 0 before, 1 from the interruption on (a single step in time). */
  readonly intervention: string;
  /**
   * Exposure column (population, person-time), raw: the model uses log(exposure) as an offset,
   * as `offset(log(stdpop))`. Values must be > 0. Refused for the Gaussian family.
   */
  readonly offset?: string;
  /** Default `poisson`. */
  readonly family?: GlmFamily;
  /** Add a slope change `<intervention>:trend` = (time − t₀)·intervention. Default false. */
  readonly slopeChange?: boolean;
  /** Harmonic seasonality; none by default. */
  readonly season?: ItsSeason;
}

/** A fitted or counterfactual value at one row. */
export interface ItsFittedPoint {
  /** 1-based row of the input. */
  readonly row: number;
  readonly time: number;
  /** Fitted mean (expected count, offset included; R's `fitted.values`). */
  readonly mu: number;
  /** Linear predictor, offset included (R's `linear.predictors`). */
  readonly eta: number;
}

/** A fitted interrupted time series. */
export interface ItsResult {
  readonly family: GlmFamily;
  /** The model as an R formula (`aces ~ offset(log(stdpop)) + smokban + time + …`). */
  readonly formula: string;
  /** `z` for Poisson (dispersion fixed at 1), `t` for quasi-Poisson and Gaussian. */
  readonly statisticKind: 'z' | 't';
  /** 1 for Poisson; R's `summary.glm` dispersion otherwise (Pearson χ²/df for quasi-Poisson). */
  readonly dispersion: number;
  /** In R's column order: `(Intercept)`, intervention, time, sin1…, cos1…, `<intervention>:trend`. */
  readonly coefficients: readonly EffectCoefficient[];
  /** The intervention's row of `coefficients` (the level change). */
  readonly levelChange: EffectCoefficient;
  /** The `<intervention>:trend` row, or `null` without a slope change. */
  readonly slopeChange: EffectCoefficient | null;
  /** t₀: the last time before the intervention; the slope-change term is (time − t₀)·intervention. */
  readonly lastPreTime: number;
  /** Fitted values, one per row, in time order. */
  readonly fitted: readonly ItsFittedPoint[];
  /** Post-intervention rows with the intervention terms set to 0: the trend had nothing changed. */
  readonly counterfactual: readonly ItsFittedPoint[];
  readonly deviance: number;
  readonly nullDeviance: number;
  readonly dfResidual: number;
  /** Poisson only (R's `AIC`); `null` otherwise. */
  readonly aic: number | null;
  readonly preCount: number;
  readonly postCount: number;
  /**
   * Caveats: `few_pre_points`, `few_post_points`, `duplicate_time`, `overdispersion`, and the
   * GLM's (`not_converged`, `fitted_rates_numerically_0`, `step_halved`, …).
   */
  readonly warnings: readonly Warning[];
}
