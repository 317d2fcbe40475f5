/**
 * Anhøj's runs analysis, exactly as qicharts2 0.8.1 `runs.analysis()` with `method = 'anhoej'`
 * (research/anchors.md §3.1): points on the centre line and missing points are dropped; a signal
 * is an unusually long run (Schilling 2012) or unusually few crossings (Chen 2010).
 */
import { ValidationError } from '../errors.ts';
import { crossingsLimit } from './crossings-limit.ts';
import type { RunsAnalysis } from './types.ts';

/** The statistics `analyseRuns` returns: a {@link RunsAnalysis} without the part bookkeeping. */
export type RunsStatistics = Omit<RunsAnalysis, 'part' | 'firstIndex' | 'nObs' | 'sigmaSignals'>;

/**
 * Anhøj's upper limit for the longest run among `nUseful` useful points: round(log2(nUseful)) + 3.
 * (R rounds half to even; log2 of an integer is never exactly k + ½, so plain rounding agrees.)
 *
 * @example longestRunLimit(24) // 8
 */
export function longestRunLimit(nUseful: number): number {
  return Math.round(Math.log2(nUseful)) + 3;
}

/**
 * Runs analysis of `values` against `centre`, point by point.
 *
 * @param values - The plotted values of the included points, in order; `null` when missing.
 * @param centre - The centre line at each point; `null` when there is none.
 * @returns nUseful, longest run, crossings, their limits and the runs signal; the statistics are
 *   `null` (and the signal false) when no point is useful.
 * @throws ValidationError (`length_mismatch`) when the arrays differ in length.
 * @example
 * analyseRuns([1, 3, 1, 3], [2, 2, 2, 2])
 * // { nUseful: 4, longestRun: 1, longestRunMax: 5, crossings: 3, crossingsMin: 0, runsSignal: false }
 */
export function analyseRuns(
  values: readonly (number | null)[],
  centre: readonly (number | null)[],
): RunsStatistics {
  if (values.length !== centre.length) {
    throw ValidationError.of(
      'centre',
      'length_mismatch',
      `values has ${values.length} entries but centre has ${centre.length}`,
    );
  }
  const lengths: number[] = [];
  let side = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    const line = centre[i];
    if (value === null || line === null) {
      continue;
    }
    const sign = Math.sign(value - line);
    if (sign === 0 || Number.isNaN(sign)) {
      continue;
    }
    if (sign === side) {
      lengths[lengths.length - 1] += 1;
    } else {
      lengths.push(1);
    }
    side = sign;
  }
  const nUseful = lengths.reduce((total, length) => total + length, 0);
  if (nUseful === 0) {
    return {
      nUseful: 0,
      longestRun: null,
      longestRunMax: null,
      crossings: null,
      crossingsMin: null,
      runsSignal: false,
    };
  }
  const longestRun = lengths.reduce((longest, length) => Math.max(longest, length), 0);
  const longestRunMax = longestRunLimit(nUseful);
  const crossings = lengths.length - 1;
  const crossingsMin = crossingsLimit(nUseful);
  return {
    nUseful,
    longestRun,
    longestRunMax,
    crossings,
    crossingsMin,
    runsSignal: longestRun > longestRunMax || crossings < crossingsMin,
  };
}
