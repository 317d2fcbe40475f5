/**
 * Reference: R's `pt`/`qt`, `pchisq`/`qchisq` and `pf`. Values quoted from R:
 * qchisq(0.975, 10) = 20.48317735080739. Everything else is checked against closed forms that hold
 * exactly: t with 1 df is Cauchy, with 2 df F(t) = ½ + t/(2√(2 + t²)), with 5 df the finite
 * trigonometric series; χ²₁ = Z², χ²₂ is exponential, χ²₁₀ has the Poisson-sum distribution
 * function; t with even df against its finite sum in exact rational arithmetic; F(1, ν) = t²_ν,
 * F(2, 2) has F(x) = x/(1 + x); and quantile(cdf(x)) = x.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.ts';
import { chiSquareCdf, chiSquarePdf, chiSquareQuantile } from './chi-square.ts';
import { studentTUpperExact } from './exact-sums.test-support.ts';
import { fCdf } from './f-distribution.ts';
import { normalCdf, normalQuantile } from './normal.ts';
import { expectRelative } from './relative-error.test-support.ts';
import { studentTCdf, studentTPdf, studentTQuantile } from './student-t.ts';

fc.configureGlobal({ seed: 20170101, numRuns: 300 });

/** Upper tail of t₅: ½ − (θ + sin θ cos θ (1 + ⅔ cos² θ)) / π with θ = atan(t/√5). */
function t5Upper(t: number): number {
  const theta = Math.atan(t / Math.sqrt(5));
  const c = Math.cos(theta);
  return 0.5 - (theta + Math.sin(theta) * c * (1 + (2 / 3) * c * c)) / Math.PI;
}

describe('Student t', () => {
  it('has the exact Cauchy (1 df) and 2-df distribution functions', () => {
    for (const t of [0.1, 1, 3, 12.7, 1e3, 1e8]) {
      expectRelative(studentTCdf(t, 1, 'upper'), Math.atan(1 / t) / Math.PI, 1e-14);
      const s = Math.sqrt(2 + t * t);
      expectRelative(studentTCdf(t, 2, 'upper'), 1 / (s * (s + t)), 1e-14);
      expectRelative(studentTCdf(-t, 2), 1 / (s * (s + t)), 1e-14);
    }
  });

  it('has the exact 5-df distribution function', () => {
    for (const t of [0.2, 1, 2.5, 4.032, 6]) {
      expectRelative(studentTCdf(t, 5, 'upper'), t5Upper(t), 2e-13);
    }
  });

  it('gives the exact quantiles for 1 and 2 df (R special-cases them too)', () => {
    expectRelative(studentTQuantile(0.975, 1), Math.tan(0.475 * Math.PI), 1e-14);
    expectRelative(studentTQuantile(0.975, 2), 0.95 / Math.sqrt(2 * 0.975 * 0.025), 1e-14);
    expectRelative(studentTQuantile(1e-12, 2), -Math.sqrt(2 / (2e-12 * (2 - 2e-12)) - 2), 1e-14);
  });

  it('inverts the distribution function, for fractional and large df too', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-12, max: 0.5, noNaN: true }),
        fc.constantFrom(0.3, 1, 2.5, 3, 7, 30, 1234.5, 1e6),
        (p, df) => {
          const q = studentTQuantile(p, df);
          // pt itself is good to ~1e-13 for df in the thousands (see the exact-sum test).
          expectRelative(studentTCdf(q, df), p, 3e-13);
          expectRelative(studentTQuantile(p, df, 'upper'), -q, 1e-14);
        },
      ),
    );
  });

  it('matches exact sums for even df up to 2000 to 2e-13 (1e-15 near the centre)', () => {
    for (const df of [4, 10, 50, 200, 1000, 2000]) {
      for (const t2Hundredths of [1, 33, 100, 330, 1000, 2500, 10000, 160000]) {
        const want = studentTUpperExact(t2Hundredths, 100, df);
        const got = studentTCdf(Math.sqrt(t2Hundredths / 100), df, 'upper');
        expectRelative(got, want, t2Hundredths <= 100 ? 1e-14 : 2e-13);
      }
    }
  });

  it('solves the 5-df quantile against the closed form', () => {
    const q = studentTQuantile(0.995, 5);
    expectRelative(t5Upper(q), 0.005, 1e-13);
  });

  it("tends to the normal: df = Infinity is normal, df > 4e5 uses R's approximation", () => {
    expect(studentTCdf(1.3, Infinity)).toBe(normalCdf(1.3));
    expect(studentTQuantile(0.975, Infinity)).toBe(normalQuantile(0.975));
    const v = 1 / (4 * 1e6);
    expectRelative(studentTCdf(2, 1e6), normalCdf((2 * (1 - v)) / Math.sqrt(1 + 4 * 2 * v)), 1e-15);
  });

  it('has a density that integrates to the distribution function (Simpson, 1e-10)', () => {
    for (const df of [1, 4.5, 40]) {
      const a = -1;
      const b = 2;
      const n = 2000;
      const h = (b - a) / n;
      let sum = studentTPdf(a, df) + studentTPdf(b, df);
      for (let i = 1; i < n; i++) {
        sum += (i % 2 === 1 ? 4 : 2) * studentTPdf(a + i * h, df);
      }
      expectRelative((sum * h) / 3, studentTCdf(b, df) - studentTCdf(a, df), 1e-10);
    }
  });
});

