/**
 * The IHI run-chart table of limits on the number of runs (Perla RJ, Provost LP, Murray SK. "The
 * run chart: a simple analytical tool for learning from variation in healthcare processes."
 * BMJ Qual Saf 2011;20:46–51, Table 1), for 10 to 60 useful observations (points not on the
 * median).
 *
 * PROVENANCE — DERIVED, NOT TRANSCRIBED. No copy of the printed table that could be checked
 * was found, so the rows are derived from the distribution Table 1 is based on (Swed & Eisenhart
 * 1943) at 5% two-sided (2.5% per tail), the useful observations split ⌊n/2⌋ / ⌈n/2⌉ as a median
 * splits them. `swed-eisenhart.ts` computes them exactly and `runs-table.test.ts` checks every
 * row against it. Before relying on a row, compare it with a printed copy of Table 1 (rows 12,
 * 20, 22, 32 and the odd rows first); where the printed table differs, change the row here and
 * record the difference in the test.
 */
import type { RunsLimits } from './swed-eisenhart.ts';

/** Fewest useful observations the table covers. */
export const IHI_RUNS_TABLE_MIN = 10;
/** Most useful observations the table covers. */
export const IHI_RUNS_TABLE_MAX = 60;

/** Lower limits for n = 10…60: fewer runs than this is "too few". */
const LOWER: readonly number[] = [
  3, 4, 4, 4, 4, 5, 5, 6, 6, 6, 7, 7, 8, 8, 8, 9, 9, 10, 10, 10, 11, 11, 12, 12, 12, 13, 13, 14, 14,
  14, 15, 15, 16, 16, 17, 17, 17, 18, 18, 19, 19, 20, 20, 20, 21, 21, 22, 22, 23, 23, 24,
];

/** Upper limits for n = 10…60: more runs than this is "too many". */
const UPPER: readonly number[] = [
  9, 9, 10, 11, 12, 12, 13, 13, 14, 15, 15, 16, 16, 17, 18, 18, 19, 19, 20, 21, 21, 22, 22, 23, 24,
  24, 25, 25, 26, 26, 27, 28, 28, 29, 29, 30, 31, 31, 32, 32, 33, 33, 34, 35, 35, 36, 36, 37, 37,
  38, 38,
];

/**
 * Limits on the number of runs for `nUseful` useful observations.
 * @param nUseful - Points not on the median.
 * @returns The limits, or `null` outside 10…60 where the table says nothing.
 * @example
 * ihiRunsLimits(24); // { lower: 8, upper: 18 }
 */
export function ihiRunsLimits(nUseful: number): RunsLimits | null {
  if (!Number.isInteger(nUseful) || nUseful < IHI_RUNS_TABLE_MIN || nUseful > IHI_RUNS_TABLE_MAX) {
    return null;
  }
  const k = nUseful - IHI_RUNS_TABLE_MIN;
  return { lower: LOWER[k], upper: UPPER[k] };
}
