/**
 * EARS C3, in two definitions that give different alarms (shared/validation-data README §2).
 *
 * With C2(i) = (y_i − mean2(i)) / S2(i), S2 = max(sd2, minSigma), z = qnorm(1 − alpha) and
 * lags(t) = max(0, C2(t−2) − 1) + max(0, C2(t−1) − 1):
 *
 * - `ears-c3` — as R package surveillance 1.20.3 codes it (R/earsC.R, unchanged upstream):
 *   upperbound(t) = max(0, y_t + S2(t)·(z − lags(t))), alarm when y_t > upperbound(t). The alarm
 *   therefore depends only on the two previous C2 values, never on week t itself.
 * - `ears-c3-cdc` — the CDC definition (Hutwagner et al. 2003; also `?earsC`):
 *   C3(t) = Σ_{i=t−2..t} max(0, C2(i) − 1), alarm when C3(t) ≥ z. Its upperbound is the smallest
 *   count that raises the alarm: mean2(t) + S2(t)·(1 + z − lags(t)) while lags(t) < z, and 0 once
 *   lags(t) ≥ z (the alarm is then raised whatever the count). So alarm ⇔ observed ≥ upperbound,
 *   except where S2(t) = 0, where C2 is infinite above the mean and the alarm needs observed > mean.
 *
 * Where S2 = 0 and y equals the baseline mean, C2 is 0/0. surveillance then returns NA; here the
 * package variant gives a null upperbound and no alarm, and the CDC variant counts no excess
 * for that week (its contribution to C3 is 0). Both are reported as `zero_baseline_sd`.
 */
import type { Warning } from '../errors.ts';
import { normalQuantile } from '../distributions/normal.ts';
import { c2Window, finiteOrNull, requireEarsHistory } from './ears.ts';
import type { EarsControl } from './outbreak-options.ts';
import type { CheckedSeries } from './outbreak-series.ts';
import type { OutbreakPoint } from './types.ts';

interface C2Value {
  readonly mean: number;
  readonly sd: number;
  readonly sigma: number;
  /** C2 as R computes it: ±Infinity or NaN when sigma is 0. */
  readonly c2: number;
}

function c2At(series: CheckedSeries, control: EarsControl, t: number): C2Value {
  const { mean, sd } = c2Window(series.observed, t, control.baseline);
  const sigma = Math.max(sd, control.minSigma);
  return { mean, sd, sigma, c2: (series.observed[t - 1] - mean) / sigma };
}

/** R's pmax(0, C2 − 1): NaN stays NaN. */
function excessPackage(c2: number): number {
  return Number.isNaN(c2) ? NaN : Math.max(0, c2 - 1);
}

/** The CDC reading: an undefined C2 (0/0) is no excess. */
function excessCdc(c2: number): number {
  return Number.isNaN(c2) ? 0 : Math.max(0, c2 - 1);
}

/**
 * EARS C3 over the monitored range.
 *
 * @param series - Checked series with its range.
 * @param control - alpha, baseline, minSigma (variant C3).
 * @param definition - `package` (surveillance's code) or `cdc` (the textbook definition).
 * @returns Points with `sd`, `c2Statistic`, `c3Statistic` (the CDC C3, for both definitions) and
 * warnings.
 * @throws InsufficientDataError when the range starts before baseline + 4 rows of history.
 */
export function detectEarsC3(
  series: CheckedSeries,
  control: EarsControl,
  definition: 'package' | 'cdc',
): { points: OutbreakPoint[]; warnings: Warning[] } {
  requireEarsHistory(series, control);
  const z = normalQuantile(1 - control.alpha);
  const undefinedRows: number[] = [];
  const points: OutbreakPoint[] = [];
  for (let t = series.first; t <= series.last; t++) {
    const [c2Lag2, c2Lag1, now] = [t - 2, t - 1, t].map((i) => c2At(series, control, i));
    const observed = series.observed[t - 1];
    const c3 = excessCdc(c2Lag2.c2) + excessCdc(c2Lag1.c2) + excessCdc(now.c2);
    if ([c2Lag2, c2Lag1, now].some((c) => Number.isNaN(c.c2))) {
      undefinedRows.push(t);
    }
    let upperbound: number | null;
    let alarm: boolean;
    if (definition === 'package') {
      const lags = excessPackage(c2Lag2.c2) + excessPackage(c2Lag1.c2);
      const bound = observed + now.sigma * (z - lags);
      upperbound = Number.isNaN(bound) ? null : Math.max(0, bound);
      alarm = upperbound !== null && observed > upperbound;
    } else {
      const lags = excessCdc(c2Lag2.c2) + excessCdc(c2Lag1.c2);
      const bound = lags >= z ? 0 : now.mean + now.sigma * (1 + z - lags);
      upperbound = finiteOrNull(bound);
      alarm = c3 >= z;
    }
    points.push({
      t,
      observed,
      upperbound,
      alarm,
      expected: now.mean,
      sd: now.sd,
      c2Statistic: finiteOrNull(now.c2),
      c3Statistic: finiteOrNull(c3),
    });
  }
  const warnings: Warning[] =
    undefinedRows.length === 0
      ? []
      : [
          {
            code: 'zero_baseline_sd',
            message: `C2 is undefined (0/0: the baseline sd is 0 and the count equals its mean) at or just before rows ${undefinedRows.join(', ')}`,
          },
        ];
  return { points, warnings };
}
