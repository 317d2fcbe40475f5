/**
 * Trend: at least `minLength` consecutive points each higher (or each lower) than the one before,
 * counting both endpoints. The centre line plays no part.
 */
import type { PreparedSeries } from './prepared-series.ts';
import type { RuleFinding } from './rule-set-types.ts';

/** What a repeated value does to a trend. */
export type TiePolicy = 'ignore' | 'break';

/** Options of the trend rule. */
export interface TrendRuleOptions {
  /** Fewest points, endpoints included, that make a trend (IHI 5, MDC 6 or 7). */
  readonly minLength: number;
  /**
   * `'ignore'`: a value equal to the previous counted value neither adds to nor breaks the trend
   * and is left out of its points (Perla 2011, NHSI 2017 guide);
   * `'break'`: the tie ends the trend (MDC SQL `>`/`<`, NHSRplotthedots `sign(diff)`).
   */
  readonly ties: TiePolicy;
}

/**
 * Finds every trend, one finding per maximal monotone stretch. Excluded and missing points are
 * not in the walk, so a gap neither adds to nor breaks a trend.
 * @param series - The prepared series.
 * @param options - Trend length and tie policy.
 * @returns Findings with rule `trend`, direction `up` for increasing and `down` for decreasing.
 */
export function findTrends(series: PreparedSeries, options: TrendRuleOptions): RuleFinding[] {
  const points: number[] = [];
  const values: number[] = [];
  for (const i of series.active) {
    const v = series.y[i];
    if (v === null) {
      continue;
    }
    if (options.ties === 'ignore' && values.length > 0 && values[values.length - 1] === v) {
      continue;
    }
    points.push(i);
    values.push(v);
  }
  const findings: RuleFinding[] = [];
  const emit = (start: number, end: number, dir: 1 | -1): void => {
    const length = end - start + 1;
    if (length < options.minLength) {
      return;
    }
    findings.push({
      rule: 'trend',
      points: points.slice(start, end + 1),
      direction: dir === 1 ? 'up' : 'down',
      message: { code: 'trend', values: { length, minLength: options.minLength } },
    });
  };
  let start = 0;
  let dir: 1 | -1 | 0 = 0;
  for (let k = 1; k < values.length; k++) {
    const step = Math.sign(values[k] - values[k - 1]);
    if (step !== 0 && step === dir) {
      continue;
    }
    if (dir !== 0) {
      emit(start, k - 1, dir);
    }
    // A new stretch starts at the turning point, which belongs to both stretches.
    dir = step === 1 ? 1 : step === -1 ? -1 : 0;
    start = dir === 0 ? k : k - 1;
  }
  if (dir !== 0) {
    emit(start, values.length - 1, dir);
  }
  return findings;
}
