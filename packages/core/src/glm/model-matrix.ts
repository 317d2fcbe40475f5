/**
 * Building a design matrix from named columns, so that callers name terms as R does
 * (`(Intercept)`, `time`, `smokban`, `I(time - 36):smokban`, `harmonic(month, 2, 12)1`, …).
 * The helpers cover what Sankofa's models use: numeric columns, products of columns
 * (interactions), Fourier terms for seasonality (tsModel's `harmonic`) and treatment-coded factors
 * (R's default `contr.treatment`).
 */
import { ValidationError } from '../errors.ts';
import type { ModelMatrix } from './types.ts';

/** Name of the intercept column, as R prints it. */
export const INTERCEPT = '(Intercept)';

/** A column given by its values. */
export interface NumericTerm {
  readonly name: string;
  readonly values: readonly number[];
}

/** A column that is the elementwise product of several columns (an interaction). */
export interface ProductTerm {
  readonly name: string;
  readonly product: readonly (readonly number[])[];
}

/** One column of the design. */
export type TermSpec = NumericTerm | ProductTerm;

/** Options of `buildModelMatrix`. */
export interface ModelMatrixOptions {
  /** Whether to put an intercept column first (default true). */
  readonly intercept?: boolean;
  /** Number of rows; needed only when there are no terms (an intercept-only model). */
  readonly rowCount?: number;
}

function columnOf(term: TermSpec): readonly number[] {
  if ('values' in term) {
    return term.values;
  }
  const factors = term.product;
  if (factors.length === 0) {
    throw ValidationError.of(term.name, 'empty_product', `term ${term.name} multiplies no columns`);
  }
  const n = factors[0].length;
  for (const f of factors) {
    if (f.length !== n) {
      throw ValidationError.of(
        term.name,
        'length_mismatch',
        `the columns of ${term.name} differ in length`,
      );
    }
  }
  return factors[0].map((_, i) => factors.reduce((acc, f) => acc * f[i], 1));
}

/**
 * Builds a design matrix from named columns.
 *
 * @param terms - Columns in order, each a named vector or a named product of vectors.
 * @param options - Intercept (default true) and, for an intercept-only model, the row count.
 * @returns The matrix with its term names.
 * @throws ValidationError when names are empty or repeated, lengths differ, a value is not
 * finite, or there are no rows or no columns.
 * @example
 * ```ts
 * const design = buildModelMatrix([
 *   { name: 'smokban', values: smokban },
 *   { name: 'time', values: time },
 *   { name: 'I(time - 36):smokban', product: [time.map((t) => t - 36), smokban] },
 * ]);
 * ```
 */
export function buildModelMatrix(
  terms: readonly TermSpec[],
  options: ModelMatrixOptions = {},
): ModelMatrix {
  const intercept = options.intercept ?? true;
  const names: string[] = intercept ? [INTERCEPT] : [];
  const columns: (readonly number[])[] = [];
  for (const term of terms) {
    if (typeof term.name !== 'string' || term.name.length === 0) {
      throw ValidationError.of('terms', 'missing_name', 'every term needs a non-empty name');
    }
    if (names.includes(term.name)) {
      throw ValidationError.of(term.name, 'duplicate_term', `term ${term.name} appears twice`);
    }
    names.push(term.name);
    columns.push(columnOf(term));
  }
  const n = columns.length > 0 ? columns[0].length : (options.rowCount ?? 0);
  if (names.length === 0) {
    throw ValidationError.of('terms', 'no_columns', 'the design has no columns');
  }
  if (!Number.isInteger(n) || n < 1) {
    throw ValidationError.of('terms', 'no_rows', 'the design has no rows');
  }
  columns.forEach((column, j) => {
    const name = terms[j].name;
    if (column.length !== n) {
      throw ValidationError.of(
        name,
        'length_mismatch',
        `term ${name} has ${column.length} values, expected ${n}`,
      );
    }
    column.forEach((v, i) => {
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        throw ValidationError.of(name, 'not_finite', `term ${name} is not a finite number`, i + 1);
      }
    });
  });
  const rows = Array.from({ length: n }, (_, i) => {
    const row = columns.map((column) => column[i]);
    return intercept ? [1, ...row] : row;
  });
  return { terms: names, rows, intercept };
}

/**
 * Fourier terms for a seasonal pattern, in the column order of tsModel's `harmonic(x, nfreq,
 * period)`: sin(2πkx/period) for k = 1..nfreq, then cos(2πkx/period) for k = 1..nfreq.
 *
 * @param values - The seasonal position of each row, e.g. the month 1..12.
 * @param harmonics - Number of frequencies (nfreq), ≥ 1.
 * @param period - Length of the cycle, e.g. 12 for months, > 0.
 * @param name - Column names: `${name}${j}` for j = 1..2·nfreq; R names them
 * `harmonic(month, 2, 12)1` …; default names `sin1, sin2, …, cos1, cos2, …`.
 * @returns One numeric term per column.
 * @throws ValidationError when `harmonics` is not a whole number ≥ 1 or `period` is not > 0.
 */
export function harmonicTerms(
  values: readonly number[],
  harmonics: number,
  period: number,
  name?: string,
): NumericTerm[] {
  if (!Number.isInteger(harmonics) || harmonics < 1) {
    throw ValidationError.of(
      'harmonics',
      'out_of_range',
      `harmonics must be a whole number ≥ 1, got ${harmonics}`,
    );
  }
  if (!(period > 0) || !Number.isFinite(period)) {
    throw ValidationError.of(
      'period',
      'out_of_range',
      `period must be a finite number > 0, got ${period}`,
    );
  }
  const terms: NumericTerm[] = [];
  for (const kind of ['sin', 'cos'] as const) {
    for (let k = 1; k <= harmonics; k++) {
      const index = (kind === 'sin' ? 0 : harmonics) + k;
      const f = kind === 'sin' ? Math.sin : Math.cos;
      terms.push({
        name: name === undefined ? `${kind}${k}` : `${name}${index}`,
        values: values.map((x) => f((2 * Math.PI * k * x) / period)),
      });
    }
  }
  return terms;
}

/**
 * Treatment-coded dummy columns for a categorical variable (R's `contr.treatment`): one 0/1
 * column per level except the first, named `${name}${level}` as R names them.
 *
 * @param name - Variable name, e.g. `seasgroups`.
 * @param values - The level of each row.
 * @param levels - Level order, the first being the reference; default: the distinct values,
 * numbers in ascending order, otherwise sorted as strings.
 * @returns One numeric term per non-reference level.
 * @throws ValidationError when a value is not among `levels`.
 */
export function factorTerms(
  name: string,
  values: readonly (string | number)[],
  levels?: readonly (string | number)[],
): NumericTerm[] {
  const order =
    levels ??
    [...new Set(values)].sort((a, b) =>
      typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b)),
    );
  values.forEach((v, i) => {
    if (!order.includes(v)) {
      throw ValidationError.of(
        name,
        'unknown_level',
        `${String(v)} is not a level of ${name}`,
        i + 1,
      );
    }
  });
  return order.slice(1).map((level) => ({
    name: `${name}${String(level)}`,
    values: values.map((v) => (v === level ? 1 : 0)),
  }));
}