describe('chi-square', () => {
  it('reproduces R and the closed forms for 1, 2 and 10 df', () => {
    expectRelative(chiSquareQuantile(0.975, 10), 20.48317735080739, 2e-16);
    expectRelative(chiSquareQuantile(0.95, 1), normalQuantile(0.975) ** 2, 2e-15);
    expectRelative(chiSquareQuantile(0.95, 2), -2 * Math.log(0.05), 1e-15);
    expectRelative(chiSquareQuantile(1e-9, 2), -2 * Math.log1p(-1e-9), 2e-15);
    expectRelative(chiSquareQuantile(1e-30, 2, 'upper'), -2 * Math.log(1e-30), 1e-15);
    for (const x of [0.5, 3.9403, 18.3, 60]) {
      const h = x / 2;
      let sum = 0;
      let term = 1;
      for (let j = 0; j < 5; j++) {
        if (j > 0) {
          term *= h / j;
        }
        sum += term;
      }
      expectRelative(chiSquareCdf(x, 10, 'upper'), Math.exp(-h) * sum, 1e-14);
      expectRelative(
        chiSquareCdf(x, 1, 'upper'),
        2 * normalCdf(Math.sqrt(x), 0, 1, 'upper'),
        1e-14,
      );
      expectRelative(chiSquareCdf(x, 2, 'upper'), Math.exp(-h), 1e-14);
    }
  });

  it('inverts the distribution function in both tails, for small and large df', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-20, max: 0.5, noNaN: true }),
        fc.constantFrom(0.2, 1, 2, 3.7, 10, 57, 1000, 2e5),
        (p, df) => {
          // Far in a tail the incomplete gamma is good to ~ε·|log p| (Loader's prefactor), and
          // one ulp in x moves p by x·f(x)/p ulps: the conditioning of the round trip.
          const tol = (x: number): number =>
            1e-14 * (1 + Math.abs(Math.log(p))) +
            4 * Number.EPSILON * ((x * chiSquarePdf(x, df)) / p);
          const lower = chiSquareQuantile(p, df);
          expectRelative(chiSquareCdf(lower, df), p, tol(lower));
          const upper = chiSquareQuantile(p, df, 'upper');
          expectRelative(chiSquareCdf(upper, df, 'upper'), p, tol(upper));
        },
      ),
    );
  });

  it('returns 0 when the quantile is below the smallest double, as R', () => {
    expect(chiSquareQuantile(1e-100, 0.2)).toBe(0);
  });

  it('has the gamma density', () => {
    expectRelative(chiSquarePdf(3, 2), 0.5 * Math.exp(-1.5), 1e-15);
    expectRelative(chiSquarePdf(3, 4), 0.25 * 3 * Math.exp(-1.5), 1e-15);
    expectRelative(chiSquarePdf(2, 1), Math.exp(-1) / Math.sqrt(2 * Math.PI * 2), 1e-15);
  });
});

describe('F', () => {
  it('is t² for one numerator df and x/(1 + x) for (2, 2)', () => {
    for (const t of [0.3, 1.7, 4, 25]) {
      expectRelative(fCdf(t * t, 1, 7, 'upper'), 2 * studentTCdf(t, 7, 'upper'), 1e-14);
    }
    for (const x of [0.01, 1, 3, 1e4]) {
      expectRelative(fCdf(x, 2, 2), x / (1 + x), 1e-14);
      expectRelative(fCdf(x, 2, 2, 'upper'), 1 / (1 + x), 1e-14);
    }
    expect(fCdf(0, 3, 4)).toBe(0);
    expect(fCdf(Infinity, 3, 4)).toBe(1);
  });

  it('is χ²/df as the denominator df grows', () => {
    expectRelative(fCdf(2.1, 3, 1e9, 'upper'), chiSquareCdf(6.3, 3, 'upper'), 1e-7);
  });
});

describe('argument checks', () => {
  it('names the argument', () => {
    const field = (f: () => unknown): string => {
      try {
        f();
      } catch (e) {
        if (e instanceof ValidationError) {
          return e.issues[0].field;
        }
      }
      return 'none';
    };
    expect(field(() => studentTCdf(1, 0))).toBe('df');
    expect(field(() => studentTQuantile(-0.1, 3))).toBe('p');
    expect(field(() => chiSquareQuantile(0.5, -2))).toBe('df');
    expect(field(() => chiSquareCdf(Number.NaN, 2))).toBe('x');
    expect(field(() => fCdf(1, 2, Infinity))).toBe('df2');
    expect(field(() => studentTCdf(1, 3, 'left' as 'lower'))).toBe('tail');
  });
});
