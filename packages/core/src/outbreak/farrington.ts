/**
 * The classic Farrington method (Farrington, Andrews, Beale & Catchpole 1996, "A statistical
 * algorithm for the early detection of outbreaks of infectious disease", J R Stat Soc A
 * 159:547–563) as R package surveillance 1.20.3 computes it in `algo.farrington` with
 * `fitFun = "algo.farrington.fitGLM.fast"` (R/algo_farrington.R). For each monitored week k:
 *
 * 1. reference weeks from b years back ± w weeks (`farrington-reference-weeks.ts`);
 * 2. quasi-Poisson GLM with a linear trend, reweighted by Anscombe residuals (threshold 1);
 * 3. the trend is kept only if b ≥ 3, its t test gives p < 0.05 and the prediction at k does not
 *    exceed the largest reference count; otherwise the model is refitted without it;
 * 4. threshold = upper end of the two-sided (1 − alpha) interval on the 2/3-power scale;
 * 5. limit54: with fewer than 5 cases in the last 4 weeks (week k included) there is no alarm
 *    and surveillance reports upperbound 0 — kept here, so results match the package;
 * 6. alarm when the exceedance score (y − μ₀)/(U − μ₀) > 1.
 */
import { InsufficientDataError, ValidationError, type Warning } from '../errors.ts';
import { normalQuantile } from '../distributions/normal.ts';
import { finiteOrNull } from './ears.ts';
import { fitWithTrendTest, predictFarrington, type FarringtonData } from './farrington-fit.ts';
import { classicReferenceRows, dayIndex } from './farrington-reference-weeks.ts';
import { deltaThreshold } from './farrington-threshold.ts';
import type { FarringtonControl } from './outbreak-options.ts';
import type { CheckedSeries } from './outbreak-series.ts';
import type { OutbreakPoint } from './types.ts';

/** Whether at least limit54[0] cases were seen in the limit54[1] weeks up to and including k. */
export function enoughRecentCases(
  observed: readonly number[],
  k: number,
  limit54: readonly [number, number],
): boolean {
  let sum = 0;
  for (let t = Math.max(1, k - limit54[1] + 1); t <= k; t++) {
    sum += observed[t - 1];
  }
  return sum >= limit54[0];
}

/** A point where the model could not be fitted: no threshold, no alarm, its extra fields null. */
export function failedPoint(t: number, observed: number, fields: readonly string[]): OutbreakPoint {
  return {
    ...Object.fromEntries(fields.map((f) => [f, null])),
    t,
    observed,
    upperbound: null,
    alarm: false,
    expected: null,
  };
}

const CLASSIC_FIELDS = [
  'score',
  'predictiveQuantile',
  'predictiveMedian',
  'phi',
  'trend',
  'enoughCases',
];

/** True for the errors the GLM raises on data it cannot fit. */
export function isFitFailure(error: unknown): boolean {
  return error instanceof ValidationError || error instanceof InsufficientDataError;
}

function farringtonWeek(
  series: CheckedSeries,
  control: FarringtonControl,
  k: number,
  rows: readonly number[],
): OutbreakPoint {
  const y = series.observed[k - 1];
  const data: FarringtonData = {
    response: rows.map((r) => series.observed[r - 1]),
    wtime: rows,
    seasgroups: null,
  };
  const settings = {
    reweight: control.reweight,
    weightsThreshold: 1,
    giveUpUnconverged: false,
    summaryWithPriorWeights: false,
  };
  const test = {
    trend: control.trend,
    b: control.b,
    pThreshold: 0.05,
    predictionTime: k,
    level: null,
  };
  const choice = fitWithTrendTest(data, test, settings);
  // With giveUpUnconverged false the fit always returns a model.
  const model = choice.model!;
  const doTrend = choice.doTrend;
  const prediction = predictFarrington(model, k, null, model.phi);
  const mu0 = prediction.response;
  const z = normalQuantile(1 - control.alpha / 2);
  const threshold = deltaThreshold(
    mu0,
    prediction.responseStdError,
    model.phi,
    z,
    control.powertrans,
    y,
  );
  const enoughCases = enoughRecentCases(series.observed, k, control.limit54);
  const score = enoughCases ? (y - mu0) / (threshold.upper - mu0) : 0;
  return {
    t: k,
    observed: y,
    upperbound: enoughCases ? finiteOrNull(threshold.upper) : 0,
    alarm: score > 1,
    expected: finiteOrNull(mu0),
    score: enoughCases ? finiteOrNull(score) : null,
    predictiveQuantile: finiteOrNull(threshold.lowerTail),
    predictiveMedian: finiteOrNull(threshold.median),
    phi: finiteOrNull(model.phi),
    trend: doTrend ? 1 : 0,
    enoughCases,
  };
}

/**
 * Classic Farrington over the monitored range.
 *
 * @param series - Checked series (with dates, reference weeks are found by calendar).
 * @param control - b, w, reweight, trend, alpha (two-sided), limit54, powertrans.
 * @returns Points with `score`, `predictiveQuantile` (pd q), `predictiveMedian` (pd m), `phi`,
 * `trend` (1 when kept) and `enoughCases`; warnings for missing reference weeks and failed fits.
 * @throws InsufficientDataError when a monitored week has fewer than 3 reference weeks.
 */
export function detectFarrington(
  series: CheckedSeries,
  control: FarringtonControl,
): { points: OutbreakPoint[]; warnings: Warning[] } {
  const rowOfDay = series.days === null ? null : dayIndex(series.days);
  const points: OutbreakPoint[] = [];
  const incomplete: number[] = [];
  const failed: number[] = [];
  for (let k = series.first; k <= series.last; k++) {
    const { rows, missing } = classicReferenceRows(series, k, control.b, control.w, rowOfDay);
    if (rows.length < 3) {
      throw new InsufficientDataError(
        `Farrington with b = ${control.b}, w = ${control.w} finds ${rows.length} reference weeks for row ${k}; it needs ${control.b * series.frequency + control.w} rows of history for all of them`,
        control.b * series.frequency + control.w,
        k - 1,
      );
    }
    if (missing > 0) {
      incomplete.push(k);
    }
    try {
      points.push(farringtonWeek(series, control, k, rows));
    } catch (error) {
      if (!isFitFailure(error)) {
        throw error;
      }
      failed.push(k);
      points.push(failedPoint(k, series.observed[k - 1], CLASSIC_FIELDS));
    }
  }
  const warnings: Warning[] = [];
  if (incomplete.length > 0) {
    warnings.push({
      code: 'reference_weeks_missing',
      message: `some reference weeks do not exist for rows ${incomplete.join(', ')}; the fit used the others`,
    });
  }
  if (failed.length > 0) {
    warnings.push({
      code: 'model_failed',
      message: `the GLM could not be fitted for rows ${failed.join(', ')}; they have no threshold`,
    });
  }
  return { points, warnings };
}
