/**
 * Runs of consecutive points on one side of the centre line: the raw material of the shift,
 * longest-run, crossings and number-of-runs rules.
 */
import { sideOf, type PreparedSeries } from './prepared-series.ts';

/** What a point on the centre line (or without one) does to a run. */
export type CentreLinePolicy = 'ignore' | 'break';

/** Consecutive active points on one side of the centre line. */
export interface SideRun {
  /** `1` above, `-1` below. */
  readonly side: 1 | -1;
  /** Indices of the points in the run, ascending. */
  readonly points: readonly number[];
}

/**
 * Splits the active points into runs on one side of the centre line. Excluded and missing points
 * are never in the walk, so they neither add to nor break a run.
 * @param series - The prepared series.
 * @param centreLine - `'ignore'`: a point on the centre line is skipped (Anhøj, IHI);
 *   `'break'`: it ends the current run (MDC's strict `>`/`<` mean).
 * @returns The runs in time order.
 */
export function findSideRuns(series: PreparedSeries, centreLine: CentreLinePolicy): SideRun[] {
  // A run is closed where the side changes (or a centre-line point breaks it), and at the end;
  // no closure for it: this runs for every part of every chart of a scan.
  const runs: SideRun[] = [];
  let side: 1 | -1 | 0 = 0;
  let points: number[] = [];
  for (const i of series.active) {
    const s = sideOf(series, i);
    if (s === 0 && centreLine !== 'break') {
      continue;
    }
    if (s !== side) {
      if (side !== 0 && points.length > 0) {
        runs.push({ side, points });
      }
      side = s;
      points = [];
    }
    if (s !== 0) {
      points.push(i);
    }
  }
  if (side !== 0 && points.length > 0) {
    runs.push({ side, points });
  }
  return runs;
}

/** Indices of the "useful" points: active and strictly off the centre line, in order. */
export function usefulPoints(runs: readonly SideRun[]): number[] {
  const points: number[] = [];
  for (const run of runs) {
    for (const i of run.points) {
      points.push(i);
    }
  }
  return points;
}
