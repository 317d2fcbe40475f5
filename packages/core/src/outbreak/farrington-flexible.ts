/**
 * The improved Farrington method (Noufaily, Enki, Farrington, Garthwaite, Andrews & Charlett 2013,
 * "An improved algorithm for outbreak detection in multiple surveillance systems", Stat Med
 * 32:1206–1222) as R package surveillance 1.20.3 computes it in `farringtonFlexible`
 * (R/farringtonFlexible.R). For each monitored week k:
 *
 * 1. rows and seasonal blocks (`farrington-flexible-blocks.ts`), leaving out the last
 *    `pastWeeksNotIncluded` weeks;
 * 2. quasi-Poisson GLM (trend, seasonal factor when noPeriods > 1), reweighted by Anscombe
 *    residuals above `weightsThreshold`; no result when IRLS does not converge even without trend;
 * 3. the trend is kept if b ≥ 3, its p-value < pThresholdTrend and the prediction at k does not
 *    exceed the largest count fitted;
 * 4. threshold: "delta" (2/3-power normal, one-sided alpha) or the negative binomial quantile
 *    ("nbPlugin", "muan"). Standard errors use the fit's own dispersion: surveillance passes φ
 *    inside `newdata`, where `predict.glm` ignores it;
 * 5. limit54 as in the classic method, but upperbound and expected are null when it blocks;
 * 6. alarm when score > 1 and observed ≠ 0.
 *
 * The extra fields keep surveillance's names and quirks: `score` = (y − fit)/(U − fit) where fit
 * is the linear predictor for the negative binomial methods; `mu0Vector` = exp(η₀) for nbPlugin
 * and exp(qnorm(1 − alpha, fit, se)) otherwise (for "delta", fit and se are on the count scale).
 */
import type { Warning } from '../errors.ts';
import { normalQuantile } from '../distributions/normal.ts';
import { finiteOrNull } from './ears.ts';
import { enoughRecentCases, failedPoint, isFitFailure } from './farrington.ts';
import {
  fitWithTrendTest,
  predictFarrington,
  trendCoefficient,
  type FarringtonFitSettings,
} from './farrington-fit.ts';
import { flexibleGlmData, type FlexibleData } from './farrington-flexible-blocks.ts';
import { dayIndex } from './farrington-reference-weeks.ts';
import { deltaThreshold, negativeBinomialThreshold } from './farrington-threshold.ts';
import type { FlexibleControl } from './outbreak-options.ts';
import type { CheckedSeries } from './outbreak-series.ts';
import type { OutbreakPoint } from './types.ts';

const FLEXIBLE_FIELDS = ['score', 'pvalue', 'mu0Vector', 'phiVector', 'trend', 'trendVector'];

/**
 * Results of monitored weeks by everything they were computed from (see {@link weekKey}), kept
 * by a caller that runs the method again and again on series that move on by a week or a month
 * (the signal scan): a week whose inputs are unchanged is not fitted again. Without a trend term
 * the fit reads only the counts of its reference rows, so the same counts give the same numbers
 * wherever the week sits in the series. `null`: no model could be fitted.
 */
export type FlexibleWeekMemo = Map<string, OutbreakPoint | null>;

/**
 * What the result of week k depends on: the control, the counts fitted (in order) and their
 * seasonal levels, the count of week k and the counts limit54 adds up; the time of each row only
 * when a trend can be fitted (b ≥ 3), since otherwise the model has no time term.
 */
function weekKey(
  control: string,
  series: CheckedSeries,
  k: number,
  data: FlexibleData,
  trendPossible: boolean,
  limit54: readonly [number, number],
): string {
  const from = Math.max(1, k - limit54[1] + 1);
  return JSON.stringify([
    control,
    data.response,
    data.seasgroups,
    trendPossible ? [data.wtime, data.predictionTime] : null,
    series.observed.slice(from - 1, k),
  ]);
}

