/**
 * The one-column least-squares step (sums) against the Householder QR it replaces for
 * intercept-only fits: the same coefficient, covariance and leverages to rounding, on designs of
 * ones (an intercept) and of other values, with weights spanning orders of magnitude; and the
 * same refusal of an all-zero column.
 */
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.ts';
import { solveByQr, solveWeightedLeastSquares } from './weighted-least-squares.ts';

/** A small seeded generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function close(actual: number, expected: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected)));
}

describe('solveWeightedLeastSquares with one column', () => {
  it('gives the Householder QR’s coefficient, covariance and leverages', () => {
    const next = random(11);
    for (let trial = 0; trial < 200; trial++) {
      const n = 1 + Math.floor(next() * 30);
      const intercept = trial % 2 === 0;
      const rows = Array.from({ length: n }, () => [intercept ? 1 : (next() - 0.3) * 10]);
      const sqrtWeights = Array.from({ length: n }, () => Math.sqrt(10 ** (next() * 8 - 4)));
      const z = Array.from({ length: n }, () => (next() - 0.5) * 10 ** (next() * 6));
      const fast = solveWeightedLeastSquares(rows, sqrtWeights, z, ['(Intercept)'], 1e-11);
      const qr = solveByQr(rows, sqrtWeights, z, ['(Intercept)'], 1e-11);
      close(fast.coefficients[0], qr.coefficients[0]);
      close(fast.unscaledCovariance()[0][0], qr.unscaledCovariance()[0][0]);
      const h = fast.leverages();
      const hQr = qr.leverages();
      expect(h).toHaveLength(n);
      h.forEach((v, i) => close(v, hQr[i]));
      close(
        h.reduce((a, b) => a + b, 0),
        1,
      );
    }
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
