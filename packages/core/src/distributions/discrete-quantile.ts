/**
 * Quantiles of discrete distributions with R's semantics (R ≥ 4.1, `qDiscrete_search.h`, used by
 * `qpois`, `qbinom`, `qnbinom`): the smallest integer y with P(X ≤ y) ≥ p for the lower tail, or
 * with P(X > y) < p for the upper tail. As in R, p is first moved by 8 machine epsilons (lower
 * tail: p(1 − 8ε); upper tail: p(1 + 8ε) unless that would pass 1) so that a p computed as a
 * distribution-function value maps back to its own y despite rounding. The search starts from a
 * Cornish–Fisher guess and, for large y, moves in shrinking increments, as R does.
 */
import type { Tail, TailPair } from './arguments.ts';
import { standardNormalQuantile } from './normal.ts';

/** What the search needs to know about the distribution. */
export interface DiscreteDistribution {
  /** Both tails at the integer y. */
  readonly tails: (y: number) => TailPair;
  /** Mean, standard deviation and skewness for the Cornish–Fisher starting value. */
  readonly mean: number;
  readonly sd: number;
  readonly skewness: number;
  /** Largest possible value (the binomial n), Infinity when unbounded. */
  readonly max: number;
}

const FUZZ = 8 * Number.EPSILON;
const LARGE_Y = 4096;

/** The tail probability at y on the side asked. */
function tailValueAt(dist: DiscreteDistribution, y: number, tail: Tail): number {
  const pair = dist.tails(y);
  return tail === 'lower' ? pair.lower : pair.upper;
}

/** Whether a tail value has reached p (lower: at least p; upper: below p). */
function hasReached(value: number, p: number, tail: Tail): boolean {
  return tail === 'lower' ? value >= p : value < p;
}

/** R's `do_search`: walk from y in steps of `incr` until the criterion flips. */
function search(
  dist: DiscreteDistribution,
  start: number,
  startTail: number,
  p: number,
  incr: number,
  tail: Tail,
): { y: number; tailValue: number } {
  let y = start;
  let tailValue = startTail;
  if (hasReached(tailValue, p, tail)) {
    for (;;) {
      if (y <= 0) {
        return { y: 0, tailValue };
      }
      const candidate = Math.max(0, y - incr);
      const value = tailValueAt(dist, candidate, tail);
      if (Number.isNaN(value) || !hasReached(value, p, tail)) {
        return { y, tailValue };
      }
      y = candidate;
      tailValue = value;
    }
  }
  for (;;) {
    y = Math.min(y + incr, dist.max);
    tailValue = tailValueAt(dist, y, tail);
    if (y === dist.max || Number.isNaN(tailValue) || hasReached(tailValue, p, tail)) {
      return { y, tailValue };
    }
  }
}

/**
 * R's discrete quantile search, without argument checks; p strictly inside (0, 1).
 *
 * @param dist - The distribution's tails, moments and upper bound.
 * @param p - Probability in (0, 1).
 * @param tail - Whether `p` is a lower or an upper tail probability.
 * @returns The quantile, a whole number.
 */
export function discreteQuantile(dist: DiscreteDistribution, p: number, tail: Tail): number {
  const z = standardNormalQuantile(p, tail);
  let y = Math.round(dist.mean + dist.sd * (z + (dist.skewness * (z * z - 1)) / 6));
  if (!(y > 0)) {
    y = 0;
  }
  if (y > dist.max) {
    y = dist.max;
  }
  const startPair = dist.tails(y);
  let tailValue = tail === 'lower' ? startPair.lower : startPair.upper;
  let fuzzed = p;
  if (tail === 'lower') {
    fuzzed *= 1 - FUZZ;
  } else if (1 - p > 4 * FUZZ) {
    fuzzed *= 1 + FUZZ;
  }
  if (y < LARGE_Y) {
    return search(dist, y, tailValue, fuzzed, 1, tail).y;
  }
  let incr = Math.floor(y / 64);
  let oldIncr: number;
  do {
    oldIncr = incr;
    ({ y, tailValue } = search(dist, y, tailValue, fuzzed, incr, tail));
    incr = Math.max(1, Math.floor(incr / 8));
  } while (oldIncr > 1 && incr > y * 1e-15);
  return y;
}
