/**
 * Checks of `fitGlm`'s options: shapes, finiteness, family-specific response domains and enough
 * informative rows. Errors name the option and, for values, the 1-based row.
 */
import { InsufficientDataError, ValidationError } from '../errors.ts';
import type { GlmFamily, GlmOptions } from './types.ts';

/** Options after checking, with defaults filled in. */
export interface CheckedGlmInput {
  readonly family: GlmFamily;
  readonly y: readonly number[];
  readonly rows: readonly (readonly number[])[];
  readonly terms: readonly string[];
  readonly intercept: boolean;
  readonly weights: readonly number[];
  readonly offset: readonly number[];
  readonly hasOffset: boolean;
  readonly epsilon: number;
  readonly maxIterations: number;
}

const FAMILIES: readonly GlmFamily[] = ['poisson', 'quasipoisson', 'gaussian'];

function checkVector(name: string, values: readonly number[], n: number): void {
  if (!Array.isArray(values) || values.length !== n) {
    throw ValidationError.of(
      name,
      'length_mismatch',
      `${name} must have one value per design row (${n})`,
    );
  }
  values.forEach((v, i) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw ValidationError.of(name, 'not_finite', `${name} must be a finite number`, i + 1);
    }
  });
}

function checkResponse(family: GlmFamily, y: readonly number[]): void {
  if (family === 'gaussian') {
    return;
  }
  y.forEach((v, i) => {
    if (v < 0) {
      throw ValidationError.of('y', 'negative', `y must be ≥ 0 for the ${family} family`, i + 1);
    }
    if (family === 'poisson' && !Number.isInteger(v)) {
      throw ValidationError.of(
        'y',
        'not_a_count',
        'y must be a whole number for the poisson family',
        i + 1,
      );
    }
  });
}

function checkDesign(options: GlmOptions): void {
  const design = options.design as GlmOptions['design'] | undefined;
  if (design === undefined || !Array.isArray(design.rows) || !Array.isArray(design.terms)) {
    throw ValidationError.of(
      'design',
      'required',
      'design must be a model matrix (see buildModelMatrix)',
    );
  }
  const p = design.terms.length;
  if (p === 0) {
    throw ValidationError.of('design', 'no_columns', 'the design has no columns');
  }
  design.rows.forEach((row, i) => {
    if (
      !Array.isArray(row) ||
      row.length !== p ||
      !row.every((v) => typeof v === 'number' && Number.isFinite(v))
    ) {
      throw ValidationError.of(
        'design',
        'invalid_row',
        `design rows must hold ${p} finite numbers`,
        i + 1,
      );
    }
  });
}

function checkControl(name: string, value: number, integer: boolean): void {
  if (
    typeof value !== 'number' ||
    !(value > 0) ||
    !Number.isFinite(value) ||
    (integer && !Number.isInteger(value))
  ) {
    throw ValidationError.of(
      name,
      'out_of_range',
      `${name} must be a ${integer ? 'whole ' : ''}number > 0, got ${String(value)}`,
    );
  }
}

/**
 * Checks the options of a fit and fills in defaults.
 *
 * @param options - What `fitGlm` was given.
 * @returns The checked input.
 * @throws ValidationError for a bad family, shape, value or control setting.
 * @throws InsufficientDataError when fewer rows have positive weight than the model has
 * coefficients (for families with an estimated dispersion, than coefficients + 1).
 */
export function checkGlmInput(options: GlmOptions): CheckedGlmInput {
  if (!FAMILIES.includes(options.family)) {
    throw ValidationError.of(
      'family',
      'invalid_family',
      `family must be one of ${FAMILIES.join(', ')}, got ${String(options.family)}`,
    );
  }
  checkDesign(options);
  const { rows, terms, intercept } = options.design;
  const n = rows.length;
  checkVector('y', options.y, n);
  checkResponse(options.family, options.y);
  const weights = options.weights ?? new Array<number>(n).fill(1);
  checkVector('weights', weights, n);
  weights.forEach((w, i) => {
    if (w < 0) {
      throw ValidationError.of('weights', 'negative', 'weights must be ≥ 0', i + 1);
    }
  });
  const offset = options.offset ?? new Array<number>(n).fill(0);
  checkVector('offset', offset, n);
  const epsilon = options.epsilon ?? 1e-8;
  const maxIterations = options.maxIterations ?? 25;
  checkControl('epsilon', epsilon, false);
  checkControl('maxIterations', maxIterations, true);
  const informative = weights.filter((w) => w > 0).length;
  const needed = terms.length + (options.family === 'poisson' ? 0 : 1);
  if (informative < needed) {
    throw new InsufficientDataError(
      `the model has ${terms.length} coefficients and needs at least ${needed} rows with positive weight, got ${informative}`,
      needed,
      informative,
    );
  }
  return {
    family: options.family,
    y: options.y,
    rows,
    terms,
    intercept: intercept && terms[0] === '(Intercept)',
    weights,
    offset,
    hasOffset: options.offset !== undefined,
    epsilon,
    maxIterations,
  };
}
