/**
 * Shift: a run of at least `minLength` consecutive points all above or all below the centre line
 * (IHI: 6 with points on the median skipped; MDC: 6 or 7 with a point on the mean breaking it).
 */
import type { PreparedSeries } from './prepared-series.ts';
import type { RuleFinding } from './rule-set-types.ts';
import { findSideRuns, type CentreLinePolicy } from './side-runs.ts';

/** Options of the shift rule. */
export interface ShiftRuleOptions {
  /** Fewest points that make a shift (the run is flagged when its length is ≥ this). */
  readonly minLength: number;
  /** What a point on the centre line does: `'ignore'` skips it, `'break'` ends the run. */
  readonly centreLine: CentreLinePolicy;
}

/**
 * Finds every shift, one finding per run, listing the run's points (never a point on the line).
 * @param series - The prepared series.
 * @param options - Shift length and centre-line policy.
 * @returns Findings with rule `shift`, direction `up` above the line and `down` below it.
 */
export function findShifts(series: PreparedSeries, options: ShiftRuleOptions): RuleFinding[] {
  return findSideRuns(series, options.centreLine)
    .filter((run) => run.points.length >= options.minLength)
    .map((run) => ({
      rule: 'shift',
      points: run.points,
      direction: run.side === 1 ? 'up' : 'down',
      message: {
        code: 'shift',
        values: { length: run.points.length, minLength: options.minLength },
      },
    }));
}
