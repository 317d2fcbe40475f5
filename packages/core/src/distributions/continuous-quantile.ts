/**
 * Inversion of a continuous distribution function by safeguarded Newton iteration on the log of
 * the relevant tail, the same strategy as the final polishing steps of R's `qt` and `qgamma`.
 * Working on log(tail) makes the steps well scaled far into the tails, and working on the tail
 * that holds the target keeps full relative precision there; a bracket that shrinks at every
 * step falls back to bisection whenever a Newton step would leave it.
 */
import type { TailPair } from './arguments.ts';

/** A distribution as the solver sees it. */
export interface InvertibleDistribution {
  /** Both tails at x. */
  readonly tails: (x: number) => TailPair;
  /** Density at x. */
  readonly density: (x: number) => number;
  /** Lower end of the support (0 or −Infinity). */
  readonly supportMin: number;
}

const MAX_ITERATIONS = 2000;
const REL_TOL = 2 * Number.EPSILON;

/** Next trial point when Newton cannot be trusted: expand towards an open end, else bisect. */
function fallback(lo: number, hi: number, supportMin: number): number {
  if (lo === -Infinity) {
    return hi === Infinity ? 0 : hi - Math.max(1, Math.abs(hi));
  }
  if (hi === Infinity) {
    return lo + Math.max(1, Math.abs(lo));
  }
  if (lo === supportMin && lo === 0) {
    return hi / 16;
  }
  if (lo > 0 && hi / lo > 4) {
    return Math.sqrt(lo) * Math.sqrt(hi);
  }
  return lo + (hi - lo) / 2;
}

/**
 * Finds x with P(X ≤ x) = target (`side` lower) or P(X > x) = target (`side` upper).
 *
 * @param dist - Tails, density and support of the distribution.
 * @param side - Which tail holds the target; pass the smaller one for full precision.
 * @param target - Tail probability in (0, 1).
 * @param start - Initial guess inside the support.
 * @returns The quantile, to about two ulps where the tails are accurate.
 */
export function invertContinuous(
  dist: InvertibleDistribution,
  side: 'lower' | 'upper',
  target: number,
  start: number,
): number {
  const logTarget = Math.log(target);
  let lo = dist.supportMin;
  let hi = Infinity;
  let x = Number.isFinite(start) && start > lo ? start : fallback(lo, hi, dist.supportMin);
  let previousStep = Infinity;
  for (let i = 0; i < MAX_ITERATIONS; i++) {
    const pair = dist.tails(x);
    const tailValue = side === 'lower' ? pair.lower : pair.upper;
    // h increases with x and vanishes at the quantile.
    const h = side === 'lower' ? Math.log(tailValue) - logTarget : logTarget - Math.log(tailValue);
    if (h === 0) {
      return x;
    }
    if (h < 0) {
      lo = x;
    } else {
      hi = x;
    }
    const step = (h * tailValue) / dist.density(x);
    let next = x - step;
    const newtonOk = Number.isFinite(next) && next > lo && next < hi;
    if (!newtonOk || Math.abs(step) > 0.5 * previousStep) {
      next = fallback(lo, hi, dist.supportMin);
      previousStep = Infinity;
    } else {
      previousStep = Math.abs(step);
      if (Math.abs(step) <= REL_TOL * Math.abs(next)) {
        return next;
      }
    }
    if (Number.isFinite(lo) && Number.isFinite(hi) && hi - lo <= REL_TOL * Math.abs(hi)) {
      return lo + (hi - lo) / 2;
    }
    x = next;
  }
  return x;
}
