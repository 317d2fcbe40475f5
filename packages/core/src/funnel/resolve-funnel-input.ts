/**
 * Argument checks for `computeFunnel`, and the options with their defaults filled in. Every
 * problem with a unit names its 1-based row and the field (`unit`, `y`, `n`).
 */
import { InsufficientDataError, ValidationError } from '../errors.ts';
import { isFunnelType, type FunnelOptions, type FunnelType, type FunnelUnit } from './types.ts';

/**
 * Largest numerator, denominator, multiplier or expected count accepted. Beyond it no org unit
 * exists, and χ² quantiles on ~10¹² degrees of freedom already take milliseconds each.
 */
export const MAX_FUNNEL_VALUE = 1e12;
/** Smallest exposure for a rate: below it the limits (≈ 3.7 events / n) overflow. */
export const MIN_EXPOSURE = 1e-9;
/** Fewest events a given rate target may expect at the largest exposure. */
export const MIN_EXPECTED_EVENTS = 1e-12;

/** {@link FunnelOptions} checked, with defaults applied. */
export interface ResolvedFunnelInput {
  readonly type: FunnelType;
  readonly units: readonly FunnelUnit[];
  readonly overdispersion: boolean;
  /** Target on the natural scale (unmultiplied): given, or pooled Σy / Σn. */
  readonly theta: number;
  readonly targetGiven: boolean;
  readonly trimBy: number;
  readonly multiply: number;
}

/**
 * Checks units and options and fills in the defaults (no adjustment, pooled target, trimBy 0.1,
 * multiply 1).
 *
 * @throws ValidationError for an unknown type; multiply not > 0; trimBy outside [0, 0.5); a
 *   target that is not finite, not > 0, (proportions) not below multiply or (rates) expecting more
 *   than 1e12 or fewer than 1e-12 events at the largest n; a unit name that is
 *   empty or repeated; y or n not finite, y < 0, n ≤ 0, either above 1e12; for proportions, y or n
 *   not a whole number or y > n; for rates, n < 1e-9.
 * @throws InsufficientDataError for fewer than two units.
 */
