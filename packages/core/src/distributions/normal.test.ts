/**
 * Reference: R's `pnorm` (Cody 1969/1993) and `qnorm` (Wichura 1988, AS 241). Values quoted from
 * R: qnorm(0.975) = 1.959963984540054, qnorm(0.999) = 3.090232306167813; pnorm(1.96) =
 * 0.9750021048517795, pnorm(−10) = 7.619853024160527e-24. Plus the AS 241 hash sums printed in
 * the paper (transcription check), Φ(Φ⁻¹(p)) = p, symmetry and Φ(x) = ½ Q(½, x²/2).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.ts';
import { regularizedGammaQ } from './incomplete-gamma.ts';
import { AS241_COEFFICIENTS, normalCdf, normalPdf, normalQuantile } from './normal.ts';
import { expectRelative } from './relative-error.test-support.ts';

fc.configureGlobal({ seed: 20170101, numRuns: 300 });

describe('normalQuantile (AS 241)', () => {
  it('reproduces R', () => {
    expectRelative(normalQuantile(0.975), 1.959963984540054, 1e-15);
    expectRelative(normalQuantile(0.999), 3.090232306167813, 1e-15);
    expectRelative(normalQuantile(0.025), -1.959963984540054, 1e-15);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
  });

  it('has coefficients whose mantissas add up to the hash sums printed in AS 241', () => {
    const mantissa = (v: number): number => v / 10 ** Math.floor(Math.log10(Math.abs(v)));
    const hash = (num: readonly number[], den: readonly number[]): number =>
      [...num, ...den.slice(1)].reduce((acc, v) => acc + mantissa(v), 0);
    // Printed as 55.88319 28806 14901 4439, 49.33206 50330 16102 89036, 47.52583 31754 92896 71629.
    expectRelative(hash(...AS241_COEFFICIENTS.ab), 55.8831928806149, 1e-14);
    expectRelative(hash(...AS241_COEFFICIENTS.cd), 49.3320650330161, 1e-14);
    expectRelative(hash(...AS241_COEFFICIENTS.ef), 47.5258331754929, 1e-14);
  });

  it('keeps precision for upper-tail probabilities given directly', () => {
    expectRelative(normalQuantile(1e-20, 0, 1, 'upper'), -normalQuantile(1e-20), 1e-15);
    expectRelative(normalQuantile(0.025, 0, 1, 'upper'), 1.959963984540054, 1e-15);
  });

  it('scales by mean and sd', () => {
    expectRelative(normalQuantile(0.975, 10, 2), 10 + 2 * 1.959963984540054, 1e-15);
    expect(normalQuantile(0.3, 4, 0)).toBe(4);
  });

  it('inverts normalCdf to a few ulps across all three AS 241 regions', () => {
    fc.assert(
      fc.property(fc.double({ min: -37.5, max: 37.5, noNaN: true }), (x) => {
        // Round-trip through the smaller tail; the other one is 1 − small and has lost digits.
        const tail = x <= 0 ? 'lower' : 'upper';
        const back = normalQuantile(normalCdf(x, 0, 1, tail), 0, 1, tail);
        expect(Math.abs(back - x)).toBeLessThanOrEqual(2e-15 * Math.max(1, Math.abs(x)));
      }),
    );
  });

  it('gives Φ(Φ⁻¹(p)) = p within the conditioning (1 + z²) ε', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-300, max: 0.5, noNaN: true }), (p) => {
        const z = normalQuantile(p);
        expectRelative(normalCdf(z), p, 1e-15 * (1 + z * z));
      }),
    );
  });
});

describe('normalCdf (Cody)', () => {
  it('reproduces R', () => {
    expectRelative(normalCdf(1.96), 0.9750021048517795, 2e-16);
    expectRelative(normalCdf(-10), 7.619853024160527e-24, 1e-15);
    expectRelative(normalCdf(10, 0, 1, 'upper'), 7.619853024160527e-24, 1e-15);
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(-40)).toBe(0);
    expect(normalCdf(Infinity)).toBe(1);
  });

  it('agrees with the incomplete gamma: P(Z > z) = ½ Q(½, z²/2), in all three regions', () => {
    for (const z of [0.1, 0.5, 0.66, 0.7, 1, 2, 3.5, 5.6, 5.7, 8, 15, 30, 37]) {
      // The gamma route forms e^(−z²/2) from a rounded z²/2: relative error grows like z² ε.
      const tol = 2e-15 * (1 + (z * z) / 2);
      expectRelative(normalCdf(z, 0, 1, 'upper'), 0.5 * regularizedGammaQ(0.5, (z * z) / 2), tol);
    }
  });

  it('is symmetric and its tails add up to 1', () => {
    fc.assert(
      fc.property(fc.double({ min: -38, max: 38, noNaN: true }), (x) => {
        expect(normalCdf(x)).toBe(normalCdf(-x, 0, 1, 'upper'));
        expect(Math.abs(normalCdf(x) + normalCdf(x, 0, 1, 'upper') - 1)).toBeLessThan(3e-16);
      }),
    );
  });
});

describe('normalPdf', () => {
  it('is the Gaussian density, also in the far tail', () => {
    expectRelative(normalPdf(0), 1 / Math.sqrt(2 * Math.PI), 1e-16);
    expectRelative(normalPdf(1, 1, 2), 1 / (2 * Math.sqrt(2 * Math.PI)), 1e-16);
    expectRelative(normalPdf(30), Math.exp(-450) / Math.sqrt(2 * Math.PI), 1e-15);
  });
});

describe('argument checks', () => {
  it('names the bad argument', () => {
    const field = (f: () => unknown): string | undefined => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(ValidationError);
        return (e as ValidationError).issues[0].field;
      }
      return undefined;
    };
    expect(field(() => normalQuantile(1.5))).toBe('p');
    expect(field(() => normalCdf(0, 0, -1))).toBe('sd');
    expect(field(() => normalCdf(Number.NaN))).toBe('x');
    expect(field(() => normalCdf(0, Infinity))).toBe('mean');
  });
});
