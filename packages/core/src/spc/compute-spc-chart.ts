/**
 * Run and control charts as R qicharts2 0.8.1 `qic()` computes them, attached (moving ranges
 * screened): per part, the chart's centre line and limits from the baseline, included rows; the
 * Anhøj runs analysis over the part's included rows; then `multiply`, 3-sigma signals, and the
 * runs signal (never for MR charts).
 */
import type { Warning } from '../errors.ts';
import { analyseRuns } from './anhoej-runs.ts';
import { chartLimitsOf } from './chart-limits.ts';
import { hasControlLimits } from './chart-types.ts';
import type { PartFrame, PartLines } from './part-frame.ts';
import { splitParts, type PartRange } from './parts.ts';
import { prepareRows, type PreparedRows } from './prepare-rows.ts';
import { resolveSpcOptions, type ResolvedSpcOptions } from './resolve-spc-options.ts';
import { finiteOrNull } from './summary-statistics.ts';
import type { RunsAnalysis, SpcChart, SpcInput, SpcOptions, SpcPoint } from './types.ts';

/** Fewer useful points than this in a part and the Anhøj rules have little power. */
const MIN_USEFUL_POINTS = 10;

/**
 * Computes a run or control chart.
 *
 * @param input - x, y and (for P, P′, U, U′; optional otherwise) n, one row per subgroup in order.
 * @param options - Chart type, multiply, freeze, part, exclude and moving-range screening.
 * @returns Points with centre line, limits and signals, the runs analysis of each part, and
 *   warnings (`freeze_ignored_with_part`, `denominator_zero`, `denominator_missing`,
 *   `duplicate_x`, `too_few_points`, `limits_not_computable`).
 * @throws ValidationError for bad arguments (see {@link resolveSpcOptions}) and for a T chart with
 *   a time ≤ 0.
 * @throws InsufficientDataError when there are no rows.
 * @example
 * const chart = computeSpcChart({ x: [1, 2, 3, 4], y: [3, 5, 4, 6] }, { chart: 'i' });
 * chart.points[0].cl; // 4.5
 */
export function computeSpcChart(input: SpcInput, options: SpcOptions): SpcChart {
  const resolved = resolveSpcOptions(input, options);
  const rows = prepareRows(input, resolved.chart);
  const warnings: Warning[] = [...resolved.warnings, ...rows.warnings];
  const points: SpcPoint[] = [];
  const parts: RunsAnalysis[] = [];
  for (const range of splitParts(rows.y.length, resolved.part)) {
    const frame = frameOf(rows, range, resolved);
    const lines = chartLimitsOf(resolved.chart)(frame, resolved);
    const partPoints = pointsOf(input, range, frame, lines, resolved);
    const analysis = runsOf(range, lines, partPoints, resolved);
    for (const point of partPoints) {
      point.runsSignal = analysis.runsSignal;
      points.push(point);
    }
    parts.push(analysis);
    warnings.push(...partWarnings(analysis, partPoints, resolved));
  }
  return { chart: resolved.chart, multiply: resolved.multiply, points, parts, warnings };
}

function frameOf(rows: PreparedRows, range: PartRange, options: ResolvedSpcOptions): PartFrame {
  const base: boolean[] = [];
  for (let k = range.start; k < range.end; k++) {
    base.push(isBaseline(k + 1, options) && !options.exclude.has(k + 1));
  }
  return {
    y: rows.y.slice(range.start, range.end),
    numerator: rows.numerator.slice(range.start, range.end),
    n: rows.n.slice(range.start, range.end),
    base,
  };
}

function isBaseline(row: number, options: ResolvedSpcOptions): boolean {
  return options.freeze === null || row <= options.freeze;
}

/** A point while its part is computed: its runs signal is set once the part's runs are read. */
type PartPoint = SpcPoint & { runsSignal: boolean };

/** `value` × `multiply`, or null when not finite. */
function scaled(value: number, multiply: number): number | null {
  return finiteOrNull(value * multiply);
}

/** Points of a part after `multiply`, with sigma signals; runsSignal is filled in later. */
function pointsOf(
  input: SpcInput,
  range: PartRange,
  frame: PartFrame,
  lines: PartLines,
  options: ResolvedSpcOptions,
): PartPoint[] {
  const { multiply } = options;
  const cl = scaled(lines.cl, multiply);
  const points: PartPoint[] = [];
  for (let k = 0; k < frame.y.length; k++) {
    const row = range.start + k + 1;
    const y = scaled(lines.y[k], multiply);
    const lcl = scaled(lines.lcl[k], multiply);
    const ucl = scaled(lines.ucl[k], multiply);
    // R: y > ucl | y < lcl, with NA as FALSE; NA | TRUE is TRUE, so each side stands alone.
    const sigmaSignal = y !== null && ((ucl !== null && y > ucl) || (lcl !== null && y < lcl));
    points.push({
      i: row,
      x: input.x[row - 1],
      y,
      n: input.n?.[row - 1] ?? null,
      cl,
      lcl,
      ucl,
      lcl95: scaled(lines.lcl95[k], multiply),
      ucl95: scaled(lines.ucl95[k], multiply),
      part: range.part,
      baseline: isBaseline(row, options),
      include: !options.exclude.has(row),
      sigmaSignal,
      runsSignal: false,
    });
  }
  return points;
}

/** The Anhøj analysis of the part's included points, on the unmultiplied values as in qicharts2. */
function runsOf(
  range: PartRange,
  lines: PartLines,
  points: readonly SpcPoint[],
  options: ResolvedSpcOptions,
): RunsAnalysis {
  const centre = Number.isNaN(lines.cl) ? null : lines.cl;
  const values: (number | null)[] = [];
  const centres: (number | null)[] = [];
  let sigmaSignals = 0;
  for (let k = 0; k < points.length; k++) {
    if (points[k].sigmaSignal) {
      sigmaSignals++;
    }
    if (points[k].include) {
      values.push(Number.isNaN(lines.y[k]) ? null : lines.y[k]);
      centres.push(centre);
    }
  }
  const statistics = analyseRuns(values, centres);
  return {
    part: range.part,
    firstIndex: range.start + 1,
    nObs: values.length,
    ...statistics,
    // qicharts2 reports the MR chart's runs statistics but never signals on them.
    runsSignal: options.chart === 'mr' ? false : statistics.runsSignal,
    sigmaSignals,
  };
}

function partWarnings(
  analysis: RunsAnalysis,
  points: readonly SpcPoint[],
  options: ResolvedSpcOptions,
): Warning[] {
  const where = options.part.length > 0 ? `Part ${analysis.part}` : 'The chart';
  const warnings: Warning[] = [];
  if (analysis.nUseful < MIN_USEFUL_POINTS) {
    warnings.push({
      code: 'too_few_points',
      message: `${where} has ${analysis.nUseful} useful points (not missing, not on the centre line); the runs analysis needs about ${MIN_USEFUL_POINTS} to detect anything`,
    });
  }
  if (hasControlLimits(options.chart) && points.every((point) => point.ucl === null)) {
    warnings.push({
      code: 'limits_not_computable',
      message: `${where} has no control limits: its baseline has too few values, or no variation to estimate sigma from`,
    });
  }
  return warnings;
}
