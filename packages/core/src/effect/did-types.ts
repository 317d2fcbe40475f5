/**
 * Input, options and result of a difference-in-differences estimate: an intervention group's
 * units against comparison units, before and after a common start.
 */
import type { Warning } from '../errors.ts';
import type { GlmFamily } from '../glm/types.ts';
import type { EffectCoefficient } from './effect-coefficient.ts';

/** Which arm a unit belongs to. */
export type DidGroup = 'intervention' | 'comparison';

/** One unit in one period (long data). */
export interface DidRow {
  /** Unit id (facility, district); each unit belongs to one group. */
  readonly unit: string | number;
  /** Period index (e.g. month number 1, 2, …); one row per unit and period. */
  readonly period: number;
  /** Count (Poisson families) or measurement (Gaussian). */
  readonly outcome: number;
  /** Denominator or exposure, > 0; the log-link models use log(exposure) as an offset. */
  readonly exposure?: number;
  readonly group: DidGroup;
}

/**
 * What the model adjusts for besides the group × period interaction:
 * - `none` (default): `intervention + post + intervention:post`, the canonical 2 × 2 model;
 * - `period`: period fixed effects replace `post` (common shocks, seasonality);
 * - `unit`: unit fixed effects replace `intervention` (stable differences between units);
 * - `unit-and-period`: both (two-way fixed effects).
 */
export type DidFixedEffects = 'none' | 'period' | 'unit' | 'unit-and-period';

/** What to estimate. */
export interface DidOptions {
  /** First period after the intervention: rows with `period >= interventionStart` are post. */
  readonly interventionStart: number;
  /** Default `poisson`. */
  readonly family?: GlmFamily;
  /** Default `none`. */
  readonly fixedEffects?: DidFixedEffects;
}

/** Totals of one group in one phase. */
export interface DidCell {
  readonly rows: number;
  readonly outcome: number;
  /** Σ exposure, or `null` without exposure. */
  readonly exposure: number | null;
  /** Σ outcome / Σ exposure, or the mean outcome without exposure. */
  readonly rate: number;
}

/** A difference-in-differences estimate. */
export interface DidResult {
  readonly family: GlmFamily;
  readonly fixedEffects: DidFixedEffects;
  /** The model as an R formula. */
  readonly formula: string;
  readonly statisticKind: 'z' | 't';
  readonly dispersion: number;
  readonly dfResidual: number;
  /**
   * The `intervention:post` coefficient: its rate ratio (log-link families) or difference
   * (Gaussian, `estimate`) is the effect, with Wald 95 % interval.
   */
  readonly effect: EffectCoefficient;
  readonly coefficients: readonly EffectCoefficient[];
  /**
   * Pre-trend check: `intervention:period` of `outcome ~ intervention * period` on the pre rows,
   * the difference in linear trends before the start (ratio of trends for log links); `null`
   * when it cannot be fitted (see warnings).
   */
  readonly preTrend: EffectCoefficient | null;
  readonly cells: {
    readonly intervention: { readonly pre: DidCell; readonly post: DidCell };
    readonly comparison: { readonly pre: DidCell; readonly post: DidCell };
  };
  readonly units: { readonly intervention: number; readonly comparison: number };
  readonly prePeriods: number;
  readonly postPeriods: number;
  /**
   * Caveats: `few_pre_periods`, `pre_trend_not_testable`, `pre_trends_differ`, `overdispersion`
   * and the GLM's.
   */
  readonly warnings: readonly Warning[];
}
