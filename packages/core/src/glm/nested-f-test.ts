/**
 * F test of a smaller model against a larger one that contains it, as R's
 * `anova(small, large, test = "F")` for GLMs: F = ((D_small − D_large) / (df_small − df_large)) / φ,
 * with φ the larger model's dispersion, referred to F(df_small − df_large, df_large). As in R, when
 * φ is exactly 1 (the Poisson family) the denominator degrees of freedom are infinite, i.e. the
 * test is χ²(df_small − df_large) on F · (df_small − df_large), and a negative F has no p-value.
 */
import { chiSquareTails } from '../distributions/chi-square.ts';
import { fTails } from '../distributions/f-distribution.ts';
import { ValidationError } from '../errors.ts';
import type { GlmFit } from './types.ts';

/** Result of the test. */
export interface NestedFTest {
  readonly devianceChange: number;
  readonly dfChange: number;
  readonly f: number;
  /** Residual df of the larger model; Infinity when its dispersion is exactly 1. */
  readonly dfDenominator: number;
  /** Upper-tail p-value; null when F < 0 (R's NA). */
  readonly pValue: number | null;
}

/**
 * Compares two nested fits by an F test.
 *
 * @param small - The fit with fewer coefficients.
 * @param large - The fit with more coefficients, same data and family.
 * @returns Deviance change, F statistic, degrees of freedom and the upper-tail p-value (null
 * when F < 0).
 * @throws ValidationError when the fits differ in family or number of rows, or `large` does not
 * have more coefficients than `small`.
 */
export function nestedFTest(small: GlmFit, large: GlmFit): NestedFTest {
  if (small.family !== large.family || small.y.length !== large.y.length) {
    throw ValidationError.of('large', 'not_nested', 'the fits must share family and data');
  }
  const dfChange = small.dfResidual - large.dfResidual;
  if (dfChange <= 0) {
    throw ValidationError.of('large', 'not_nested', 'the larger model must have more coefficients');
  }
  const devianceChange = small.deviance - large.deviance;
  const f = devianceChange / dfChange / large.dispersion;
  const dfDenominator = large.dispersion === 1 ? Infinity : large.dfResidual;
  let pValue: number | null = null;
  if (f >= 0) {
    pValue =
      dfDenominator === Infinity
        ? chiSquareTails(f * dfChange, dfChange).upper
        : fTails(f, dfChange, dfDenominator).upper;
  }
  return { devianceChange, dfChange, f, dfDenominator, pValue };
}
