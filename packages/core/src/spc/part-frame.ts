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

/**
 * The values of `values` at the baseline rows of `frame`: `values` itself when every row is in
 * the baseline (a chart without a freeze or excluded rows, as nearly every chart of a scan is),
 * so read it, never change it.
 */
export function baseValues(frame: PartFrame, values: readonly number[]): readonly number[] {
  const { base } = frame;
  let all = values.length === base.length;
  for (let k = 0; all && k < base.length; k++) {
    all = base[k];
  }
  return all ? values : values.filter((_value, k) => base[k]);
}

/** Bounds the lines of a chart are clamped to, as qicharts2 clamps them (finite values only). */
export interface LineBounds {
  /** Lower limits (3σ and 2σ) below this become it: 0 for C, U, U′ (and G) charts. */
  readonly floor?: number;
  /** Upper limits (3σ and 2σ) above this become it: 1 for P and P′ charts. */
  readonly ceiling?: number;
}

/**
 * Lines at cl ± 3σ and cl ± 2σ, σ a constant (`sigma` a number) or per row (`sigma[k] · scale`),
 * the finite lower limits raised to `bounds.floor` and the finite upper limits lowered to
 * `bounds.ceiling` (qicharts2: `lcl[lcl < 0 & is.finite(lcl)] <- 0`,
 * `ucl[ucl > 1 & is.finite(ucl)] <- 1`). Without bounds, nothing is clamped: each chart clamps as
 * qicharts2 does. A scan draws 20,000 charts: a sigma function called per row made a number on
 * the heap for each.
 */
export function sigmaLines(
  frame: PartFrame,
  cl: number,
  sigma: number | readonly number[],
  scale = 1,
  y: readonly number[] = frame.y,
  bounds: LineBounds = {},
): PartLines {
  const count = frame.y.length;
  // Filled by push: an array made with its length has holes until filled, and V8 then reads
  // each number out of it as an object.
  const lcl: number[] = [];
  const ucl: number[] = [];
  const lcl95: number[] = [];
  const ucl95: number[] = [];
  const floor = bounds.floor ?? Number.NEGATIVE_INFINITY;
  const ceiling = bounds.ceiling ?? Number.POSITIVE_INFINITY;
  const constant = typeof sigma === 'number';
  for (let k = 0; k < count; k++) {
    const s = constant ? sigma : sigma[k] * scale;
    lcl.push(atLeast(cl - 3 * s, floor));
    ucl.push(atMost(cl + 3 * s, ceiling));
    lcl95.push(atLeast(cl - 2 * s, floor));
    ucl95.push(atMost(cl + 2 * s, ceiling));
  }
  return { y, cl, lcl, ucl, lcl95, ucl95 };
}

/** `value`, or `floor` when `value` is finite and below it. */
function atLeast(value: number, floor: number): number {
  return Number.isFinite(value) && value < floor ? floor : value;
}

/** `value`, or `ceiling` when `value` is finite and above it. */
function atMost(value: number, ceiling: number): number {
  return Number.isFinite(value) && value > ceiling ? ceiling : value;
}
