/**
 * The binomial distribution with n trials and success probability π.
 *
 * Probability mass by Loader's saddle-point form (R's `dbinom`); distribution function through
 * the incomplete beta function, P(X ≤ x) = I_{1−π}(n − x, x + 1) (R's `pbinom`); quantile by R's
 * discrete search (R's `qbinom`, see `discrete-quantile.ts`).
 */
import {
  pickTail,
  requireCount,
  requireNumber,
  requireProbability,
  requireTail,
  type Tail,
  type TailPair,
} from './arguments.ts';
import { discreteQuantile } from './discrete-quantile.ts';
import { betaTails } from './incomplete-beta.ts';
import { binomialDensity } from './saddle-point.ts';

/** Binomial tails at x without argument checks (R's 1e-7 fuzz before taking the floor). */
export function binomialTails(x: number, n: number, prob: number): TailPair {
  const k = Math.floor(x + 1e-7);
  if (k < 0) {
    return { lower: 0, upper: 1 };
  }
  if (k >= n) {
    return { lower: 1, upper: 0 };
  }
  // P(X ≤ k) = 1 − I_π(k + 1, n − k)
  const pair = betaTails(prob, 0.5 - prob + 0.5, k + 1, n - k);
  return { lower: pair.upper, upper: pair.lower };
}

/**
 * Binomial probability mass, R's `dbinom(x, size, prob)`.
 *
 * @param x - Successes, a whole number ≥ 0.
 * @param n - Trials, a whole number ≥ 0.
 * @param prob - Success probability in [0, 1].
 * @returns P(X = x); 0 when x > n.
 * @throws ValidationError when a count is not a whole number ≥ 0 or `prob` is outside [0, 1].
 * @example
 * ```ts
 * binomialPmf(5, 10, 0.5); // 0.24609375
 * ```
 */
export function binomialPmf(x: number, n: number, prob: number): number {
  const k = requireCount('x', x);
  const size = requireCount('n', n);
  requireProbability('prob', prob);
  if (k > size) {
    return 0;
  }
  return binomialDensity(k, size - k, prob, 0.5 - prob + 0.5);
}

/**
 * Binomial distribution function, R's `pbinom(x, size, prob, lower.tail)`.
 *
 * @param x - Point; non-integers are floored after adding R's fuzz of 1e-7.
 * @param n - Trials, a whole number ≥ 0.
 * @param prob - Success probability in [0, 1].
 * @param tail - `lower` for P(X ≤ x) (default), `upper` for P(X > x).
 * @returns The probability.
 * @throws ValidationError when `x` is NaN, `n` is not a whole number ≥ 0 or `prob` is outside
 * [0, 1].
 * @example
 * ```ts
 * binomialCdf(5, 10, 0.5); // 0.623046875
 * ```
 */
export function binomialCdf(x: number, n: number, prob: number, tail: Tail = 'lower'): number {
  requireNumber('x', x);
  const size = requireCount('n', n);
  requireProbability('prob', prob);
  requireTail(tail);
  return pickTail(binomialTails(x, size, prob), tail);
}

/**
 * Binomial quantile function with R's semantics, `qbinom(p, size, prob, lower.tail)`: the
 * smallest whole number x with P(X ≤ x) ≥ p (lower tail) or P(X > x) < p (upper tail), after R's
 * fuzz of 8 machine epsilons on p.
 *
 * @param p - Probability in [0, 1].
 * @param n - Trials, a whole number ≥ 0.
 * @param prob - Success probability in [0, 1].
 * @param tail - Whether `p` is a lower (default) or an upper tail probability.
 * @returns The quantile, in 0..n.
 * @throws ValidationError when `p` or `prob` is outside [0, 1] or `n` is not a whole number ≥ 0.
 * @example
 * ```ts
 * binomialQuantile(0.05, 23, 0.5); // 8, the Anhøj crossings limit for 24 useful points
 * ```
 */
export function binomialQuantile(p: number, n: number, prob: number, tail: Tail = 'lower'): number {
  requireProbability('p', p);
  const size = requireCount('n', n);
  requireProbability('prob', prob);
  requireTail(tail);
  if (p === (tail === 'lower' ? 0 : 1)) {
    return 0;
  }
  if (p === (tail === 'lower' ? 1 : 0)) {
    return size;
  }
  const q = 0.5 - prob + 0.5;
  if (prob === 0 || size === 0) {
    return 0;
  }
  if (q === 0) {
    return size;
  }
  const sd = Math.sqrt(size * prob * q);
  return discreteQuantile(
    {
      tails: (y) => binomialTails(y, size, prob),
      mean: size * prob,
      sd,
      skewness: (q - prob) / sd,
      max: size,
    },
    p,
    tail,
  );
}
