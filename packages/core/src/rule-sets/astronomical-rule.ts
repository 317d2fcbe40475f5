/**
 * IHI "astronomical data point": a point "obviously, even blatantly, different" from the rest
 * (Perla, Provost & Murray 2011). The published rule is a judgement; this is Sankofa's documented
 * operationalisation, stored in the preset's parameters:
 *
 * - A point is a candidate when it is strictly beyond its 3-sigma limit. Where the chart gives no
 *   limit on that side (a run chart), the limit is `cl ± sigmaMultiplier × MR̄ / 1.128`, with MR̄
 *   the mean moving range of consecutive active points (the individuals-chart sigma, centred on
 *   the chart's centre line), unless `sigmaSource` is `'limits-only'`.
 * - Of the candidates, the single one furthest from the centre line is flagged (earliest on ties):
 *   the rule names at most one point per series.
 */
import type { PreparedSeries } from './prepared-series.ts';
import type { RuleFinding } from './rule-set-types.ts';

/** Where the 3-sigma line comes from. */
export type AstronomicalSigmaSource = 'limits-else-moving-range' | 'limits-only';

/** Options of the astronomical-point rule. */
export interface AstronomicalRuleOptions {
  readonly sigmaSource: AstronomicalSigmaSource;
  /** Multiplier of the moving-range sigma when the chart has no limit (3). */
  readonly sigmaMultiplier: number;
}

/** d2 for subgroups of two: the mean moving range of a normal series is 1.128 sigma. */
const D2 = 1.128;

/** Moving-range sigma of the active points, or null when it cannot be estimated. */
function movingRangeSigma(series: PreparedSeries): number | null {
  let sum = 0;
  let count = 0;
  for (let k = 1; k < series.active.length; k++) {
    const a = series.y[series.active[k - 1]];
    const b = series.y[series.active[k]];
    if (a === null || b === null) {
      continue;
    }
    sum += Math.abs(b - a);
    count++;
  }
  if (count === 0) {
    return null;
  }
  const sigma = sum / count / D2;
  return sigma > 0 && Number.isFinite(sigma) ? sigma : null;
}

/**
 * Finds the astronomical point, if any.
 * @param series - The prepared series.
 * @param options - Where the 3-sigma line comes from.
 * @returns Zero or one finding with rule `astronomical`.
 */
export function findAstronomicalPoint(
  series: PreparedSeries,
  options: AstronomicalRuleOptions,
): RuleFinding[] {
  const sigma =
    options.sigmaSource === 'limits-else-moving-range' ? movingRangeSigma(series) : null;
  let best: { i: number; up: boolean; distance: number; y: number; limit: number } | null = null;
  for (const i of series.active) {
    const y = series.y[i];
    const cl = series.cl[i];
    if (y === null || cl === null || y === cl) {
      continue;
    }
    const up = y > cl;
    const given = up ? series.ucl[i] : series.lcl[i];
    const fallback = sigma === null ? null : cl + (up ? 1 : -1) * options.sigmaMultiplier * sigma;
    const limit = given ?? fallback;
    if (limit === null || !(up ? y > limit : y < limit)) {
      continue;
    }
    const distance = Math.abs(y - cl);
    if (best === null || distance > best.distance) {
      best = { i, up, distance, y, limit };
    }
  }
  if (best === null) {
    return [];
  }
  return [
    {
      rule: 'astronomical',
      points: [best.i],
      direction: best.up ? 'up' : 'down',
      message: { code: 'astronomical_point', values: { y: best.y, limit: best.limit } },
    },
  ];
}