function flexibleWeek(
  series: CheckedSeries,
  control: FlexibleControl,
  k: number,
  data: FlexibleData,
): OutbreakPoint | null {
  const y = series.observed[k - 1];
  const level = data.seasgroups === null ? null : control.noPeriods;
  if (level !== null && !data.seasgroups?.includes(level)) {
    return null;
  }
  const settings: FarringtonFitSettings = {
    reweight: control.reweight,
    weightsThreshold: control.weightsThreshold,
    giveUpUnconverged: true,
    summaryWithPriorWeights: true,
  };
  const { model, doTrend } = fitWithTrendTest(
    data,
    {
      trend: control.trend,
      b: control.b,
      pThreshold: control.pThresholdTrend,
      predictionTime: data.predictionTime,
      level,
    },
    settings,
  );
  if (model === null) {
    return null;
  }
  const prediction = predictFarrington(model, data.predictionTime, level);
  const delta = control.thresholdMethod === 'delta';
  const predFit = delta ? prediction.response : prediction.link;
  const predSe = delta ? prediction.responseStdError : prediction.linkStdError;
  const threshold =
    control.thresholdMethod === 'delta'
      ? deltaThreshold(
          predFit,
          predSe,
          model.phi,
          normalQuantile(1 - control.alpha),
          control.powertrans,
          y,
        )
      : negativeBinomialThreshold(
          predFit,
          predSe,
          model.phi,
          control.alpha,
          control.thresholdMethod,
          y,
        );
  const upper = threshold.upper;
  const pvalue = 'pvalue' in threshold ? threshold.pvalue : threshold.upperTail;
  const score = Number.isNaN(upper) ? NaN : (y - predFit) / (upper - predFit);
  const enoughCases = enoughRecentCases(series.observed, k, control.limit54);
  const mu0Vector =
    control.thresholdMethod === 'nbPlugin'
      ? Math.exp(predFit)
      : Number.isFinite(predFit) && predSe >= 0
        ? Math.exp(normalQuantile(1 - control.alpha, predFit, predSe))
        : NaN;
  return {
    t: k,
    observed: y,
    upperbound: enoughCases ? finiteOrNull(upper) : null,
    alarm: enoughCases && score > 1 && y !== 0,
    expected:
      enoughCases && !Number.isNaN(upper)
        ? finiteOrNull(delta ? predFit : Math.exp(predFit))
        : null,
    score: finiteOrNull(score),
    pvalue: finiteOrNull(pvalue),
    mu0Vector: finiteOrNull(mu0Vector),
    phiVector: finiteOrNull(model.phi),
    trend: doTrend ? 1 : 0,
    trendVector: doTrend ? finiteOrNull(trendCoefficient(model)) : null,
  };
}

/**
 * farringtonFlexible over the monitored range.
 *
 * @param series - Checked series (with dates, reference weeks are found by calendar).
 * @param control - See `FlexibleControl`.
 * @param memo - Results of weeks already computed, read and filled (see {@link FlexibleWeekMemo}).
 * @returns Points with `score`, `pvalue`, `mu0Vector`, `phiVector`, `trend`, `trendVector`, and
 * warnings for weeks without a model (`model_failed`; surveillance returns NA there).
 * @throws InsufficientDataError when the reference weeks of a monitored week do not exist.
 * @throws ValidationError when noPeriods is too big for the gap between windows.
 */
export function detectFarringtonFlexible(
  series: CheckedSeries,
  control: FlexibleControl,
  memo?: FlexibleWeekMemo,
): { points: OutbreakPoint[]; warnings: Warning[] } {
  const rowOfDay = series.days === null ? null : dayIndex(series.days);
  const points: OutbreakPoint[] = [];
  const failed: number[] = [];
  const controlKey = memo === undefined ? '' : JSON.stringify(control);
  const trendPossible = control.trend && control.b >= 3;
  for (let k = series.first; k <= series.last; k++) {
    // Missing history and a too-big noPeriods are the caller's errors; a fit that fails is one week's.
    const data = flexibleGlmData(series, k, control, rowOfDay);
    const key =
      memo === undefined
        ? undefined
        : weekKey(controlKey, series, k, data, trendPossible, control.limit54);
    const known = key === undefined ? undefined : memo?.get(key);
    let point: OutbreakPoint | null;
    if (known !== undefined) {
      point = known === null ? null : { ...known, t: k };
    } else {
      try {
        point = flexibleWeek(series, control, k, data);
      } catch (error) {
        if (!isFitFailure(error)) {
          throw error;
        }
        point = null;
      }
      if (key !== undefined) {
        memo?.set(key, point);
      }
    }
    if (point === null) {
      failed.push(k);
      point = failedPoint(k, series.observed[k - 1], FLEXIBLE_FIELDS);
    }
    points.push(point);
  }
  const warnings: Warning[] =
    failed.length === 0
      ? []
      : [
          {
            code: 'model_failed',
            message: `no model could be fitted for rows ${failed.join(', ')} (no convergence, or too few rows); they have no threshold`,
          },
        ];
  return { points, warnings };
}
