/**
 * The shape every chart's limit function works on: the rows of one part, with missing values as
 * NaN so that R's NA arithmetic carries over, and the lines it returns (before `multiply`).
 */

/** The rows of one part, ready for a chart's centre line and limits. Missing values are NaN. */
export interface PartFrame {
  /** Plotted value: the measurement, y/n when a denominator is given, or the count (C charts). */
  readonly y: readonly number[];
  /** Numerator per row (qicharts2's `y.sum`), used by P, P′, U and U′ for Σy/Σn. */
  readonly numerator: readonly number[];
  /** Denominator per row; NaN when missing, zero, or not given. */
  readonly n: readonly number[];
  /** `baseline && include` per row: the rows the centre line and limits are computed from. */
  readonly base: readonly boolean[];
}

/** Centre line and limits of one part, before `multiply`; NaN where R gives NA, NaN or ±Inf. */
export interface PartLines {
  /** The plotted values, which some charts transform (MR: moving ranges; T: back-transformed). */
  readonly y: readonly number[];
  readonly cl: number;
  readonly lcl: readonly number[];
  readonly ucl: readonly number[];
  readonly lcl95: readonly number[];
  readonly ucl95: readonly number[];
}

/** Settings a chart's limit function may need. */
export interface LimitsContext {
  /** qicharts2's `qic.screenedmr` option. */
  readonly screenMovingRanges: boolean;
}

/** Computes a part's centre line and limits: one per chart type (`qic.<chart>` in qicharts2). */
export type ChartLimits = (frame: PartFrame, context: LimitsContext) => PartLines;

/** The values of `values` at the baseline rows of `frame`. */
export function baseValues(frame: PartFrame, values: readonly number[]): number[] {
  return values.filter((_value, k) => frame.base[k]);
}

/**
 * Lines at cl ± 3σ and cl ± 2σ for a per-row sigma (a constant sigma is passed as a function of
 * nothing). No clamping: each chart clamps as qicharts2 does.
 */
export function sigmaLines(
  frame: PartFrame,
  cl: number,
  sigmaAt: (k: number) => number,
  y: readonly number[] = frame.y,
): PartLines {
  const sigma = frame.y.map((_value, k) => sigmaAt(k));
  return {
    y,
    cl,
    lcl: sigma.map((s) => cl - 3 * s),
    ucl: sigma.map((s) => cl + 3 * s),
    lcl95: sigma.map((s) => cl - 2 * s),
    ucl95: sigma.map((s) => cl + 2 * s),
  };
}

/** Replaces finite values below `floor` by `floor` (qicharts2: `lcl[lcl < 0 & is.finite(lcl)] <- 0`). */
export function floorFinite(values: readonly number[], floor: number): number[] {
  return values.map((value) => (Number.isFinite(value) && value < floor ? floor : value));
}

/** Replaces finite values above `ceiling` by `ceiling` (qicharts2: `ucl[ucl > 1 & is.finite(ucl)] <- 1`). */
export function ceilFinite(values: readonly number[], ceiling: number): number[] {
  return values.map((value) => (Number.isFinite(value) && value > ceiling ? ceiling : value));
}
