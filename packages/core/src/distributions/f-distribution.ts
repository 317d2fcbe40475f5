/**
 * Fisher's F distribution with (d₁, d₂) degrees of freedom, through the incomplete beta function:
 * P(F ≤ x) = I_u(d₁/2, d₂/2) with u = d₁x/(d₂ + d₁x); 1 − u = d₂/(d₂ + d₁x) is formed directly,
 * so the upper tail (an F-test p-value) keeps full precision (R's `pf`).
 */
import {
  pickTail,
  requireNumber,
  requirePositive,
  requireTail,
  type Tail,
  type TailPair,
} from './arguments.ts';
import { betaTails } from './incomplete-beta.ts';

/** F tails without argument checks. */
export function fTails(x: number, df1: number, df2: number): TailPair {
  if (x <= 0) {
    return { lower: 0, upper: 1 };
  }
  if (x === Infinity) {
    return { lower: 1, upper: 0 };
  }
  const denominator = df2 + df1 * x;
  return betaTails((df1 * x) / denominator, df2 / denominator, df1 / 2, df2 / 2);
}

/**
 * F distribution function, R's `pf(q, df1, df2, lower.tail)`.
 *
 * @param x - Point (Infinity allowed).
 * @param df1 - Numerator degrees of freedom, > 0.
 * @param df2 - Denominator degrees of freedom, > 0.
 * @param tail - `lower` for P(F ≤ x) (default), `upper` for P(F > x), the F-test p-value.
 * @returns The probability.
 * @throws ValidationError when `x` is NaN or a degrees-of-freedom argument is not positive and
 * finite.
 * @example
 * ```ts
 * fCdf(3.5, 1, 55, 'upper'); // p-value of an F(1, 55) statistic of 3.5
 * ```
 */
export function fCdf(x: number, df1: number, df2: number, tail: Tail = 'lower'): number {
  requireNumber('x', x);
  requirePositive('df1', df1);
  requirePositive('df2', df2);
  requireTail(tail);
  return pickTail(fTails(x, df1, df2), tail);
}
