/**
 * EARS C1 and C2 (Hutwagner et al. 2003, "The bioterrorism preparedness and response Early
 * Aberration Reporting System (EARS)", J Urban Health 80:i89–i96) as R package surveillance
 * 1.20.3 computes them in `earsC` (R/earsC.R):
 *
 * - C1: mean and standard deviation (n − 1) of the `baseline` rows t−7..t−1;
 * - C2: the same over t−9..t−3 (a two-row guard band);
 * - upperbound = mean + qnorm(1 − alpha) · max(sd, minSigma); alarm when observed > upperbound
 *   (strictly, as coded, although `?earsC` writes ≥).
 */
import { InsufficientDataError, type Warning } from '../errors.ts';
import { normalQuantile } from '../distributions/normal.ts';
import type { EarsControl } from './outbreak-options.ts';
import type { CheckedSeries } from './outbreak-series.ts';
import type { OutbreakPoint } from './types.ts';

/** Mean and standard deviation of a baseline window. */
export interface BaselineWindow {
  readonly mean: number;
  /** Sample standard deviation (n − 1). */
  readonly sd: number;
}

/** A number, or null when it is NaN or infinite (R's NA/NaN/Inf become null in our JSON). */
export function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

/**
 * Mean and sd of `observed` at 1-based rows t − fromLag … t − toLag, with R's two-pass mean
 * (a correction pass, as `mean()` and `var()` do) so that constant windows give sd exactly 0.
 */
export function baselineWindow(
  observed: readonly number[],
  t: number,
  fromLag: number,
  toLag: number,
): BaselineWindow {
  const values: number[] = [];
  for (let lag = fromLag; lag >= toLag; lag--) {
    values.push(observed[t - lag - 1]);
  }
  const n = values.length;
  let mean = values.reduce((a, v) => a + v, 0) / n;
  mean += values.reduce((a, v) => a + (v - mean), 0) / n;
  const ss = values.reduce((a, v) => a + (v - mean) ** 2, 0);
  return { mean, sd: Math.sqrt(ss / (n - 1)) };
}

/** Rows of history an EARS variant needs before the first monitored row (surveillance's `maxLag`). */
export function earsHistoryNeeded(control: EarsControl): number {
  return control.baseline + (control.variant === 'C1' ? 0 : control.variant === 'C2' ? 2 : 4);
}

/**
 * Throws unless there are enough rows before the first monitored one.
 *
 * @throws InsufficientDataError with the rows needed and present.
 */
export function requireEarsHistory(series: CheckedSeries, control: EarsControl): void {
  const needed = earsHistoryNeeded(control);
  const got = series.first - 1;
  if (got < needed) {
    throw new InsufficientDataError(
      `EARS ${control.variant} with baseline ${control.baseline} needs ${needed} rows before the first monitored row; range starts at row ${series.first}`,
      needed,
      got,
    );
  }
}

/** The C2 window of row t: rows t − baseline − 2 … t − 3. */
export function c2Window(observed: readonly number[], t: number, baseline: number): BaselineWindow {
  return baselineWindow(observed, t, baseline + 2, 3);
}

/**
 * EARS C1 or C2 over the monitored range.
 *
 * @param series - Checked series with its range.
 * @param control - Variant C1 or C2, alpha, baseline, minSigma.
 * @returns Points with `sd` and the C statistic (`c1Statistic` or `c2Statistic`), and warnings.
 * @throws InsufficientDataError when the range starts before enough history.
 */
export function detectEarsC1C2(
  series: CheckedSeries,
  control: EarsControl,
): { points: OutbreakPoint[]; warnings: Warning[] } {
  requireEarsHistory(series, control);
  const z = normalQuantile(1 - control.alpha);
  const statistic = control.variant === 'C1' ? 'c1Statistic' : 'c2Statistic';
  const points: OutbreakPoint[] = [];
  for (let t = series.first; t <= series.last; t++) {
    const { mean, sd } =
      control.variant === 'C1'
        ? baselineWindow(series.observed, t, control.baseline, 1)
        : c2Window(series.observed, t, control.baseline);
    const sigma = Math.max(sd, control.minSigma);
    const observed = series.observed[t - 1];
    const upperbound = mean + z * sigma;
    points.push({
      t,
      observed,
      upperbound,
      alarm: observed > upperbound,
      expected: mean,
      sd,
      [statistic]: finiteOrNull((observed - mean) / sigma),
    });
  }
  return { points, warnings: [] };
}
