/**
 * The normal distribution: density, distribution function and quantile function.
 *
 * Sources:
 * - Distribution function: W. J. Cody, "Rational Chebyshev approximations for the error
 *   function", Math. Comp. 23 (1969) 631–637, in the form of his routine ANORM (SPECFUN,
 *   netlib.org/specfun, public domain), which R's `pnorm` also uses: the same coefficients and
 *   the same split of x² for exp(−x²/2) to keep full precision; both tails are computed
 *   directly, as R does, down to x = ±37.5193.
 * - Quantile function: M. J. Wichura, "Algorithm AS 241: The percentage points of the normal
 *   distribution", Applied Statistics 37 (1988) 477–484 (PPND16), R's `qnorm`. Coefficients as
 *   published; their transcription is checked against the paper's hash sums in the tests.
 */
import {
  pickTail,
  requireFinite,
  requireNonNegative,
  requireNumber,
  requireProbability,
  requireTail,
  type Tail,
  type TailPair,
} from './arguments.ts';

const INV_SQRT_2PI = 0.3989422804014327;
const SQRT_32 = 5.656854249492381;

/* eslint-disable no-loss-of-precision -- coefficients as printed by Cody and Wichura, to check them against the papers */
const A = [
  2.2352520354606839287, 161.02823106855587881, 1067.6894854603709582, 18154.981253343561249,
  0.065682337918207449113,
];
const B = [
  47.20258190468824187, 976.09855173777669322, 10260.932208618978205, 45507.789335026729956,
];
const C = [
  0.39894151208813466764, 8.8831497943883759412, 93.506656132177855979, 597.27027639480026226,
  2494.5375852903726711, 6848.1904505362823326, 11602.651437647350124, 9842.7148383839780218,
  1.0765576773720192317e-8,
];
const D = [
  22.266688044328115691, 235.38790178262499861, 1519.377599407554805, 6485.558298266760755,
  18615.571640885098091, 34900.952721145977266, 38912.003286093271411, 19685.429676859990727,
];
const P = [
  0.21589853405795699, 0.1274011611602473639, 0.022235277870649807, 0.001421619193227893466,
  2.9112874951168792e-5, 0.02307344176494017303,
];
const Q = [
  1.28426009614491121, 0.468238212480865118, 0.0659881378689285515, 0.00378239633202758244,
  7.29751555083966205e-5,
];

/** exp(−x²/2) with x² split into an exactly representable part and a small remainder. */
function expHalfSquare(x: number): number {
  const xsq = Math.trunc(x * 16) / 16;
  const del = (x - xsq) * (x + xsq);
  return Math.exp(-xsq * xsq * 0.5) * Math.exp(-del * 0.5);
}

/**
 * Both tails of the standard normal distribution at z, without argument checks.
 *
 * @param z - Point (±Infinity allowed).
 * @returns `lower` = Φ(z), `upper` = 1 − Φ(z), each to full relative precision.
 */
export function standardNormalTails(z: number): TailPair {
  const y = Math.abs(z);
  if (y <= 0.66291) {
    const xsq = y > Number.EPSILON / 2 ? z * z : 0;
    let num = A[4] * xsq;
    let den = xsq;
    for (let i = 0; i < 3; i++) {
      num = (num + A[i]) * xsq;
      den = (den + B[i]) * xsq;
    }
    const temp = (z * (num + A[3])) / (den + B[3]);
    return { lower: 0.5 + temp, upper: 0.5 - temp };
  }
  let small: number;
  if (y <= SQRT_32) {
    let num = C[8] * y;
    let den = y;
    for (let i = 0; i < 7; i++) {
      num = (num + C[i]) * y;
      den = (den + D[i]) * y;
    }
    small = (expHalfSquare(y) * (num + C[7])) / (den + D[7]);
  } else if (y < 37.5193) {
    const xsq = 1 / (z * z);
    let num = P[5] * xsq;
    let den = xsq;
    for (let i = 0; i < 4; i++) {
      num = (num + P[i]) * xsq;
      den = (den + Q[i]) * xsq;
    }
    const temp = (xsq * (num + P[4])) / (den + Q[4]);
    small = (expHalfSquare(y) * (INV_SQRT_2PI - temp)) / y;
  } else {
    small = 0;
  }
  return z > 0 ? { lower: 1 - small, upper: small } : { lower: small, upper: 1 - small };
}

/** AS 241 rational function r ↦ (Σ cᵢ rⁱ) / (Σ dᵢ rⁱ), coefficients from degree 0 up. */
function rational(r: number, num: readonly number[], den: readonly number[]): number {
  let n = 0;
  let d = 0;
  for (let i = num.length - 1; i >= 0; i--) {
    n = n * r + num[i];
    d = d * r + den[i];
  }
  return n / d;
}

const AS241_AB = [
  [
    3.387132872796366608, 133.14166789178437745, 1971.5909503065514427, 13731.693765509461125,
    45921.953931549871457, 67265.770927008700853, 33430.575583588128105, 2509.0809287301226727,
  ],
  [
    1, 42.313330701600911252, 687.1870074920579083, 5394.1960214247511077, 21213.794301586595867,
    39307.89580009271061, 28729.085735721942674, 5226.495278852854561,
  ],
] as const;
const AS241_CD = [
  [
    1.42343711074968357734, 4.6303378461565452959, 5.7694972214606914055, 3.64784832476320460504,
    1.27045825245236838258, 0.24178072517745061177, 0.0227238449892691845833,
    7.7454501427834140764e-4,
  ],
  [
    1, 2.05319162663775882187, 1.6763848301838038494, 0.68976733498510000455,
    0.14810397642748007459, 0.0151986665636164571966, 5.475938084995344946e-4,
    1.05075007164441684324e-9,
  ],
] as const;
const AS241_EF = [
  [
    6.6579046435011037772, 5.4637849111641143699, 1.7848265399172913358, 0.29656057182850489123,
    0.026532189526576123093, 0.0012426609473880784386, 2.71155556874348757815e-5,
    2.01033439929228813265e-7,
  ],
  [
    1, 0.59983220655588793769, 0.13692988092273580531, 0.0148753612908506148525,
    7.868691311456132591e-4, 1.8463183175100546818e-5, 1.4215117583164458887e-7,
    2.04426310338993978564e-15,
  ],
] as const;

