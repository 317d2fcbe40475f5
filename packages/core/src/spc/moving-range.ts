/**
 * Moving ranges and their average, as qicharts2 0.8.1 computes them for I, T, P′ and U′ charts
 * (`qic.i`, `qic.pp`, `qic.up`), with the optional screening of Nelson (1982).
 */
import { meanPresent } from './summary-statistics.ts';

/** d2 for subgroups of two: sigma = average moving range / 1.128 (Montgomery 6.33). */
export const D2 = 1.128;

/** D4 for subgroups of two: the upper limit of a moving range is 3.267 × its average. */
export const D4 = 3.267;

/**
 * |v[k] − v[k − 1]| for consecutive entries, NaN where either is missing (R's `abs(diff(v))`).
 * A missing value therefore breaks the chain: the ranges on both sides of it are missing, and
 * the gap is not closed. (Excluded points are closed over by leaving them out of `values`.)
 */
export function movingRanges(values: readonly number[]): number[] {
  const ranges: number[] = [];
  for (let k = 1; k < values.length; k++) {
    ranges.push(Math.abs(values[k] - values[k - 1]));
  }
  return ranges;
}

/**
 * The average moving range of `values`; NaN when there is no complete pair.
 *
 * With `screen`, ranges at or above 3.267 × the average are dropped once and the average is
 * recomputed — qicharts2 keeps `mr[mr < ulmr]` (strict), and does not iterate. When every range
 * is zero, the limit is zero and nothing passes `mr < 0`, so the screened average is NaN: with
 * screening on, qicharts2 draws no limits for a flat series, and neither do we.
 *
 * @param values - Values in order (NaN for missing).
 * @param screen - Apply the 3.267 × average screening (qicharts2's `qic.screenedmr`).
 */
export function averageMovingRange(values: readonly number[], screen: boolean): number {
  const ranges = movingRanges(values);
  const average = meanPresent(ranges);
  if (!screen) {
    return average;
  }
  const upper = D4 * average;
  return meanPresent(ranges.filter((range) => range < upper));
}
