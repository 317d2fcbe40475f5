/**
 * Checks shared by the effect estimators. Errors name the column as the caller named it and the
 * 1-based row of the input, before any reordering, so that a person can find the bad cell.
 */
import { ValidationError, type Warning } from '../errors.ts';
import type { GlmFamily, GlmFit } from '../glm/types.ts';

/** The families an effect model can use. */
export const EFFECT_FAMILIES: readonly GlmFamily[] = ['poisson', 'quasipoisson', 'gaussian'];

/**
 * Pearson χ²/df above this in a Poisson fit triggers the `overdispersion` warning. A screen, not
 * a test: the point is to send the analyst to the quasi-Poisson family, whose standard errors
 * allow for it (Lopez Bernal et al. 2017 move from their model 1 to model 2 for this reason).
 */
export const OVERDISPERSION_SCREEN = 1.5;

/**
 * The family, defaulting to Poisson.
 * @throws ValidationError (`invalid_family`) for anything else.
 */
export function checkFamily(family: unknown): GlmFamily {
  if (family === undefined) {
    return 'poisson';
  }
  if (typeof family !== 'string' || !EFFECT_FAMILIES.includes(family as GlmFamily)) {
    throw ValidationError.of(
      'family',
      'invalid_family',
      `family must be one of ${EFFECT_FAMILIES.join(', ')}, got ${JSON.stringify(family)}`,
    );
  }
  return family as GlmFamily;
}

/**
 * Throws unless `values` is an array of `n` finite numbers.
 * @param field - Column name, used in the error.
 * @param values - The column.
 * @param n - Expected length.
 */
export function checkFiniteColumn(field: string, values: unknown, n: number): readonly number[] {
  if (!Array.isArray(values)) {
    throw ValidationError.of(field, 'missing_column', `column ${field} is required`);
  }
  if (values.length !== n) {
    throw ValidationError.of(
      field,
      'length_mismatch',
      `column ${field} has ${values.length} values, expected ${n}`,
    );
  }
  values.forEach((v: unknown, i) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw ValidationError.of(field, 'not_a_number', `${String(v)} is not a finite number`, i + 1);
    }
  });
  return values as readonly number[];
}

/**
 * Throws unless the outcome suits the family: counts (whole numbers ≥ 0) for Poisson, values
 * ≥ 0 for quasi-Poisson, anything finite for Gaussian.
 */
export function checkOutcome(field: string, values: readonly number[], family: GlmFamily): void {
  if (family === 'gaussian') {
    return;
  }
  values.forEach((v, i) => {
    if (v < 0) {
      throw ValidationError.of(
        field,
        'negative',
        `${v} is negative: a ${family} outcome is ≥ 0`,
        i + 1,
      );
    }
    if (family === 'poisson' && !Number.isInteger(v)) {
      throw ValidationError.of(
        field,
        'not_a_count',
        `${v} is not a whole number: a poisson outcome is a count (use quasipoisson for rates)`,
        i + 1,
      );
    }
  });
}

/**
 * The offset of a log-link model from a raw exposure column (population, person-time): log of
 * each value, as R's `offset(log(stdpop))`.
 *
 * The Gaussian family is refused: an additive log-population term on the identity scale is
 * almost never what is meant; model the rate (outcome / exposure) as the outcome instead.
 *
 * @throws ValidationError (`offset_not_positive`) for a value ≤ 0, (`offset_with_gaussian`) for
 * the Gaussian family.
 */
export function logOffset(field: string, values: readonly number[], family: GlmFamily): number[] {
  if (family === 'gaussian') {
    throw ValidationError.of(
      field,
      'offset_with_gaussian',
      `an offset (${field}) needs a log-link family (poisson or quasipoisson); for a gaussian model, divide the outcome by ${field} instead`,
    );
  }
  return values.map((v, i) => {
    if (!(v > 0)) {
      throw ValidationError.of(
        field,
        'offset_not_positive',
        `${v} must be > 0: the offset is log(${field})`,
        i + 1,
      );
    }
    return Math.log(v);
  });
}

/** The `overdispersion` warning for a Poisson fit whose Pearson χ²/df exceeds the screen. */
export function overdispersionWarnings(fit: GlmFit): Warning[] {
  if (fit.family !== 'poisson' || !(fit.dfResidual > 0)) {
    return [];
  }
  const ratio = fit.pearsonChiSquare / fit.dfResidual;
  return ratio > OVERDISPERSION_SCREEN
    ? [
        {
          code: 'overdispersion',
          message: `Pearson χ²/df is ${ratio.toPrecision(3)}: the Poisson standard errors are too small; use the quasipoisson family`,
        },
      ]
    : [];
}