export function resolveFunnelInput(
  units: readonly FunnelUnit[],
  options: FunnelOptions,
): ResolvedFunnelInput {
  const type: unknown = options.type;
  if (!isFunnelType(type)) {
    throw ValidationError.of(
      'type',
      'unknown_type',
      `type must be "proportion" or "rate", got ${JSON.stringify(type)}`,
    );
  }
  const multiply = options.multiply ?? 1;
  if (!isFiniteNumber(multiply) || multiply <= 0 || multiply > MAX_FUNNEL_VALUE) {
    throw ValidationError.of(
      'multiply',
      'out_of_range',
      `multiply must be a positive number up to 1e12, got ${String(multiply)}`,
    );
  }
  const trimBy = options.trimBy ?? 0.1;
  if (!isFiniteNumber(trimBy) || trimBy < 0 || trimBy >= 0.5) {
    throw ValidationError.of(
      'trimBy',
      'out_of_range',
      `trimBy must be at least 0 and below 0.5, got ${String(trimBy)}`,
    );
  }
  const overdispersion: unknown = options.overdispersion ?? false;
  if (typeof overdispersion !== 'boolean') {
    throw ValidationError.of('overdispersion', 'not_a_boolean', 'overdispersion must be boolean');
  }
  units.forEach((unit, index) => checkUnit(unit, index + 1, type));
  checkNamesDistinct(units);
  if (units.length < 2) {
    throw new InsufficientDataError(
      `A funnel plot compares units: it needs at least 2, got ${units.length}`,
      2,
      units.length,
    );
  }
  const targetGiven = options.target !== undefined;
  const theta = targetGiven ? checkTarget(options.target, type, multiply) : pooled(units);
  const largest = Math.max(...units.map((u) => u.n));
  if (targetGiven && type === 'rate' && theta * largest > MAX_FUNNEL_VALUE) {
    throw ValidationError.of(
      'target',
      'out_of_range',
      `target ${String(options.target)} expects ${theta * largest} events at n = ${largest}; at most 1e12`,
    );
  }
  // Below this the units' weights 4E (and their squares, in τ²) leave the range of doubles: at
  // θ = 1e-200 τ² came out a hundred times too small, at 5e-324 infinite.
  if (targetGiven && type === 'rate' && theta * largest < MIN_EXPECTED_EVENTS) {
    throw ValidationError.of(
      'target',
      'out_of_range',
      `target ${String(options.target)} expects ${theta * largest} events at n = ${largest}; at least 1e-12`,
    );
  }
  return { type, units, overdispersion, theta, targetGiven, trimBy, multiply };
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function checkUnit(unit: FunnelUnit, row: number, type: FunnelType): void {
  const name: unknown = unit.unit;
  if (typeof name !== 'string' || name.trim() === '') {
    throw ValidationError.of('unit', 'required', 'every unit needs a name', row);
  }
  const y: unknown = unit.y;
  const n: unknown = unit.n;
  if (!isFiniteNumber(y)) {
    throw ValidationError.of('y', 'not_finite', `y of ${name} must be a finite number`, row);
  }
  if (!isFiniteNumber(n)) {
    throw ValidationError.of('n', 'not_finite', `n of ${name} must be a finite number`, row);
  }
  if (y < 0 || y > MAX_FUNNEL_VALUE) {
    throw ValidationError.of(
      'y',
      'out_of_range',
      `y of ${name} must be in [0, 1e12], got ${y}`,
      row,
    );
  }
  if (n <= 0 || n > MAX_FUNNEL_VALUE) {
    const code = n === 0 ? 'zero_denominator' : 'out_of_range';
    throw ValidationError.of('n', code, `n of ${name} must be in (0, 1e12], got ${n}`, row);
  }
  if (type === 'rate' && n < MIN_EXPOSURE) {
    const message = `exposure n of ${name} is ${n}; below 1e-9 it cannot be told from 0 (rescale it)`;
    throw ValidationError.of('n', 'out_of_range', message, row);
  }
  if (type === 'proportion') {
    for (const [field, value] of [
      ['y', y],
      ['n', n],
    ] as const) {
      if (!Number.isInteger(value)) {
        const message = `${field} of ${name} must be a whole number for a proportion, got ${value}`;
        throw ValidationError.of(field, 'not_an_integer', message, row);
      }
    }
    if (y > n) {
      const message = `y of ${name} (${y}) exceeds n (${n}): a proportion is at most 1`;
      throw ValidationError.of('y', 'exceeds_denominator', message, row);
    }
  }
}

function checkNamesDistinct(units: readonly FunnelUnit[]): void {
  const firstRow = new Map<string, number>();
  units.forEach(({ unit }, index) => {
    const seen = firstRow.get(unit);
    if (seen !== undefined) {
      const message = `unit ${unit} appears again (first at row ${seen}); aggregate it first`;
      throw ValidationError.of('unit', 'duplicate_unit', message, index + 1);
    }
    firstRow.set(unit, index + 1);
  });
}

function checkTarget(target: unknown, type: FunnelType, multiply: number): number {
  const theta = isFiniteNumber(target) ? target / multiply : NaN;
  const valid = type === 'proportion' ? theta > 0 && theta < 1 : theta > 0;
  if (!valid) {
    const range = type === 'proportion' ? `between 0 and ${multiply} (exclusive)` : 'above 0';
    throw ValidationError.of(
      'target',
      'out_of_range',
      `target of a ${type} must be ${range}, got ${String(target)}`,
    );
  }
  return theta;
}

/** Σy / Σn, summed in name order so that the result does not depend on the order of the units. */
function pooled(units: readonly FunnelUnit[]): number {
  const byName = [...units].sort((a, b) => (a.unit < b.unit ? -1 : 1));
  const [events, denominator] = byName.reduce(([y, n], unit) => [y + unit.y, n + unit.n], [0, 0]);
  return events / denominator;
}
