/**
 * The chi-square distribution with ν degrees of freedom, a gamma distribution with shape ν/2
 * and scale 2: P(X ≤ x) = P(ν/2, x/2) (regularized incomplete gamma). The quantile inverts that
 * by Newton iteration (see `continuous-quantile.ts`) from the Wilson–Hilferty approximation, as
 * R's `qchisq` ends with Newton steps on `pgamma`.
 */
import {
  pickTail,
  requireNumber,
  requirePositive,
  requireProbability,
  requireTail,
  type Tail,
  type TailPair,
} from './arguments.ts';
import { invertContinuous } from './continuous-quantile.ts';
import { gammaTails } from './incomplete-gamma.ts';
import { logGammaUnchecked } from './log-gamma.ts';
import { standardNormalQuantile } from './normal.ts';
import { poissonDensity } from './saddle-point.ts';

/** Chi-square tails without argument checks. */
export function chiSquareTails(x: number, df: number): TailPair {
  return gammaTails(df / 2, x / 2);
}

/** Chi-square density without argument checks (Loader's form, as R's `dgamma`). */
export function chiSquareDensity(x: number, df: number): number {
  if (x < 0) {
    return 0;
  }
  const shape = df / 2;
  if (x === 0) {
    if (shape < 1) {
      return Infinity;
    }
    return shape > 1 ? 0 : 0.5;
  }
  if (shape < 1) {
    return (poissonDensity(shape, x / 2) * shape) / x;
  }
  return poissonDensity(shape - 1, x / 2) / 2;
}

/**
 * Chi-square density, R's `dchisq(x, df)`.
 *
 * @param x - Point.
 * @param df - Degrees of freedom, > 0.
 * @returns The density at x.
 * @throws ValidationError when `x` is NaN or `df` is not positive and finite.
 */
export function chiSquarePdf(x: number, df: number): number {
  requireNumber('x', x);
  requirePositive('df', df);
  return chiSquareDensity(x, df);
}

/**
 * Chi-square distribution function, R's `pchisq(x, df, lower.tail)`.
 *
 * @param x - Point (Infinity allowed).
 * @param df - Degrees of freedom, > 0.
 * @param tail - `lower` for P(X ≤ x) (default), `upper` for P(X > x).
 * @returns The probability.
 * @throws ValidationError when `x` is NaN or `df` is not positive and finite.
 * @example
 * ```ts
 * chiSquareCdf(3.841458820694124, 1); // 0.95
 * ```
 */
export function chiSquareCdf(x: number, df: number, tail: Tail = 'lower'): number {
  requireNumber('x', x);
  requirePositive('df', df);
  requireTail(tail);
  return pickTail(chiSquareTails(Math.max(x, 0), df), tail);
}

/** Starting value: Wilson–Hilferty, or the small-x power law x ≈ 2 (p Γ(ν/2 + 1))^(2/ν). */
function startingValue(z: number, lowerSmall: number | null, df: number): number {
  const c = 2 / (9 * df);
  const wilsonHilferty = df * (1 - c + z * Math.sqrt(c)) ** 3;
  if (lowerSmall === null) {
    return wilsonHilferty;
  }
  const a = df / 2;
  const powerLaw = 2 * Math.exp((Math.log(lowerSmall) + logGammaUnchecked(a + 1)) / a);
  return wilsonHilferty > 0 && wilsonHilferty > powerLaw ? wilsonHilferty : powerLaw;
}

/**
 * Chi-square quantile function, R's `qchisq(p, df, lower.tail)`.
 *
 * @param p - Probability in [0, 1].
 * @param df - Degrees of freedom, > 0.
 * @param tail - Whether `p` is a lower (default) or an upper tail probability.
 * @returns The quantile (0 and Infinity at the ends).
 * @throws ValidationError when `p` is outside [0, 1] or `df` is not positive and finite.
 * @example
 * ```ts
 * chiSquareQuantile(0.975, 10); // 20.48317735080739
 * ```
 */
export function chiSquareQuantile(p: number, df: number, tail: Tail = 'lower'): number {
  requireProbability('p', p);
  requirePositive('df', df);
  requireTail(tail);
  if (p === (tail === 'lower' ? 0 : 1)) {
    return 0;
  }
  if (p === (tail === 'lower' ? 1 : 0)) {
    return Infinity;
  }
  const q = 0.5 - p + 0.5;
  const lowerP = tail === 'lower' ? p : q;
  const side = lowerP <= 0.5 ? 'lower' : 'upper';
  const target = (side === 'lower') === (tail === 'lower') ? p : q;
  const z = standardNormalQuantile(p, tail);
  const start = startingValue(z, side === 'lower' ? target : null, df);
  return invertContinuous(
    {
      tails: (x) => chiSquareTails(x, df),
      density: (x) => chiSquareDensity(x, df),
      supportMin: 0,
    },
    side,
    target,
    start,
  );
}
