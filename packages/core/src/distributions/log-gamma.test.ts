/**
 * Reference: R's `lgamma`/`lbeta` (nmath `lgammafn`), checked through exact values — log n! for
 * whole n (BigInt), Γ(n + ½) = (2n)! √π / (4ⁿ n!), Γ(½) = √π — and the recurrence and reflection
 * identities.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.ts';
import { logBeta, logGamma, stirlingError } from './log-gamma.ts';
import { expectRelative } from './relative-error.test-support.ts';

fc.configureGlobal({ seed: 20170101, numRuns: 300 });

function logFactorial(n: number): number {
  let f = 1n;
  for (let i = 2n; i <= BigInt(n); i++) {
    f *= i;
  }
  return Math.log(Number(f));
}

describe('logGamma', () => {
  it('equals log((n − 1)!) at whole numbers to 1e-15', () => {
    for (let n = 3; n <= 170; n++) {
      expectRelative(logGamma(n), logFactorial(n - 1), 1e-15);
    }
  });

  it('equals log Γ(n + ½) = log((2n)! √π / (4ⁿ n!)) to 1e-15', () => {
    expectRelative(logGamma(0.5), 0.5 * Math.log(Math.PI), 2e-15);
    for (let n = 1; n <= 80; n++) {
      const want =
        logFactorial(2 * n) + 0.5 * Math.log(Math.PI) - n * Math.log(4) - logFactorial(n);
      expectRelative(logGamma(n + 0.5), want, 1e-14);
    }
  });

  it('is exactly 0 at 1 and 2 and Infinity at the poles, as R', () => {
    expect(Math.abs(logGamma(1))).toBeLessThan(1e-15);
    expect(Math.abs(logGamma(2))).toBeLessThan(1e-15);
    expect(logGamma(0)).toBe(Infinity);
    expect(logGamma(-3)).toBe(Infinity);
  });

  it('satisfies log Γ(x + 1) = log Γ(x) + log x (absolute 2e-14)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e6, noNaN: true }), (x) => {
        const lhs = logGamma(x + 1);
        const rhs = logGamma(x) + Math.log(x);
        expect(Math.abs(lhs - rhs)).toBeLessThanOrEqual(2e-14 * Math.max(1, Math.abs(lhs)));
      }),
    );
  });

  it('uses the reflection formula for negative arguments', () => {
    // Γ(−½) = −2√π
    expectRelative(logGamma(-0.5), Math.log(2 * Math.sqrt(Math.PI)), 1e-15);
    // Γ(−2.5) = −8√π/15
    expectRelative(logGamma(-2.5), Math.log((8 * Math.sqrt(Math.PI)) / 15), 1e-14);
  });

  it('rejects NaN, naming the argument', () => {
    expect(() => logGamma(Number.NaN)).toThrow(ValidationError);
    try {
      logGamma(Number.NaN);
    } catch (e) {
      expect((e as ValidationError).issues[0].field).toBe('x');
    }
  });
});

describe('logBeta', () => {
  it('equals log(a! b! / (a + b + 1)!) for whole shapes, also for large ones', () => {
    for (const [a, b] of [
      [1, 1],
      [3, 4],
      [10, 30],
      [60, 100],
      [2, 150],
    ]) {
      const want = logFactorial(a - 1) + logFactorial(b - 1) - logFactorial(a + b - 1);
      expectRelative(logBeta(a, b), want, 1e-14);
    }
  });

  it('is symmetric and agrees with log-gammas for moderate shapes', () => {
    expectRelative(logBeta(0.5, 0.5), Math.log(Math.PI), 1e-15);
    expectRelative(logBeta(7.5, 2.25), logBeta(2.25, 7.5), 1e-15);
  });
});

describe('stirlingError', () => {
  it("matches Loader's tabulated values at 1 and 2 and the series far out", () => {
    expect(Math.abs(stirlingError(1) - 0.08106146679532726)).toBeLessThan(1e-16);
    expect(Math.abs(stirlingError(2) - 0.0413406959554093)).toBeLessThan(1e-16);
    expectRelative(stirlingError(1e8), 1 / 12e8, 1e-15);
  });

  it('satisfies δ(n + 1) − δ(n) = 1 − (n + ½) log(1 + 1/n) across the switch at 7', () => {
    for (let n = 0.5; n <= 30; n += 0.25) {
      const step = stirlingError(n + 1) - stirlingError(n);
      expect(Math.abs(step - (1 - (n + 0.5) * Math.log1p(1 / n)))).toBeLessThan(2e-15);
    }
  });
});
