/**
 * Input, options and result of outbreak (aberration) detection. The names of options follow the
 * `control` lists of R package surveillance 1.20.3 (`earsC`, `cusum`, `algo.farrington`,
 * `farringtonFlexible`), so a call can be translated one to one; see README.md for each default.
 */
import type { Warning } from '../errors.ts';

/**
 * The detection methods.
 *
 * - `ears-c1`, `ears-c2`: EARS C1 and C2 as `earsC(method = "C1" | "C2")`.
 * - `ears-c3`: EARS C3 as surveillance codes it (alarm driven by the two previous C2 values).
 * - `ears-c3-cdc`: EARS C3 as the CDC defines it (Hutwagner et al. 2003), C3 ≥ z.
 * - `cusum`: Rossi's approximate Poisson CUSUM, `cusum(trans = "standard")`.
 * - `farrington`: Farrington et al. (1996), `algo.farrington` with `algo.farrington.fitGLM.fast`.
 * - `farrington-flexible`: the improved Farrington of Noufaily et al. (2013), `farringtonFlexible`.
 */
export type OutbreakMethod =
  | 'ears-c1'
  | 'ears-c2'
  | 'ears-c3'
  | 'ears-c3-cdc'
  | 'cusum'
  | 'farrington'
  | 'farrington-flexible';

/** Every method, in the order the CLI lists them. */
export const OUTBREAK_METHODS: readonly OutbreakMethod[] = [
  'ears-c1',
  'ears-c2',
  'ears-c3',
  'ears-c3-cdc',
  'cusum',
  'farrington',
  'farrington-flexible',
];

/** Power transformation of the Farrington threshold (surveillance's `powertrans`). */
export type FarringtonPowerTransform = '2/3' | '1/2' | 'none';

/** How farringtonFlexible computes its threshold (surveillance's `thresholdMethod`). */
export type FarringtonThresholdMethod = 'delta' | 'nbPlugin' | 'muan';

/** A count series, one row per period in time order. */
export interface OutbreakSeries {
  /** Counts: whole numbers ≥ 0. */
  readonly observed: readonly number[];
  /**
   * ISO dates (`YYYY-MM-DD`, e.g. the Monday of each week), strictly increasing. When given, the
   * Farrington methods pick reference weeks by calendar as surveillance does for an `sts` with
   * dates (`epochAsDate = TRUE`): one year back by date, then the nearest same weekday. Without
   * dates they count `frequency` rows back (as for `disProg2sts(salmonella.agona)`). Only weekly
   * dates (frequency 52) are supported.
   */
  readonly dates?: readonly string[];
  /** Periods per year: 52 for weekly data (default), 12 monthly, 365 daily. */
  readonly frequency?: number;
}

/** Options; each applies to the methods named in its comment and is ignored (with a warning) by the others. */
export interface OutbreakOptions {
  readonly method: OutbreakMethod;
  /** Monitored rows, 1-based and inclusive (surveillance's `range = first:last`). */
  readonly range: { readonly first: number; readonly last: number };
  /**
   * Error probability. EARS: one-sided, default 0.001 (C1, C2) and 0.025 (C3). Farrington:
   * two-sided (upper end of the 1 − alpha interval), default 0.05. farringtonFlexible: one-sided,
   * default 0.05.
   */
  readonly alpha?: number;
  /** EARS: number of baseline weeks, ≥ 3, default 7. */
  readonly baseline?: number;
  /** EARS: smallest standard deviation used, ≥ 0, default 0. */
  readonly minSigma?: number;
  /** Farrington methods: years back, default 5. */
  readonly b?: number;
  /** Farrington methods: half-width of the window around each reference week, default 3. */
  readonly w?: number;
  /** Farrington methods: reweight past outbreaks by Anscombe residuals, default true. */
  readonly reweight?: boolean;
  /** Farrington methods: try a linear time trend, default true. */
  readonly trend?: boolean;
  /** farringtonFlexible: residuals above this are down-weighted, default 2.58 (classic: 1, fixed). */
  readonly weightsThreshold?: number;
  /** farringtonFlexible: the trend is kept when its p-value is below this, default 0.05 (classic: 0.05, fixed). */
  readonly pThresholdTrend?: number;
  /** farringtonFlexible: levels of the seasonal factor (1 = windows only), default 1. */
  readonly noPeriods?: number;
  /** farringtonFlexible: most recent weeks left out of the fit, default `w`. */
  readonly pastWeeksNotIncluded?: number;
  /** farringtonFlexible: threshold method, default `delta`. */
  readonly thresholdMethod?: FarringtonThresholdMethod;
  /** Farrington methods: no alarm unless `limit54[0]` cases in the last `limit54[1]` weeks, default [5, 4]. */
  readonly limit54?: readonly [number, number];
  /** Farrington methods: power transformation of the threshold, default `2/3`. */
  readonly powertrans?: FarringtonPowerTransform;
  /** CUSUM: reference value, default 1.04. */
  readonly k?: number;
  /** CUSUM: decision interval, default 2.26. */
  readonly h?: number;
  /** CUSUM: in-control mean; default (null) the mean of all rows before `range.first`. */
  readonly m?: number | null;
}

/**
 * One monitored row. Method-specific fields (see README.md) sit beside the common ones:
 * EARS `sd`, `c1Statistic`/`c2Statistic`/`c3Statistic`; CUSUM `cusumStatistic`; Farrington
 * `predictiveQuantile`, `predictiveMedian`, `phi`, `trend`, `enoughCases`; farringtonFlexible
 * `score`, `pvalue`, `mu0Vector`, `phiVector`, `trend`, `trendVector`.
 */
export interface OutbreakPoint {
  /** 1-based row. */
  readonly t: number;
  readonly observed: number;
  /** Threshold; `null` where the method gives none. */
  readonly upperbound: number | null;
  readonly alarm: boolean;
  /** Expected count under no outbreak; `null` where the method gives none. */
  readonly expected: number | null;
  readonly [field: string]: number | boolean | null;
}

/** A value of the effective control. */
export type OutbreakControlValue = number | string | boolean | null | readonly number[];

/** What `detectOutbreaks` returns. */
export interface OutbreakResult {
  readonly method: OutbreakMethod;
  /** The effective control with defaults filled in, under surveillance's names. */
  readonly control: Readonly<Record<string, OutbreakControlValue>>;
  /** The monitored rows, in order. */
  readonly points: readonly OutbreakPoint[];
  /** Caveats (codes in README.md), e.g. `option_ignored`, `reference_weeks_missing`, `model_failed`. */
  readonly warnings: readonly Warning[];
}
