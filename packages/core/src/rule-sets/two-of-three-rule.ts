/**
 * Two (or three) of three consecutive points beyond the 2-sigma line, all three points on the
 * same side of the centre line; only the points beyond 2 sigma are flagged.
 *
 * Logic of NHS England "SPC Charts SQL Query" v2.6a Step 4I (and NHSRplotthedots 0.2.2
 * `ptd_two_in_three`): a point is flagged when it is beyond the 2-sigma line and lies in some
 * window of three consecutive (non-ghosted) points that are all strictly on its side of the mean
 * and of which at least two are beyond the 2-sigma line on that side. Since SQL v2.6 a point
 * beyond the 3-sigma limit also counts; before it (and in NHSRplotthedots) it does not.
 */
import { sideOf, type PreparedSeries } from './prepared-series.ts';
import type { RuleFinding } from './rule-set-types.ts';

/** Options of the 2-of-3 rule. */
export interface TwoOfThreeRuleOptions {
  /** Whether a point beyond the 3-sigma limit counts as beyond 2 sigma (SQL ≥ v2.6: yes). */
  readonly countBeyondLimits: boolean;
}

/** Whether any point of the series has a 2-sigma line, i.e. whether the rule can fire at all. */
export function hasTwoSigmaLines(series: PreparedSeries): boolean {
  return series.ucl2.some((v) => v !== null) || series.lcl2.some((v) => v !== null);
}

function beyondTwoSigma(
  series: PreparedSeries,
  i: number,
  side: 1 | -1,
  options: TwoOfThreeRuleOptions,
): boolean {
  const y = series.y[i];
  if (y === null) {
    return false;
  }
  if (side === 1) {
    const line = series.ucl2[i];
    const limit = series.ucl[i];
    if (line === null || !(y > line)) {
      return false;
    }
    return options.countBeyondLimits || !(limit !== null && y > limit);
  }
  const line = series.lcl2[i];
  const limit = series.lcl[i];
  if (line === null || !(y < line)) {
    return false;
  }
  return options.countBeyondLimits || !(limit !== null && y < limit);
}

/**
 * Finds the 2-of-3 signals; overlapping qualifying windows on the same side form one finding.
 * @param series - The prepared series (needs `ucl2`/`lcl2`).
 * @param options - Whether points beyond 3 sigma count.
 * @returns Findings with rule `two_of_three_beyond_2sigma`, listing only the points beyond 2 sigma.
 */
export function findTwoOfThree(
  series: PreparedSeries,
  options: TwoOfThreeRuleOptions,
): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const active = series.active;
  for (const side of [1, -1] as const) {
    let group: Set<number> | null = null;
    let groupEnd = -1;
    const flush = (): void => {
      if (group !== null) {
        findings.push(finding(group, side));
      }
      group = null;
    };
    for (let k = 0; k + 2 < active.length; k++) {
      const window = [active[k], active[k + 1], active[k + 2]];
      if (!window.every((i) => sideOf(series, i) === side)) {
        continue;
      }
      const beyond = window.filter((i) => beyondTwoSigma(series, i, side, options));
      if (beyond.length < 2) {
        continue;
      }
      if (group === null || k > groupEnd) {
        flush();
        group = new Set<number>();
      }
      for (const i of beyond) {
        group.add(i);
      }
      groupEnd = k + 2;
    }
    flush();
  }
  return findings.sort((a, b) => a.points[0] - b.points[0]);
}

function finding(group: ReadonlySet<number>, side: 1 | -1): RuleFinding {
  const points = [...group].sort((a, b) => a - b);
  return {
    rule: 'two_of_three_beyond_2sigma',
    points,
    direction: side === 1 ? 'up' : 'down',
    message: { code: 'two_of_three_beyond_2sigma', values: { count: points.length } },
  };
}
