/**
 * Making Data Count precedence of special-cause rules, from NHS England "SPC Charts SQL Query"
 * v2.6a Step 4J (#ConflictRanking): trend 4 > shift 3 > two-sigma 2 > single point 1. When a
 * point fires rules in both directions, the direction of its highest-ranked rule wins.
 */
import type { RuleId } from './rule-set-types.ts';

/** Rank of each rule in MDC precedence; rules MDC does not have rank 0. */
export const MDC_RULE_RANK: Readonly<Record<RuleId, number>> = Object.freeze({
  trend: 4,
  shift: 3,
  two_of_three_beyond_2sigma: 2,
  beyond_limits: 1,
  astronomical: 0,
  runs_too_few: 0,
  runs_too_many: 0,
  longest_run: 0,
  crossings: 0,
});

/**
 * The MDC precedence rank of a point: the highest rank among the rules that flagged it.
 * @param rules - The rules that flagged the point (an entry of `RuleSetResult.pointRules`).
 * @returns 4 trend, 3 shift, 2 two-of-three, 1 single point beyond limits, 0 none.
 * @example
 * mdcPointRank(['beyond_limits', 'shift']); // 3
 */
export function mdcPointRank(rules: readonly RuleId[]): number {
  let rank = 0;
  for (const rule of rules) {
    rank = Math.max(rank, MDC_RULE_RANK[rule]);
  }
  return rank;
}
