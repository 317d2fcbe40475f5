/**
 * Argument checks shared by the distribution functions. Each throws a `ValidationError` whose
 * issue names the argument (`field`) and shows the bad value, so callers can say what to fix.
 */
import { ValidationError } from '../errors.ts';

/** Which tail a probability refers to: `lower` is P(X ≤ x) (R's default), `upper` is P(X > x). */
export type Tail = 'lower' | 'upper';

/** Both tails at one point, each computed directly so that the small one keeps its precision. */
export interface TailPair {
  /** P(X ≤ x). */
  readonly lower: number;
  /** P(X > x). */
  readonly upper: number;
}

/** Largest relative distance from an integer that still counts as that integer (R's `R_nonint`). */
const INTEGER_FUZZ = 1e-7;

function fail(name: string, code: string, expected: string, value: unknown): never {
  throw ValidationError.of(name, code, `${name} must be ${expected}, got ${String(value)}`);
}

/** Requires a number that is not NaN (±Infinity allowed). */
export function requireNumber(name: string, value: number): number {
  if (typeof value !== 'number' || Number.isNaN(value)) {
    fail(name, 'not_a_number', 'a number', value);
  }
  return value;
}

/** Requires a finite number. */
export function requireFinite(name: string, value: number): number {
  requireNumber(name, value);
  if (!Number.isFinite(value)) {
    fail(name, 'not_finite', 'finite', value);
  }
  return value;
}

/** Requires a finite number ≥ 0. */
export function requireNonNegative(name: string, value: number): number {
  requireFinite(name, value);
  if (value < 0) {
    fail(name, 'out_of_range', 'a finite number ≥ 0', value);
  }
  return value;
}

/** Requires a number > 0; Infinity is accepted only when `allowInfinity` is set. */
export function requirePositive(name: string, value: number, allowInfinity = false): number {
  requireNumber(name, value);
  if (!(value > 0)) {
    fail(name, 'out_of_range', 'a number > 0', value);
  }
  if (!allowInfinity && !Number.isFinite(value)) {
    fail(name, 'not_finite', 'finite', value);
  }
  return value;
}

/** Requires a probability in [0, 1]. */
export function requireProbability(name: string, value: number): number {
  requireNumber(name, value);
  if (value < 0 || value > 1) {
    fail(name, 'out_of_range', 'a probability in [0, 1]', value);
  }
  return value;
}

/**
 * Requires a non-negative whole number, allowing R's relative fuzz of 1e-7, and returns it
 * rounded.
 */
export function requireCount(name: string, value: number): number {
  requireNonNegative(name, value);
  const rounded = Math.round(value);
  if (Math.abs(value - rounded) > INTEGER_FUZZ * Math.max(1, Math.abs(value))) {
    fail(name, 'not_an_integer', 'a whole number', value);
  }
  return rounded;
}

/** Requires `lower` or `upper`. */
export function requireTail(tail: Tail): Tail {
  if (tail !== 'lower' && tail !== 'upper') {
    fail('tail', 'invalid_tail', "'lower' or 'upper'", tail);
  }
  return tail;
}

/** Picks one side of a tail pair. */
export function pickTail(pair: TailPair, tail: Tail): number {
  return tail === 'lower' ? pair.lower : pair.upper;
}
