/**
 * The one-column least-squares step (sums) against the Householder QR it replaces for
 * intercept-only fits: the same coefficient, covariance and leverages to rounding, on random
 * designs of ones (an intercept) and of other values, with weights spanning orders of magnitude;
 * and the same refusal of an all-zero column.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.ts';
import { solveByQr, solveWeightedLeastSquares } from './weighted-least-squares.ts';

function close(actual: number, expected: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected)));
}

describe('solveWeightedLeastSquares with one column', () => {
  it('gives the Householder QR’s coefficient, covariance and leverages', () => {
    // A column of ones (an intercept) or of other values (0.1 to 7 either side of 0); weights
    // over eight orders of magnitude.
    const design = fc.integer({ min: 1, max: 30 }).chain((n) =>
      fc.record({
        column: fc.oneof(
          fc.constant(Array.from({ length: n }, () => 1)),
          fc
            .array(fc.tuple(fc.constantFrom(-1, 1), fc.double({ min: 0.1, max: 7, noNaN: true })), {
              minLength: n,
              maxLength: n,
            })
            .map((values) => values.map(([sign, v]) => sign * v)),
        ),
        weights: fc.array(fc.double({ min: -4, max: 4, noNaN: true }), {
          minLength: n,
          maxLength: n,
        }),
        z: fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), {
          minLength: n,
          maxLength: n,
        }),
      }),
    );
    fc.assert(
      fc.property(design, ({ column, weights, z }) => {
        const rows = column.map((v) => [v]);
        const sqrtWeights = weights.map((e) => Math.sqrt(10 ** e));
        const fast = solveWeightedLeastSquares(rows, sqrtWeights, z, ['(Intercept)'], 1e-11);
        const qr = solveByQr(rows, sqrtWeights, z, ['(Intercept)'], 1e-11);
        close(fast.coefficients[0], qr.coefficients[0]);
        close(fast.unscaledCovariance()[0][0], qr.unscaledCovariance()[0][0]);
        const h = fast.leverages();
        const hQr = qr.leverages();
        expect(h).toHaveLength(rows.length);
        h.forEach((v, i) => close(v, hQr[i]));
        close(
          h.reduce((acc, v) => acc + v, 0),
          1,
        );
      }),
      { seed: 11, numRuns: 200 },
    );
  });

  it('reads an intercept-only fit as a weighted mean', () => {
    const step = solveWeightedLeastSquares(
      [[1], [1], [1]],
      [1, 2, 3].map(Math.sqrt),
      [4, 5, 7],
      ['(Intercept)'],
      1e-11,
    );
    close(step.coefficients[0], (4 + 2 * 5 + 3 * 7) / 6);
    close(step.unscaledCovariance()[0][0], 1 / 6);
    expect(step.leverages().map((h) => Number(h.toFixed(12)))).toEqual(
      [1 / 6, 2 / 6, 3 / 6].map((h) => Number(h.toFixed(12))),
    );
    expect(solveWeightedLeastSquares([[1]], [1], [3], ['(Intercept)'], 1e-11).leverages()).toEqual([
      1,
    ]);
  });

  it('refuses a column that is zero wherever the weights are positive, as the QR does', () => {
    const rows = [[0], [0]];
    for (const solve of [solveWeightedLeastSquares, solveByQr]) {
      expect(() => solve(rows, [1, 1], [1, 2], ['x'], 1e-11)).toThrow(ValidationError);
      expect(() => solve(rows, [1, 1], [1, 2], ['x'], 1e-11)).toThrow(/term x/);
    }
  });
});
