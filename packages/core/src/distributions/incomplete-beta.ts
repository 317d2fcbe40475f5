/**
 * Regularized incomplete beta function I_x(a, b).
 *
 * Method: the continued fraction of Press et al., Numerical Recipes, 3rd ed., §6.4 (`betacf`),
 * evaluated by the modified Lentz algorithm, used where it converges fast
 * (x < (a + 1)/(a + b + 2)) and through I_x(a, b) = 1 − I_{1−x}(b, a) otherwise. The prefactor
 * x^a (1 − x)^b / (a B(a, b)) is Loader's saddle-point binomial density, so large shapes (big
 * binomial n, big t degrees of freedom) lose no digits. Callers pass both x and y = 1 − x, each
 * computed in the form that keeps its precision, as TOMS 708 (`bratio`, used by R) does.
 * Written for Sankofa from these references (no code copied).
 */
import { requirePositive, requireProbability, type TailPair } from './arguments.ts';
import { binomialDensity } from './saddle-point.ts';

const TINY = 1e-300;
const MAX_ITERATIONS = 1_000_000;

/** I_x(a, b) by the continued fraction; accurate when x < (a + 1)/(a + b + 2). */
function continuedFraction(x: number, y: number, a: number, b: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) {
    d = TINY;
  }
  d = 1 / d;
  let h = d;
  for (let m = 1; m < MAX_ITERATIONS; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) {
      d = TINY;
    }
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) {
      c = TINY;
    }
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) {
      d = TINY;
    }
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) {
      c = TINY;
    }
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) <= Number.EPSILON) {
      break;
    }
  }
  // x^a y^b / (a B(a, b)) = dbinom(a; a + b, x) · b / (a + b)
  return binomialDensity(a, b, x, y) * (b / (a + b)) * h;
}

/**
 * Both tails of the beta distribution at x, without argument checks.
 *
 * @param x - Point in [0, 1].
 * @param y - 1 − x, computed by the caller without cancellation.
 * @param a - First shape, > 0.
 * @param b - Second shape, > 0.
 * @returns `lower` = I_x(a, b), `upper` = 1 − I_x(a, b) = I_y(b, a).
 */
export function betaTails(x: number, y: number, a: number, b: number): TailPair {
  if (x <= 0) {
    return { lower: 0, upper: 1 };
  }
  if (y <= 0) {
    return { lower: 1, upper: 0 };
  }
  if (x < (a + 1) / (a + b + 2)) {
    const lower = continuedFraction(x, y, a, b);
    return { lower, upper: 1 - lower };
  }
  const upper = continuedFraction(y, x, b, a);
  return { lower: 1 - upper, upper };
}

/**
 * Regularized incomplete beta function I_x(a, b), the beta distribution function
 * (R's `pbeta(x, a, b)`).
 *
 * @param x - Point in [0, 1].
 * @param a - First shape, > 0.
 * @param b - Second shape, > 0.
 * @returns I_x(a, b) in [0, 1].
 * @throws ValidationError when `x` is outside [0, 1] or a shape is not positive and finite.
 * @example
 * ```ts
 * regularizedBeta(0.5, 2, 3); // 0.6875
 * ```
 */
export function regularizedBeta(x: number, a: number, b: number): number {
  requireProbability('x', x);
  requirePositive('a', a);
  requirePositive('b', b);
  return betaTails(x, 1 - x, a, b).lower;
}

/**
 * Complement 1 − I_x(a, b), computed directly where it is the smaller tail
 * (R's `pbeta(x, a, b, lower.tail = FALSE)`).
 *
 * @param x - Point in [0, 1].
 * @param a - First shape, > 0.
 * @param b - Second shape, > 0.
 * @returns 1 − I_x(a, b) in [0, 1].
 * @throws ValidationError when `x` is outside [0, 1] or a shape is not positive and finite.
 */
export function regularizedBetaComplement(x: number, a: number, b: number): number {
  requireProbability('x', x);
  requirePositive('a', a);
  requirePositive('b', b);
  return betaTails(x, 1 - x, a, b).upper;
}
