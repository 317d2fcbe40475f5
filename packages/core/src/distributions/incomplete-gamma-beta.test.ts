/**
 * Reference: R's `pgamma` and `pbeta` (TOMS 708), checked against exact sums: for whole shapes,
 * Q(n, x) = e^(−x) Σ_{j<n} x^j/j! and I_x(a, b) = P(Binomial(a + b − 1, x) ≥ a), computed in
 * rational arithmetic (`exact-sums.test-support.ts`); plus closed forms P(1, x) = 1 − e^(−x),
 * I_x(a, 1) = x^a, I_x(1, b) = 1 − (1 − x)^b, and the symmetry I_x(a, b) = 1 − I_{1−x}(b, a).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.ts';
import { incompleteBetaExact, poissonTailsExact } from './exact-sums.test-support.ts';
import { betaTails, regularizedBeta, regularizedBetaComplement } from './incomplete-beta.ts';
import { regularizedGammaP, regularizedGammaQ } from './incomplete-gamma.ts';
import { expectRelative } from './relative-error.test-support.ts';

fc.configureGlobal({ seed: 20170101, numRuns: 300 });

/**
 * Loader's saddle-point prefactor is exp(−E) with E rounded at its own scale, so far in a tail the
 * relative error grows like ε·|log value| (as in R before 4.4); 2e-15 per unit of |log value|.
 */
const tailTolerance = (value: number): number => 2e-15 * (1 + Math.abs(Math.log(value)));

describe('regularizedGammaP / regularizedGammaQ', () => {
  it('match exact sums for whole shapes in both tails, on both sides of x = a + 1', () => {
    const cases: [number, number, number][] = [
      // [a, x numerator, x denominator]; x dyadic so that the double x is the exact rational
      [1, 1, 2],
      [3, 5, 1],
      [10, 3, 1],
      [10, 25, 1],
      [50, 48, 1],
      [50, 70, 1],
      [200, 199, 1],
      [400, 361, 1],
      [400, 460, 1],
      [600, 4801, 8],
    ];
    for (const [a, num, den] of cases) {
      const [q, p] = poissonTailsExact(a - 1, num, den);
      expectRelative(regularizedGammaQ(a, num / den), q, 1e-14);
      expectRelative(regularizedGammaP(a, num / den), p, 1e-14);
    }
  });

  it('are 1 − e^(−x) for a = 1, and the ends are exact', () => {
    for (const x of [1e-10, 0.3, 1, 7, 40]) {
      expectRelative(regularizedGammaP(1, x), -Math.expm1(-x), tailTolerance(-Math.expm1(-x)));
      expectRelative(regularizedGammaQ(1, x), Math.exp(-x), tailTolerance(Math.exp(-x)));
    }
    expect(regularizedGammaP(2, 0)).toBe(0);
    expect(regularizedGammaQ(2, Infinity)).toBe(0);
  });

  it('add up to 1 and increase in x', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 1e4, noNaN: true }),
        fc.double({ min: 0, max: 2e4, noNaN: true }),
        (a, x) => {
          const p = regularizedGammaP(a, x);
          const q = regularizedGammaQ(a, x);
          expect(Math.abs(p + q - 1)).toBeLessThan(1e-14);
          expect(regularizedGammaP(a, x * 1.01 + 1e-9)).toBeGreaterThanOrEqual(p);
        },
      ),
    );
  });

  it('rejects a shape ≤ 0 and a negative x', () => {
    expect(() => regularizedGammaP(0, 1)).toThrow(ValidationError);
    expect(() => regularizedGammaQ(1, -1)).toThrow(ValidationError);
  });
});

describe('regularizedBeta', () => {
  it('matches exact binomial sums for whole shapes, in both tails', () => {
    const cases: [number, number, number, number][] = [
      // [x numerator, x denominator, a, b]
      [1, 2, 2, 3],
      [1, 10, 1, 30],
      [3, 10, 5, 5],
      [7, 10, 40, 12],
      [1, 3, 60, 140],
      [49, 100, 300, 300],
      [1, 20, 2, 400],
      [999, 1000, 900, 3],
    ];
    for (const [u, v, a, b] of cases) {
      const [lower, upper] = incompleteBetaExact(u, v, a, b);
      expectRelative(regularizedBeta(u / v, a, b), lower, 1e-14);
      expectRelative(regularizedBetaComplement(u / v, a, b), upper, 1e-14);
    }
  });

  it('has the closed forms I_x(a, 1) = x^a and I_x(1, b) = 1 − (1 − x)^b', () => {
    for (const x of [0.01, 0.3, 0.77]) {
      expectRelative(regularizedBeta(x, 2.5, 1), x ** 2.5, tailTolerance(x ** 2.5));
      const upper = (1 - x) ** 3.5;
      expectRelative(regularizedBetaComplement(x, 1, 3.5), upper, tailTolerance(upper));
    }
  });

  it('is symmetric: I_x(a, b) = 1 − I_{1−x}(b, a), computed without subtraction', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        fc.double({ min: 0.1, max: 500, noNaN: true }),
        fc.double({ min: 0.1, max: 500, noNaN: true }),
        (x, a, b) => {
          const direct = betaTails(x, 1 - x, a, b);
          const mirrored = betaTails(1 - x, x, b, a);
          expect(Math.abs(direct.lower - mirrored.upper)).toBeLessThan(1e-14);
          expect(Math.abs(direct.lower + direct.upper - 1)).toBeLessThan(1e-14);
        },
      ),
    );
  });

  it('rejects x outside [0, 1] and shapes ≤ 0', () => {
    expect(() => regularizedBeta(1.1, 1, 1)).toThrow(ValidationError);
    expect(() => regularizedBeta(0.5, 0, 1)).toThrow(ValidationError);
  });
});
