/**
 * Single point beyond the 3-sigma (process) limits, strictly: a point exactly on a limit is not
 * beyond it (qicharts2 `y > ucl | y < lcl`, MDC SQL `[Value] > [UpperProcessLimit]`).
 */
import type { PreparedSeries } from './prepared-series.ts';
import type { RuleFinding } from './rule-set-types.ts';

/** Options of the limits rule. */
export interface LimitsRuleOptions {
  /**
   * Also flag excluded points. qicharts2 computes its sigma signal on every point, excluded or
   * not; MDC skips ghosted points.
   */
  readonly flagExcluded: boolean;
}

/**
 * Finds every point beyond its limits, one finding per point.
 * @param series - The prepared series.
 * @param options - Whether excluded points can be flagged.
 * @returns Findings with rule `beyond_limits`, direction `up` above the upper limit.
 */
export function findPointsBeyondLimits(
  series: PreparedSeries,
  options: LimitsRuleOptions,
): RuleFinding[] {
  const findings: RuleFinding[] = [];
  for (let i = 0; i < series.n; i++) {
    const y = series.y[i];
    if (y === null || (!series.included[i] && !options.flagExcluded)) {
      continue;
    }
    const ucl = series.ucl[i];
    const lcl = series.lcl[i];
    // Both can hold only for crossed limits (ucl < lcl); report both rather than pick one.
    if (ucl !== null && y > ucl) {
      findings.push(pointBeyondLimit(i, 'up', y, ucl));
    }
    if (lcl !== null && y < lcl) {
      findings.push(pointBeyondLimit(i, 'down', y, lcl));
    }
  }
  return findings;
}

/** The finding of point `i` beyond `limit` in `direction`. */
export function pointBeyondLimit(
  i: number,
  direction: 'up' | 'down',
  y: number,
  limit: number,
): RuleFinding {
  return {
    rule: 'beyond_limits',
    points: [i],
    direction,
    message: { code: 'point_beyond_limit', values: { y, limit } },
  };
}
