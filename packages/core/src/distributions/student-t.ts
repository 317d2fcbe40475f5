/**
 * Student's t distribution with ν degrees of freedom.
 *
 * Distribution function through the incomplete beta function, P(|T| > |t|) = I_{ν/(ν+t²)}(ν/2, ½),
 * with R's `pt` conventions: ν > 4e5 uses R's normal approximation
 * Φ(t (1 − 1/(4ν)) / √(1 + t²/(2ν))), ν = Infinity is the normal. Density in Loader's
 * saddle-point form (as R's `dt`). Quantile: the exact formulas for ν = 1 and ν = 2 (as R's `qt`),
 * otherwise Newton iteration on the t tail from a Cornish–Fisher start (R's `qt` likewise ends with
 * Newton steps on `pt`).
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
import { betaTails } from './incomplete-beta.ts';
import { logBetaUnchecked, stirlingError } from './log-gamma.ts';
import { standardNormalQuantile, standardNormalTails } from './normal.ts';
import { bd0 } from './saddle-point.ts';

const INV_SQRT_2PI = 0.3989422804014327;

/** P(|T| > |t|) for finite ν ≤ 4e5. */
function twoSidedTail(t: number, df: number): number {
  const t2 = t * t;
  if (1 + (t / df) * t > 1e100) {
    const logValue =
      -0.5 * df * (2 * Math.log(Math.abs(t)) - Math.log(df)) -
      logBetaUnchecked(0.5 * df, 0.5) -
      Math.log(0.5 * df);
    return Math.exp(logValue);
  }
  const x = df / (df + t2);
  const y = t2 / (df + t2);
  return df > t2 ? betaTails(y, x, 0.5, df / 2).upper : betaTails(x, y, df / 2, 0.5).lower;
}

/** Student t tails without argument checks. */
export function studentTTails(t: number, df: number): TailPair {
  if (df === Infinity) {
    return standardNormalTails(t);
  }
  if (t === Infinity) {
    return { lower: 1, upper: 0 };
  }
  if (t === -Infinity) {
    return { lower: 0, upper: 1 };
  }
  if (df > 4e5) {
    const v = 1 / (4 * df);
    return standardNormalTails((t * (1 - v)) / Math.sqrt(1 + t * t * 2 * v));
  }
  const half = twoSidedTail(t, df) / 2;
  return t > 0
    ? { lower: 0.5 - half + 0.5, upper: half }
    : { lower: half, upper: 0.5 - half + 0.5 };
}

/** Student t density without argument checks. */
export function studentTDensity(t: number, df: number): number {
  if (!Number.isFinite(t)) {
    return 0;
  }
  if (df === Infinity) {
    return INV_SQRT_2PI * Math.exp(-0.5 * t * t);
  }
  const constant = -bd0(df / 2, (df + 1) / 2) + stirlingError((df + 1) / 2) - stirlingError(df / 2);
  const x2n = (t * t) / df;
  let u: number;
  let logSqrt: number;
  if (x2n > 1 / Number.EPSILON) {
    const ax = Math.abs(t);
    logSqrt = Math.log(ax) - Math.log(df) / 2;
    u = df * logSqrt;
    return (Math.exp(constant - u) * INV_SQRT_2PI * Math.sqrt(df)) / ax;
  }
  if (x2n > 0.2) {
    logSqrt = Math.log(1 + x2n) / 2;
    u = df * logSqrt;
  } else {
    logSqrt = Math.log1p(x2n) / 2;
    u = -bd0(df / 2, (df + t * t) / 2) + (t * t) / 2;
  }
  return (Math.exp(constant - u) * INV_SQRT_2PI) / Math.exp(logSqrt);
}

/**
 * Student t density, R's `dt(x, df)`.
 *
 * @param t - Point.
 * @param df - Degrees of freedom, > 0 (Infinity gives the normal).
 * @returns The density at t.
 * @throws ValidationError when `t` is NaN or `df` is not > 0.
 */
export function studentTPdf(t: number, df: number): number {
  requireNumber('t', t);
  requirePositive('df', df, true);
  return studentTDensity(t, df);
}

/**
 * Student t distribution function, R's `pt(q, df, lower.tail)`.
 *
 * @param t - Point (±Infinity allowed).
 * @param df - Degrees of freedom, > 0 (Infinity gives the normal).
 * @param tail - `lower` for P(T ≤ t) (default), `upper` for P(T > t).
 * @returns The probability.
 * @throws ValidationError when `t` is NaN or `df` is not > 0.
 * @example
 * ```ts
 * 2 * studentTCdf(-2.228138851986274, 10); // 0.05, a two-sided p-value
 * ```
 */
export function studentTCdf(t: number, df: number, tail: Tail = 'lower'): number {
  requireNumber('t', t);
  requirePositive('df', df, true);
  requireTail(tail);
  return pickTail(studentTTails(t, df), tail);
}

/** The positive quantile q with P(T > q) = s, for 0 < s < ½. */
function upperQuantile(s: number, df: number): number {
  if (df > 1e20) {
    return standardNormalQuantile(s, 'upper');
  }
  const p2 = 2 * s;
  if (Math.abs(df - 1) < 1e-12) {
    return 1 / Math.tan((p2 * Math.PI) / 2);
  }
  if (Math.abs(df - 2) < 1e-12) {
    return Math.sqrt(2 / (p2 * (2 - p2)) - 2);
  }
  const z = standardNormalQuantile(s, 'upper');
  const z3 = z * z * z;
  const start = z + (z3 + z) / (4 * df) + (5 * z3 * z * z + 16 * z3 + 3 * z) / (96 * df * df);
  return invertContinuous(
    {
      tails: (x) => studentTTails(x, df),
      density: (x) => studentTDensity(x, df),
      supportMin: 0,
    },
    'upper',
    s,
    start,
  );
}

/**
 * Student t quantile function, R's `qt(p, df, lower.tail)`.
 *
 * @param p - Probability in [0, 1].
 * @param df - Degrees of freedom, > 0 (Infinity gives the normal).
 * @param tail - Whether `p` is a lower (default) or an upper tail probability.
 * @returns The quantile (±Infinity at the ends).
 * @throws ValidationError when `p` is outside [0, 1] or `df` is not > 0.
 * @example
 * ```ts
 * studentTQuantile(0.975, 10); // 2.228138851986274
 * ```
 */
export function studentTQuantile(p: number, df: number, tail: Tail = 'lower'): number {
  requireProbability('p', p);
  requirePositive('df', df, true);
  requireTail(tail);
  if (p === 0) {
    return tail === 'lower' ? -Infinity : Infinity;
  }
  if (p === 1) {
    return tail === 'lower' ? Infinity : -Infinity;
  }
  if (p === 0.5) {
    return 0;
  }
  if (df === Infinity) {
    return standardNormalQuantile(p, tail);
  }
  // Solve in the smaller tail; the sign says on which side of 0 the quantile lies.
  const upperSide = p > 0.5 === (tail === 'lower');
  const s = p > 0.5 ? 0.5 - p + 0.5 : p;
  const q = upperQuantile(s, df);
  return upperSide ? q : -q;
}
