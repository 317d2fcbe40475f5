/**
 * Approximate Poisson CUSUM of Rossi, Lampugnani & Marchi (1999), "An approximate CUSUM procedure
 * for surveillance of health events", Stat Med 18:2111–2122, with the "standard" transformation,
 * as R package surveillance 1.20.3 computes it in `algo.cusum` (R/algo_cusum.R):
 *
 *   m = mean of all rows before the range (unless given);
 *   S(t) = max(0, S(t−1) + (y_t − m)/√m − k), S = 0 before the range, no reset after an alarm;
 *   alarm when S(t) ≥ h;
 *   upperbound(t) = max(0, ceiling(m + √m·(h + k − S(t−1)))), the whole count that would signal.
 */
import { InsufficientDataError, ValidationError, type Warning } from '../errors.ts';
import type { CusumControl } from './outbreak-options.ts';
import type { CheckedSeries } from './outbreak-series.ts';
import type { OutbreakPoint } from './types.ts';

/**
 * The in-control mean: the given `m`, or R's `mean(observed[1:(range[1] − 1)])`.
 *
 * @throws InsufficientDataError when m is not given and the range starts at row 1.
 * @throws ValidationError when the mean before the range is 0 (the standardisation divides by √m).
 */
export function cusumReferenceMean(series: CheckedSeries, control: CusumControl): number {
  if (control.m !== null) {
    return control.m;
  }
  const before = series.observed.slice(0, series.first - 1);
  if (before.length === 0) {
    throw new InsufficientDataError(
      'CUSUM estimates m from the rows before the range: start the range after row 1 or give m',
      1,
      0,
    );
  }
  let mean = before.reduce((a, v) => a + v, 0) / before.length;
  mean += before.reduce((a, v) => a + (v - mean), 0) / before.length;
  if (!(mean > 0)) {
    throw ValidationError.of(
      'm',
      'zero_reference_mean',
      `every row before row ${series.first} is 0, so the CUSUM cannot standardise by √m: give m > 0`,
    );
  }
  return mean;
}

/**
 * Poisson CUSUM over the monitored range.
 *
 * @param series - Checked series with its range.
 * @param control - k, h and m.
 * @returns Points with `cusumStatistic` S(t); `expected` is m. The effective m is returned too.
 * @throws InsufficientDataError or ValidationError from `cusumReferenceMean`.
 */
export function detectCusum(
  series: CheckedSeries,
  control: CusumControl,
): { points: OutbreakPoint[]; warnings: Warning[]; m: number } {
  const m = cusumReferenceMean(series, control);
  const { k, h } = control;
  const root = Math.sqrt(m);
  const points: OutbreakPoint[] = [];
  let previous = 0;
  for (let t = series.first; t <= series.last; t++) {
    const observed = series.observed[t - 1];
    const statistic = Math.max(0, previous + (observed - m) / root - k);
    const bound = Math.ceil(root * (h + k - previous) + m);
    points.push({
      t,
      observed,
      upperbound: Math.max(0, bound),
      alarm: statistic >= h,
      expected: m,
      cusumStatistic: statistic,
    });
    previous = statistic;
  }
  return { points, warnings: [], m };
}