/* eslint-enable no-loss-of-precision */

/** The AS 241 coefficient sets, exposed for the transcription check in the tests. */
export const AS241_COEFFICIENTS = { ab: AS241_AB, cd: AS241_CD, ef: AS241_EF } as const;

/**
 * Standard normal quantile by AS 241, without argument checks.
 *
 * @param p - Probability in [0, 1].
 * @param tail - Which tail `p` is: for `upper`, the z with P(Z > z) = p.
 * @returns The quantile; ±Infinity at 0 and 1.
 */
export function standardNormalQuantile(p: number, tail: Tail = 'lower'): number {
  if (p === (tail === 'lower' ? 0 : 1)) {
    return -Infinity;
  }
  if (p === (tail === 'lower' ? 1 : 0)) {
    return Infinity;
  }
  const q = (tail === 'lower' ? p : 0.5 - p + 0.5) - 0.5;
  if (Math.abs(q) <= 0.425) {
    return q * rational(0.180625 - q * q, AS241_AB[0], AS241_AB[1]);
  }
  // The smaller tail, taken as given when it was given: 1 − p would lose its digits.
  const smaller = q > 0 === (tail === 'upper') ? p : 0.5 - p + 0.5;
  const r = Math.sqrt(-Math.log(smaller));
  const value =
    r <= 5
      ? rational(r - 1.6, AS241_CD[0], AS241_CD[1])
      : rational(r - 5, AS241_EF[0], AS241_EF[1]);
  return q < 0 ? -value : value;
}

function requireLocationScale(mean: number, sd: number): void {
  requireFinite('mean', mean);
  requireNonNegative('sd', sd);
}

/**
 * Normal density, R's `dnorm(x, mean, sd)`.
 *
 * @param x - Point.
 * @param mean - Mean (default 0).
 * @param sd - Standard deviation, ≥ 0 (default 1; 0 is a point mass).
 * @returns The density at x.
 * @throws ValidationError when an argument is NaN, `mean` is not finite or `sd` is negative.
 */
export function normalPdf(x: number, mean = 0, sd = 1): number {
  requireNumber('x', x);
  requireLocationScale(mean, sd);
  if (sd === 0) {
    return x === mean ? Infinity : 0;
  }
  const z = Math.abs((x - mean) / sd);
  if (!Number.isFinite(z)) {
    return 0;
  }
  if (z < 5) {
    return (INV_SQRT_2PI * Math.exp(-0.5 * z * z)) / sd;
  }
  // Split z so that exp(−z²/2) keeps its precision in the tail (R's dnorm does the same).
  const z1 = Math.round(z * 65536) / 65536;
  const z2 = z - z1;
  return (INV_SQRT_2PI / sd) * Math.exp(-0.5 * z1 * z1) * Math.exp((-0.5 * z2 - z1) * z2);
}

/**
 * Normal distribution function, R's `pnorm(x, mean, sd, lower.tail)`.
 *
 * @param x - Point (±Infinity allowed).
 * @param mean - Mean (default 0).
 * @param sd - Standard deviation, ≥ 0 (default 1; 0 is a point mass at `mean`).
 * @param tail - `lower` for P(X ≤ x) (default), `upper` for P(X > x).
 * @returns The probability, to full relative precision in either tail.
 * @throws ValidationError when an argument is NaN, `mean` is not finite or `sd` is negative.
 * @example
 * ```ts
 * normalCdf(1.96); // 0.9750021048517795
 * normalCdf(10, 0, 1, 'upper'); // 7.619853024160527e-24
 * ```
 */
export function normalCdf(x: number, mean = 0, sd = 1, tail: Tail = 'lower'): number {
  requireNumber('x', x);
  requireLocationScale(mean, sd);
  requireTail(tail);
  if (sd === 0) {
    return pickTail(x < mean ? { lower: 0, upper: 1 } : { lower: 1, upper: 0 }, tail);
  }
  return pickTail(standardNormalTails((x - mean) / sd), tail);
}

/**
 * Normal quantile function by Wichura's AS 241, R's `qnorm(p, mean, sd, lower.tail)`.
 *
 * @param p - Probability in [0, 1].
 * @param mean - Mean (default 0).
 * @param sd - Standard deviation, ≥ 0 (default 1).
 * @param tail - Whether `p` is a lower (default) or an upper tail probability.
 * @returns The quantile; ±Infinity at p = 0 and 1.
 * @throws ValidationError when `p` is outside [0, 1], `mean` is not finite or `sd` is negative.
 * @example
 * ```ts
 * normalQuantile(0.975); // 1.959963984540054
 * ```
 */
export function normalQuantile(p: number, mean = 0, sd = 1, tail: Tail = 'lower'): number {
  requireProbability('p', p);
  requireLocationScale(mean, sd);
  requireTail(tail);
  const z = standardNormalQuantile(p, tail);
  return sd === 0 && Number.isFinite(z) ? mean : mean + sd * z;
}
