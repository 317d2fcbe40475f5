/**
 * From input rows to the values a chart plots, as qicharts2 0.8.1 `qic()` prepares them: with a
 * denominator, a row missing y or n is missing altogether (`complete.cases`) and the plotted value
 * is y/n, except on C charts, which plot the count.
 */
import { ValidationError, type Warning } from '../errors.ts';
import type { SpcChartType } from './chart-types.ts';
import type { SpcInput } from './types.ts';

/** Per-row values for the chart, NaN where missing. */
export interface PreparedRows {
  /** Plotted value before multiply. */
  readonly y: readonly number[];
  /** Numerator (for Σy/Σn). */
  readonly numerator: readonly number[];
  /** Denominator; NaN when absent, missing or zero. */
  readonly n: readonly number[];
  readonly warnings: readonly Warning[];
}

/**
 * Plotted values, numerators and denominators of every row.
 *
 * A zero denominator makes y/n undefined: qicharts2 would plot ±Inf or NaN (and still add y to
 * Σy); here the row is treated as missing, with a `denominator_zero` warning.
 *
 * @throws ValidationError (`not_positive`, field `y`) for a T chart with a time ≤ 0, as qicharts2
 *   stops with "Time between events must be greater than zero".
 */
export function prepareRows(input: SpcInput, chart: SpcChartType): PreparedRows {
  const denominators = input.n;
  const y: number[] = [];
  const numerator: number[] = [];
  const n: number[] = [];
  const zeroRows: number[] = [];
  const missingRows: number[] = [];
  for (let k = 0; k < input.y.length; k++) {
    const count = input.y[k] ?? Number.NaN;
    if (denominators === undefined) {
      y.push(count);
      numerator.push(count);
      n.push(Number.NaN);
      continue;
    }
    const size = denominators[k] ?? Number.NaN;
    if (Number.isNaN(count) || Number.isNaN(size)) {
      if (!Number.isNaN(count)) {
        missingRows.push(k + 1);
      }
      y.push(Number.NaN);
      numerator.push(Number.NaN);
      n.push(Number.NaN);
      continue;
    }
    if (chart === 'c') {
      y.push(count);
      numerator.push(count);
      n.push(size);
      continue;
    }
    if (size === 0) {
      zeroRows.push(k + 1);
    }
    y.push(size === 0 ? Number.NaN : count / size);
    numerator.push(size === 0 ? Number.NaN : count);
    n.push(size === 0 ? Number.NaN : size);
  }
  if (chart === 't') {
    const row = y.findIndex((value) => value <= 0);
    if (row >= 0) {
      throw ValidationError.of(
        'y',
        'not_positive',
        `Time between events must be greater than zero, got ${y[row]}`,
        row + 1,
      );
    }
  }
  const warnings: Warning[] = [];
  if (zeroRows.length > 0) {
    warnings.push({
      code: 'denominator_zero',
      message: `y/n is undefined where n = 0, so ${describeRows(zeroRows)} left out as missing`,
    });
  }
  if (missingRows.length > 0) {
    warnings.push({
      code: 'denominator_missing',
      message: `n is missing, so ${describeRows(missingRows)} left out as missing`,
    });
  }
  const duplicate = firstDuplicate(input.x);
  if (duplicate !== null) {
    warnings.push({
      code: 'duplicate_x',
      message: `x value ${JSON.stringify(duplicate)} appears more than once; rows are charted in the given order, one point each, not aggregated`,
    });
  }
  return { y, numerator, n, warnings };
}

/** "row 4 is" / "rows 4, 9 and 12 are", listing at most ten. */
function describeRows(rows: readonly number[]): string {
  if (rows.length === 1) {
    return `row ${rows[0]} is`;
  }
  const shown = rows.slice(0, 10).join(', ');
  return `rows ${shown}${rows.length > 10 ? ` and ${rows.length - 10} more` : ''} are`;
}

/** Whether every value is of one type and greater than the one before (so none repeats). */
function strictlyIncreasing(values: readonly (string | number)[]): boolean {
  for (let i = 1; i < values.length; i++) {
    const a = values[i - 1];
    const b = values[i];
    if (typeof a !== typeof b || !(a < b)) {
      return false;
    }
  }
  return true;
}

function firstDuplicate(values: readonly (string | number)[]): string | number | null {
  if (strictlyIncreasing(values)) {
    // The usual case (periods in order) needs no set.
    return null;
  }
  const seen = new Set<string | number>();
  for (const value of values) {
    if (seen.has(value)) {
      return value;
    }
    seen.add(value);
  }
  return null;
}
