/**
 * Argument checks for `computeSpcChart`, and the options with their defaults filled in. Bad
 * arguments throw; a caveat about good ones (freeze ignored with part) is returned as a warning.
 */
import { InsufficientDataError, ValidationError, type Warning } from '../errors.ts';
import { isSpcChartType, needsDenominator, type SpcChartType } from './chart-types.ts';
import type { SpcInput, SpcOptions } from './types.ts';

/** {@link SpcOptions} checked against the input, with defaults applied. */
export interface ResolvedSpcOptions {
  readonly chart: SpcChartType;
  readonly multiply: number;
  /** Baseline length, or null when every row is baseline (no freeze, or freeze ignored). */
  readonly freeze: number | null;
  /** Last row of each part but the last, strictly increasing, each in 1..rows − 1. */
  readonly part: readonly number[];
  /** Excluded 1-based rows. */
  readonly exclude: ReadonlySet<number>;
  readonly screenMovingRanges: boolean;
  readonly warnings: readonly Warning[];
}

/**
 * Checks `input` and `options` and fills in the defaults (multiply 1, screening on).
 *
 * @throws ValidationError for an unknown chart, multiply ≤ 0, arrays of different lengths,
 *   values that are not finite numbers, a missing or negative denominator, or freeze, part or
 *   exclude rows out of range (part must also be strictly increasing).
 * @throws InsufficientDataError when there are no rows.
 */
export function resolveSpcOptions(input: SpcInput, options: SpcOptions): ResolvedSpcOptions {
  const chart: unknown = options.chart;
  if (!isSpcChartType(chart)) {
    throw ValidationError.of(
      'chart',
      'unknown_chart',
      `Unknown chart type ${JSON.stringify(chart)}`,
    );
  }
  const multiply = options.multiply ?? 1;
  if (typeof multiply !== 'number' || !Number.isFinite(multiply) || multiply <= 0) {
    throw ValidationError.of(
      'multiply',
      'out_of_range',
      `multiply must be a positive number, got ${shown(multiply)}`,
    );
  }
  const rows = input.y.length;
  if (input.x.length !== rows) {
    throw ValidationError.of(
      'x',
      'length_mismatch',
      `x has ${input.x.length} values but y has ${rows}`,
    );
  }
  if (input.n !== undefined && input.n.length !== rows) {
    throw ValidationError.of(
      'n',
      'length_mismatch',
      `n has ${input.n.length} values but y has ${rows}`,
    );
  }
  if (input.n === undefined && needsDenominator(chart)) {
    throw ValidationError.of('n', 'required', `A ${chart} chart needs a denominator n`);
  }
  checkValues('y', input.y, false);
  if (input.n !== undefined) {
    checkValues('n', input.n, true);
  }
  if (rows === 0) {
    throw new InsufficientDataError('There are no rows to chart', 1, 0);
  }

  const part = checkRows('part', options.part ?? [], 1, rows - 1);
  for (let k = 1; k < part.length; k++) {
    if (part[k] <= part[k - 1]) {
      throw ValidationError.of(
        'part',
        'not_increasing',
        `part must be strictly increasing, got ${part.join(', ')}`,
      );
    }
  }
  const exclude = new Set(checkRows('exclude', options.exclude ?? [], 1, rows));
  const warnings: Warning[] = [];
  let freeze: number | null = null;
  if (options.freeze !== undefined) {
    freeze = checkRows('freeze', [options.freeze], 1, rows)[0];
    if (part.length > 0) {
      warnings.push({
        code: 'freeze_ignored_with_part',
        message: `freeze = ${freeze} is ignored because part is given: each part gets its own lines`,
      });
      freeze = null;
    }
  }
  return {
    chart,
    multiply,
    freeze,
    part,
    exclude,
    screenMovingRanges: options.screenMovingRanges ?? true,
    warnings,
  };
}

/** Throws unless every value is a finite number or null (and, for `n`, not negative). */
function checkValues(
  field: 'y' | 'n',
  values: readonly (number | null)[],
  nonNegative: boolean,
): void {
  // An index loop: a scan checks 20,000 charts, and forEach took a closure for each.
  for (let k = 0; k < values.length; k++) {
    const value: unknown = values[k];
    if (value === null) {
      continue;
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw ValidationError.of(
        field,
        'not_finite',
        `${field} must be a finite number or null, got ${shown(value)}`,
        k + 1,
      );
    }
    if (nonNegative && value < 0) {
      throw ValidationError.of(
        field,
        'negative',
        `${field} must not be negative, got ${value}`,
        k + 1,
      );
    }
  }
}

/** Throws unless every entry is an integer row number in min..max; returns them as numbers. */
function checkRows(field: string, values: readonly number[], min: number, max: number): number[] {
  return values.map((value: unknown) => {
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      throw ValidationError.of(
        field,
        'not_an_integer',
        `${field} must hold whole row numbers, got ${shown(value)}`,
      );
    }
    if (value < min || value > max) {
      const range = min > max ? 'no valid value for this many rows' : `expected ${min}..${max}`;
      throw ValidationError.of(
        field,
        'out_of_range',
        `${field} = ${value} is out of range (${range})`,
      );
    }
    return value;
  });
}

/** A value for a message: numbers as JavaScript prints them (NaN, Infinity), others as JSON. */
function shown(value: unknown): string {
  return typeof value === 'number' ? String(value) : (JSON.stringify(value) ?? typeof value);
}
