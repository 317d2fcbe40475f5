/**
 * The Poisson distribution with mean λ.
 *
 * Probability mass by Loader's saddle-point form (R's `dpois`); distribution function through
 * the incomplete gamma function, P(X ≤ x) = Q(⌊x⌋ + 1, λ) (R's `ppois`); quantile by R's discrete
 * search (R's `qpois`, see `discrete-quantile.ts`).
 */
import {
  pickTail,
  requireCount,
  requireNonNegative,
  requireNumber,
  requireProbability,
  requireTail,
  type Tail,
  type TailPair,
} from './arguments.ts';
import { discreteQuantile } from './discrete-quantile.ts';
import { gammaTails } from './incomplete-gamma.ts';
import { logPoissonDensity, poissonDensity } from './saddle-point.ts';

/** Poisson tails at x without argument checks (R's 1e-7 fuzz before taking the floor). */
export function poissonTails(x: number, lambda: number): TailPair {
  const k = Math.floor(x + 1e-7);
  if (k < 0) {
    return { lower: 0, upper: 1 };
  }
  if (lambda === 0 || k === Infinity) {
    return { lower: 1, upper: 0 };
  }
  const pair = gammaTails(k + 1, lambda);
  return { lower: pair.upper, upper: pair.lower };
}

/**
 * Poisson probability mass, R's `dpois(x, lambda)`.
 *
 * @param x - Count, a whole number ≥ 0.
 * @param lambda - Mean, ≥ 0.
 * @returns P(X = x).
 * @throws ValidationError when `x` is not a whole number ≥ 0 or `lambda` is not finite and ≥ 0.
 * @example
 * ```ts
 * poissonPmf(2, 1); // 0.18393972058572117 = e⁻¹ / 2
 * ```
 */
export function poissonPmf(x: number, lambda: number): number {
  const k = requireCount('x', x);
  requireNonNegative('lambda', lambda);
  return poissonDensity(k, lambda);
}

/**
 * Natural log of the Poisson probability mass, R's `dpois(x, lambda, log = TRUE)`; finite far
 * beyond where the mass itself underflows.
 *
 * @param x - Count, a whole number ≥ 0.
 * @param lambda - Mean, ≥ 0.
 * @returns log P(X = x).
 * @throws ValidationError when `x` is not a whole number ≥ 0 or `lambda` is not finite and ≥ 0.
 */
export function poissonLogPmf(x: number, lambda: number): number {
  const k = requireCount('x', x);
  requireNonNegative('lambda', lambda);
  return logPoissonDensity(k, lambda);
}

/**
 * Poisson distribution function, R's `ppois(x, lambda, lower.tail)`.
 *
 * @param x - Point; non-integers are floored after adding R's fuzz of 1e-7.
 * @param lambda - Mean, ≥ 0.
 * @param tail - `lower` for P(X ≤ x) (default), `upper` for P(X > x).
 * @returns The probability.
 * @throws ValidationError when `x` is NaN or `lambda` is not finite and ≥ 0.
 * @example
 * ```ts
 * poissonCdf(2, 1); // 0.9196986029286058 = 2.5 e⁻¹
 * ```
 */
export function poissonCdf(x: number, lambda: number, tail: Tail = 'lower'): number {
  requireNumber('x', x);
  requireNonNegative('lambda', lambda);
  requireTail(tail);
  return pickTail(poissonTails(x, lambda), tail);
}

/**
 * Poisson quantile function with R's semantics, `qpois(p, lambda, lower.tail)`: the smallest
 * whole number x with P(X ≤ x) ≥ p (lower tail) or with P(X > x) < p (upper tail), after R's
 * fuzz of 8 machine epsilons on p.
 *
 * @param p - Probability in [0, 1].
 * @param lambda - Mean, ≥ 0.
 * @param tail - Whether `p` is a lower (default) or an upper tail probability.
 * @returns The quantile; Infinity at p = 1 (lower tail), 0 when λ = 0.
 * @throws ValidationError when `p` is outside [0, 1] or `lambda` is not finite and ≥ 0.
 * @example
 * ```ts
 * poissonQuantile(0.975, 10); // 17
 * ```
 */
export function poissonQuantile(p: number, lambda: number, tail: Tail = 'lower'): number {
  requireProbability('p', p);
  requireNonNegative('lambda', lambda);
  requireTail(tail);
  if (lambda === 0) {
    return 0;
  }
  if (p === (tail === 'lower' ? 0 : 1)) {
    return 0;
  }
  if (p === (tail === 'lower' ? 1 : 0)) {
    return Infinity;
  }
  const sd = Math.sqrt(lambda);
  return discreteQuantile(
    {
      tails: (y) => poissonTails(y, lambda),
      mean: lambda,
      sd,
      skewness: 1 / sd,
      max: Infinity,
    },
    p,
    tail,
  );
}
