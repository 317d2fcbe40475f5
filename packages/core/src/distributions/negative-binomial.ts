/**
 * The negative binomial distribution: the number of failures before the `size`-th success, or
 * equivalently a gamma–Poisson mixture with mean μ and variance μ + μ²/size. Both of R's
 * parametrizations are provided: by mean (`mu`, R's `dnbinom(x, size, mu = mu)`, the primary one
 * here) and by success probability (`prob` = size/(size + μ), `…ByProb`), because R computes the
 * two along slightly different paths and surveillance's `farringtonFlexible` uses the `prob` form.
 *
 * Probability mass by Loader's saddle-point binomial form (R's `dnbinom`, `dnbinom_mu`);
 * distribution function P(X ≤ x) = I_π(size, x + 1) with π = size/(size + μ) and
 * 1 − π = μ/(size + μ) formed directly (R's `pnbinom`, `pnbinom_mu`); quantile by R's discrete
 * search (R's `qnbinom`, see `discrete-quantile.ts`).
 */
import {
  pickTail,
  requireCount,
  requireNonNegative,
  requireNumber,
  requireProbability,
  requirePositive,
  requireTail,
  type Tail,
  type TailPair,
} from './arguments.ts';
import { discreteQuantile } from './discrete-quantile.ts';
import { betaTails } from './incomplete-beta.ts';
import { logGammaUnchecked } from './log-gamma.ts';
import { binomialDensity } from './saddle-point.ts';

/** Success probability π and 1 − π, each formed without cancellation. */
interface Split {
  readonly p: number;
  readonly q: number;
}

const byMu = (size: number, mu: number): Split => ({ p: size / (size + mu), q: mu / (size + mu) });
const byProb = (prob: number): Split => ({ p: prob, q: 0.5 - prob + 0.5 });

/** Tails at x without argument checks (R's 1e-7 fuzz before taking the floor). */
function tails(x: number, size: number, split: Split): TailPair {
  const k = Math.floor(x + 1e-7);
  if (k < 0) {
    return { lower: 0, upper: 1 };
  }
  if (size === 0 || k === Infinity) {
    return { lower: 1, upper: 0 };
  }
  return betaTails(split.p, split.q, size, k + 1);
}

/** Mass at the whole number k ≥ 0 for a (size, prob) split. */
function massByProb(k: number, size: number, split: Split): number {
  if (k === 0 && size === 0) {
    return 1;
  }
  return (size / (size + k)) * binomialDensity(size, k, split.p, split.q);
}

/** Mass at the whole number k ≥ 0 by mean, with R's special forms for k = 0 and k ≪ size. */
function massByMu(k: number, size: number, mu: number): number {
  if (k === 0 && size === 0) {
    return 1;
  }
  if (k === 0) {
    return Math.exp(
      size * (size < mu ? Math.log(size / (size + mu)) : Math.log1p(-mu / (size + mu))),
    );
  }
  if (k < 1e-10 * size) {
    const logP = size < mu ? Math.log(size / (1 + size / mu)) : Math.log(mu / (1 + mu / size));
    return Math.exp(
      k * logP - mu - logGammaUnchecked(k + 1) + Math.log1p((k * (k - 1)) / (2 * size)),
    );
  }
  return massByProb(k, size, byMu(size, mu));
}

/** R's discrete search with the negative binomial's moments. */
function quantile(p: number, size: number, split: Split, tail: Tail): number {
  if (size === 0 || split.q === 0) {
    return 0;
  }
  if (p === (tail === 'lower' ? 0 : 1)) {
    return 0;
  }
  if (p === (tail === 'lower' ? 1 : 0)) {
    return Infinity;
  }
  const bigQ = 1 / split.p;
  const bigP = split.q / split.p;
  const sd = Math.sqrt(size * bigP * bigQ);
  return discreteQuantile(
    {
      tails: (y) => tails(y, size, split),
      mean: size * bigP,
      sd,
      skewness: (bigQ + bigP) / sd,
      max: Infinity,
    },
    p,
    tail,
  );
}

function checkSizeMu(size: number, mu: number): void {
  requireNonNegative('size', size);
  requireNonNegative('mu', mu);
}

function checkSizeProb(size: number, prob: number): void {
  requireNonNegative('size', size);
  requireProbability('prob', prob);
  requirePositive('prob', prob);
}

/**
 * Negative binomial probability mass by mean, R's `dnbinom(x, size, mu = mu)`.
 *
 * @param x - Count, a whole number ≥ 0.
 * @param size - Dispersion (target number of successes), ≥ 0; 0 is a point mass at 0.
 * @param mu - Mean, ≥ 0.
 * @returns P(X = x).
 * @throws ValidationError when `x` is not a whole number ≥ 0, or `size` or `mu` is negative or
 * not finite.
 */
