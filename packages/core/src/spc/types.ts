/**
 * Input, options and result of an SPC computation. A chart is data: the result is a plain,
 * serialisable model that `web` draws and the CLI prints (DESIGN.md §6, "The analysis command").
 */
import type { Warning } from '../errors.ts';
import type { SpcChartType } from './chart-types.ts';

/** The series to chart, one row per subgroup, in time order. */
export interface SpcInput {
  /** Subgroup labels (dates, periods or numbers); reported back, never used in the arithmetic. */
  readonly x: readonly (string | number)[];
  /** Numerator (count) or measurement per row; `null` when missing. */
  readonly y: readonly (number | null)[];
  /**
   * Denominator per row; required for P, P′, U and U′. When given for another chart, the plotted
   * value is y/n as in qicharts2 (except C charts, which plot the count).
   */
  readonly n?: readonly (number | null)[];
}

/** How to compute the chart; the names follow qicharts2's `qic()` arguments. */
export interface SpcOptions {
  /** Chart type. */
  readonly chart: SpcChartType;
  /** Factor applied to y, centre line and limits after computing (e.g. 100 for per cent). Default 1. */
  readonly multiply?: number;
  /** Baseline = rows 1..freeze (a 1-based count); centre line and limits come from it. Ignored with `part`. */
  readonly freeze?: number;
  /** Last 1-based row of each part but the last (qicharts2 `part = 24`); each part gets its own lines. */
  readonly part?: readonly number[];
  /** 1-based rows kept on the chart but left out of centre line, limits and runs analysis. */
  readonly exclude?: readonly number[];
  /**
   * Drop moving ranges ≥ 3.267 × their mean before recomputing it (Nelson 1982), in I, T, P′ and
   * U′ charts. Default true: qicharts2 sets `qic.screenedmr = TRUE` when attached.
   */
  readonly screenMovingRanges?: boolean;
}

/** One plotted point with its lines and signals. A line that does not exist is `null`. */
export interface SpcPoint {
  /** 1-based row. */
  readonly i: number;
  readonly x: string | number;
  /** Plotted value × multiply: the measurement, count, y/n, or the moving range for MR charts. */
  readonly y: number | null;
  /** Denominator as given, or `null`. */
  readonly n: number | null;
  /** Centre line × multiply. */
  readonly cl: number | null;
  /** 3-sigma limits × multiply. */
  readonly lcl: number | null;
  readonly ucl: number | null;
  /** 2-sigma limits × multiply (informative only). */
  readonly lcl95: number | null;
  readonly ucl95: number | null;
  /** 1-based part (phase). */
  readonly part: number;
  /** Whether the row lies in the baseline period (`i <= freeze`, or every row without freeze). */
  readonly baseline: boolean;
  /** False for excluded rows. */
  readonly include: boolean;
  /** y beyond a 3-sigma limit, strictly; false where that limit is null. */
  readonly sigmaSignal: boolean;
  /** The part's Anhøj runs signal, repeated on each of its points (always false for MR charts). */
  readonly runsSignal: boolean;
}

/** The Anhøj runs analysis of one part (qicharts2 `runs.analysis`). */
export interface RunsAnalysis {
  /** 1-based part. */
  readonly part: number;
  /** First 1-based row of the part. */
  readonly firstIndex: number;
  /** Included rows of the part, missing values counted, excluded rows not. */
  readonly nObs: number;
  /** Included, non-missing points not on the centre line. */
  readonly nUseful: number;
  /** Longest run of useful points on one side of the centre line; null with no useful point. */
  readonly longestRun: number | null;
  /** round(log2(nUseful)) + 3: a signal when longestRun exceeds it. */
  readonly longestRunMax: number | null;
  /** Number of runs − 1. */
  readonly crossings: number | null;
  /** qbinom(0.05, nUseful − 1, ½): a signal when crossings fall below it. */
  readonly crossingsMin: number | null;
  /** longestRun > longestRunMax or crossings < crossingsMin; forced false for MR charts. */
  readonly runsSignal: boolean;
  /** Points of the part (excluded ones too) beyond a 3-sigma limit. */
  readonly sigmaSignals: number;
}

/** A computed run or control chart. */
export interface SpcChart {
  readonly chart: SpcChartType;
  readonly multiply: number;
  readonly points: readonly SpcPoint[];
  readonly parts: readonly RunsAnalysis[];
  /** Statistical caveats (codes such as `too_few_points`, `limits_not_computable`). */
  readonly warnings: readonly Warning[];
}
