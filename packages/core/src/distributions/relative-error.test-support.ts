/** Assertion helper for the distribution tests: relative error with a floor for values near 0. */
import { expect } from 'vitest';

/**
 * Asserts |got − want| ≤ tol · max(|want|, tiny).
 *
 * @param got - Computed value.
 * @param want - Reference value.
 * @param tol - Relative tolerance.
 * @param tiny - Absolute floor for references at or near zero.
 */
export function expectRelative(got: number, want: number, tol: number, tiny = 1e-300): void {
  if (want === got) {
    return;
  }
  const error = Math.abs(got - want) / Math.max(Math.abs(want), tiny);
  expect(error, `got ${got}, want ${want}`).toBeLessThanOrEqual(tol);
}
