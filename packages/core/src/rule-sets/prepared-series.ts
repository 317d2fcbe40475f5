/**
 * Checks a `RuleSeries` and puts it in the one shape every rule reads: non-finite numbers become
 * `null`, and the points a run rule may look at are listed once.
 */
import { ValidationError, type Issue } from '../errors.ts';
import type { RuleSeries } from './rule-set-types.ts';

/** A series after checking; every array has length `n`. */
export interface PreparedSeries {
  readonly n: number;
  readonly y: readonly (number | null)[];
  readonly cl: readonly (number | null)[];
  readonly ucl: readonly (number | null)[];
  readonly lcl: readonly (number | null)[];
  readonly ucl2: readonly (number | null)[];
  readonly lcl2: readonly (number | null)[];
  /** Whether the point is included (not excluded or ghosted). */
  readonly included: readonly boolean[];
  /** Indices of included points that have a value, ascending: what run rules walk over. */
  readonly active: readonly number[];
}

/** Which side of the centre line a point is on; `0` on the line or when there is no line. */
export type Side = -1 | 0 | 1;

const REQUIRED = ['y', 'cl', 'ucl', 'lcl'] as const;
const OPTIONAL = ['ucl2', 'lcl2', 'include'] as const;

/** A finite number, or null for anything else (null, NaN, ±Infinity, a non-number). */
function finiteOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function toNumbers(values: unknown, n: number): (number | null)[] {
  const out: (number | null)[] = new Array<number | null>(n).fill(null);
  if (Array.isArray(values)) {
    for (let i = 0; i < n; i++) {
      out[i] = finiteOrNull(values[i]);
    }
  }
  return out;
}

/**
 * Checks that every array of the series is there and as long as `y`.
 * @returns The number of points.
 * @throws ValidationError when an array is missing or its length differs from `y`.
 */
export function checkRuleSeries(series: RuleSeries): number {
  const record: Readonly<Record<string, unknown>> =
    typeof series === 'object' && series !== null
      ? (series as unknown as Readonly<Record<string, unknown>>)
      : {};
  const yValues = record['y'];
  const n = Array.isArray(yValues) ? yValues.length : 0;
  const issues: Issue[] = [];
  for (const field of REQUIRED) {
    const value = record[field];
    if (!Array.isArray(value)) {
      issues.push({ field, code: 'required', message: `${field} must be an array` });
    } else if (value.length !== n) {
      issues.push({
        field,
        code: 'length_mismatch',
        message: `${field} has ${value.length} entries, y has ${n}`,
      });
    }
  }
  for (const field of OPTIONAL) {
    const value = record[field];
    if (value === undefined) {
      continue;
    }
    if (!Array.isArray(value) || value.length !== n) {
      const got = Array.isArray(value) ? `${value.length} entries` : 'no array';
      issues.push({ field, code: 'length_mismatch', message: `${field} has ${got}, y has ${n}` });
    }
  }
  if (issues.length > 0) {
    throw new ValidationError(
      `Invalid rule series: ${issues.map((i) => i.message).join('; ')}`,
      issues,
    );
  }
  return n;
}

/**
 * Checks that every array of the series has the same length and normalises the values.
 * @param series - One part of a chart.
 * @returns The series with non-finite values as `null` and the active points listed.
 * @throws ValidationError when an array is missing or its length differs from `y`.
 */
export function prepareSeries(series: RuleSeries): PreparedSeries {
  const n = checkRuleSeries(series);
  const record: Readonly<Record<string, unknown>> =
    typeof series === 'object' && series !== null ? { ...series } : {};
  const yValues = record['y'];
  const includeValues = record['include'];
  const included = new Array<boolean>(n);
  for (let i = 0; i < n; i++) {
    included[i] = Array.isArray(includeValues) ? includeValues[i] !== false : true;
  }
  const y = toNumbers(yValues, n);
  const active: number[] = [];
  for (let i = 0; i < n; i++) {
    if (included[i] && y[i] !== null) {
      active.push(i);
    }
  }
  return {
    n,
    y,
    cl: toNumbers(record['cl'], n),
    ucl: toNumbers(record['ucl'], n),
    lcl: toNumbers(record['lcl'], n),
    ucl2: toNumbers(record['ucl2'], n),
    lcl2: toNumbers(record['lcl2'], n),
    included,
    active,
  };
}

/**
 * The side of the centre line point `i` is on: `1` above, `-1` below, `0` exactly on the line
 * or when the point has no value or no centre line.
 */
export function sideOf(series: PreparedSeries, i: number): Side {
  const y = series.y[i];
  const cl = series.cl[i];
  if (y === null || cl === null) {
    return 0;
  }
  if (y > cl) {
    return 1;
  }
  return y < cl ? -1 : 0;
}