export function negativeBinomialPmf(x: number, size: number, mu: number): number {
  const k = requireCount('x', x);
  checkSizeMu(size, mu);
  return massByMu(k, size, mu);
}

/**
 * Negative binomial distribution function by mean, R's `pnbinom(x, size, mu = mu, lower.tail)`.
 *
 * @param x - Point; non-integers are floored after adding R's fuzz of 1e-7.
 * @param size - Dispersion, ≥ 0.
 * @param mu - Mean, ≥ 0.
 * @param tail - `lower` for P(X ≤ x) (default), `upper` for P(X > x).
 * @returns The probability.
 * @throws ValidationError when `x` is NaN, or `size` or `mu` is negative or not finite.
 */
export function negativeBinomialCdf(
  x: number,
  size: number,
  mu: number,
  tail: Tail = 'lower',
): number {
  requireNumber('x', x);
  checkSizeMu(size, mu);
  requireTail(tail);
  return pickTail(tails(x, size, byMu(size, mu)), tail);
}

/**
 * Negative binomial quantile function by mean with R's semantics,
 * `qnbinom(p, size, mu = mu, lower.tail)`: the smallest whole number x with P(X ≤ x) ≥ p
 * (lower tail) or P(X > x) < p (upper tail), after R's fuzz of 8 machine epsilons on p.
 *
 * @param p - Probability in [0, 1].
 * @param size - Dispersion, ≥ 0.
 * @param mu - Mean, ≥ 0.
 * @param tail - Whether `p` is a lower (default) or an upper tail probability.
 * @returns The quantile (0 when μ = 0 or size = 0; Infinity at p = 1, lower tail).
 * @throws ValidationError when `p` is outside [0, 1], or `size` or `mu` is negative or not finite.
 * @example
 * ```ts
 * negativeBinomialQuantile(0.99, 2, 5); // upper 1 % threshold for mean 5, variance 17.5
 * ```
 */
export function negativeBinomialQuantile(
  p: number,
  size: number,
  mu: number,
  tail: Tail = 'lower',
): number {
  requireProbability('p', p);
  checkSizeMu(size, mu);
  requireTail(tail);
  if (mu === 0) {
    return 0;
  }
  return quantile(p, size, byMu(size, mu), tail);
}

/**
 * Negative binomial probability mass by success probability, R's `dnbinom(x, size, prob)`.
 *
 * @param x - Count, a whole number ≥ 0.
 * @param size - Target number of successes, ≥ 0.
 * @param prob - Success probability in (0, 1].
 * @returns P(X = x).
 * @throws ValidationError when `x` is not a whole number ≥ 0, `size` is negative or not finite, or
 * `prob` is outside (0, 1].
 */
export function negativeBinomialPmfByProb(x: number, size: number, prob: number): number {
  const k = requireCount('x', x);
  checkSizeProb(size, prob);
  return massByProb(k, size, byProb(prob));
}

/**
 * Negative binomial distribution function by success probability,
 * R's `pnbinom(x, size, prob, lower.tail)`.
 *
 * @param x - Point; non-integers are floored after adding R's fuzz of 1e-7.
 * @param size - Target number of successes, ≥ 0.
 * @param prob - Success probability in (0, 1].
 * @param tail - `lower` for P(X ≤ x) (default), `upper` for P(X > x).
 * @returns The probability.
 * @throws ValidationError when `x` is NaN, `size` is negative or not finite, or `prob` is outside
 * (0, 1].
 */
export function negativeBinomialCdfByProb(
  x: number,
  size: number,
  prob: number,
  tail: Tail = 'lower',
): number {
  requireNumber('x', x);
  checkSizeProb(size, prob);
  requireTail(tail);
  return pickTail(tails(x, size, byProb(prob)), tail);
}

/**
 * Negative binomial quantile function by success probability with R's semantics,
 * `qnbinom(p, size, prob, lower.tail)`.
 *
 * @param p - Probability in [0, 1].
 * @param size - Target number of successes, ≥ 0.
 * @param prob - Success probability in (0, 1].
 * @param tail - Whether `p` is a lower (default) or an upper tail probability.
 * @returns The quantile (0 when prob = 1 or size = 0; Infinity at p = 1, lower tail).
 * @throws ValidationError when `p` is outside [0, 1], `size` is negative or not finite, or
 * `prob` is outside (0, 1].
 */
export function negativeBinomialQuantileByProb(
  p: number,
  size: number,
  prob: number,
  tail: Tail = 'lower',
): number {
  requireProbability('p', p);
  checkSizeProb(size, prob);
  requireTail(tail);
  return quantile(p, size, byProb(prob), tail);
}
