/**
 * The family functions IRLS needs, as R's `poisson()`, `quasipoisson()` and `gaussian()` define
 * them (R `stats/R/family.R`): link, inverse link, dμ/dη, variance, deviance residuals, starting
 * values, and the Poisson AIC. The Poisson inverse link is floored at machine epsilon, as in R, so
 * that μ > 0 always.
 */
import { logPoissonDensity } from '../distributions/saddle-point.ts';
import type { GlmFamily } from './types.ts';

/** What IRLS needs from a family. */
export interface FamilyFunctions {
  readonly name: GlmFamily;
  /** Whether the dispersion is fixed at 1 (Poisson) rather than estimated. */
  readonly fixedDispersion: boolean;
  readonly link: (mu: number) => number;
  readonly linkInverse: (eta: number) => number;
  /** dμ/dη at η. */
  readonly muEta: (eta: number) => number;
  readonly variance: (mu: number) => number;
  /** Unit deviance times the prior weight. */
  readonly devianceResidual: (y: number, mu: number, weight: number) => number;
  /** R's `mustart` from `family$initialize`. */
  readonly start: (y: number) => number;
  /** Whether μ is inside the family's domain (R's `validmu`). */
  readonly validMu: (mu: number) => boolean;
  /** −2 log-likelihood part of the AIC (before adding 2·rank), or null when undefined. */
  readonly aic:
    ((y: readonly number[], mu: readonly number[], w: readonly number[]) => number) | null;
}

const DBL_EPSILON = Number.EPSILON;

const logLink = {
  link: (mu: number): number => Math.log(mu),
  linkInverse: (eta: number): number => Math.max(Math.exp(eta), DBL_EPSILON),
  muEta: (eta: number): number => Math.max(Math.exp(eta), DBL_EPSILON),
};

function poissonDevianceResidual(y: number, mu: number, weight: number): number {
  return 2 * (y > 0 ? weight * (y * Math.log(y / mu) - (y - mu)) : mu * weight);
}

function poissonAic(y: readonly number[], mu: readonly number[], w: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < y.length; i++) {
    sum += logPoissonDensity(y[i], mu[i]) * w[i];
  }
  return -2 * sum;
}

function poissonLike(name: 'poisson' | 'quasipoisson'): FamilyFunctions {
  return {
    name,
    fixedDispersion: name === 'poisson',
    ...logLink,
    variance: (mu) => mu,
    devianceResidual: poissonDevianceResidual,
    start: (y) => y + 0.1,
    validMu: (mu) => Number.isFinite(mu) && mu > 0,
    aic: name === 'poisson' ? poissonAic : null,
  };
}

const gaussian: FamilyFunctions = {
  name: 'gaussian',
  fixedDispersion: false,
  link: (mu) => mu,
  linkInverse: (eta) => eta,
  muEta: () => 1,
  variance: () => 1,
  devianceResidual: (y, mu, weight) => weight * (y - mu) * (y - mu),
  start: (y) => y,
  validMu: () => true,
  aic: null,
};

/**
 * The family functions for a family name.
 *
 * @param family - `poisson`, `quasipoisson` or `gaussian`.
 * @returns Link, variance, deviance and starting values as R defines them.
 */
export function familyFunctions(family: GlmFamily): FamilyFunctions {
  switch (family) {
    case 'poisson':
      return POISSON;
    case 'quasipoisson':
      return QUASIPOISSON;
    case 'gaussian':
      return gaussian;
  }
}

/** Each family's functions, made once: a scan's outbreak fits ask for them thousands of times. */
const POISSON = poissonLike('poisson');
const QUASIPOISSON = poissonLike('quasipoisson');
