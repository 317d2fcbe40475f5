/**
 * Saddle-point forms of the Poisson and binomial densities, accurate to a few ulps even for
 * large counts where exp(x log λ − λ − log x!) would lose many digits.
 *
 * Source: C. Loader (2000), "Fast and accurate computation of binomial probabilities", the
 * algorithm R's nmath uses (`bd0`, `dpois_raw`, `dbinom_raw`). Written for Sankofa from the
 * paper's formulas; the special cases follow R's documented behaviour.
 */
import { logGammaUnchecked, stirlingError } from './log-gamma.ts';

const LN_2PI = 1.8378770664093456;
const DBL_MIN = 2.2250738585072014e-308;

/**
 * Deviance term bd0(x, m) = x log(x / m) + m − x, by a series when x is near m so that the
 * difference of two large numbers is never formed.
 *
 * @param x - Count (real), ≥ 0.
 * @param m - Mean, > 0.
 * @returns bd0(x, m) ≥ 0.
 */
export function bd0(x: number, m: number): number {
  if (Math.abs(x - m) < 0.1 * (x + m)) {
    let v = (x - m) / (x + m);
    let s = (x - m) * v;
    if (Math.abs(s) < DBL_MIN) {
      return s;
    }
    let ej = 2 * x * v;
    v *= v;
    for (let j = 1; j < 1000; j++) {
      ej *= v;
      const next = s + ej / (2 * j + 1);
      if (next === s) {
        return next;
      }
      s = next;
    }
    return s;
  }
  return x * Math.log(x / m) + m - x;
}

/**
 * log of the Poisson density λ^x e^(−λ) / Γ(x + 1) for real x ≥ 0 (R's `dpois_raw(log = TRUE)`).
 *
 * @param x - Count, real, ≥ 0.
 * @param lambda - Mean, ≥ 0.
 * @returns The log density (−Infinity where the density is 0).
 */
export function logPoissonDensity(x: number, lambda: number): number {
  if (lambda === 0) {
    return x === 0 ? 0 : -Infinity;
  }
  if (!Number.isFinite(lambda) || x < 0) {
    return -Infinity;
  }
  if (x <= lambda * DBL_MIN) {
    return -lambda;
  }
  if (lambda < x * DBL_MIN) {
    if (!Number.isFinite(x)) {
      return -Infinity;
    }
    return -lambda + x * Math.log(lambda) - logGammaUnchecked(x + 1);
  }
  return -0.5 * (LN_2PI + Math.log(x)) - stirlingError(x) - bd0(x, lambda);
}

/**
 * The Poisson density λ^x e^(−λ) / Γ(x + 1) for real x ≥ 0 (R's `dpois_raw`).
 *
 * @param x - Count, real, ≥ 0.
 * @param lambda - Mean, ≥ 0.
 * @returns The density.
 */
export function poissonDensity(x: number, lambda: number): number {
  if (lambda === 0) {
    return x === 0 ? 1 : 0;
  }
  if (!Number.isFinite(lambda) || x < 0) {
    return 0;
  }
  if (x <= lambda * DBL_MIN) {
    return Math.exp(-lambda);
  }
  if (lambda < x * DBL_MIN) {
    if (!Number.isFinite(x)) {
      return 0;
    }
    return Math.exp(-lambda + x * Math.log(lambda) - logGammaUnchecked(x + 1));
  }
  return Math.exp(-stirlingError(x) - bd0(x, lambda)) / Math.sqrt(2 * Math.PI * x);
}

/**
 * Γ(a + b + 1) / (Γ(a + 1) Γ(b + 1)) · p^a q^b for real a, b ≥ 0: the binomial density of a
 * successes in n = a + b trials (R's `dbinom_raw(a, a + b, p, q)`), with the failures b passed
 * directly so that n − a is never formed.
 *
 * @param a - Successes, ≥ 0.
 * @param b - Failures, ≥ 0.
 * @param p - Success probability.
 * @param q - 1 − p, passed separately to keep its precision.
 * @returns The density.
 */
export function binomialDensity(a: number, b: number, p: number, q: number): number {
  const n = a + b;
  if (p === 0) {
    return a === 0 ? 1 : 0;
  }
  if (q === 0) {
    return b === 0 ? 1 : 0;
  }
  if (a === 0) {
    if (n === 0) {
      return 1;
    }
    return Math.exp(p < 0.1 ? -bd0(n, n * q) - n * p : n * Math.log(q));
  }
  if (b === 0) {
    return Math.exp(q < 0.1 ? -bd0(n, n * p) - n * q : n * Math.log(p));
  }
  if (a < 0 || b < 0) {
    return 0;
  }
  const lc = stirlingError(n) - stirlingError(a) - stirlingError(b) - bd0(a, n * p) - bd0(b, n * q);
  const lf = LN_2PI + Math.log(a) + Math.log(b / n);
  return Math.exp(lc - 0.5 * lf);
}
