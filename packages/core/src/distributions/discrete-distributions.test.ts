/**
 * Reference: R's `dpois`/`ppois`/`qpois`, `dbinom`/`pbinom`/`qbinom`, `dnbinom`/`pnbinom`/`qnbinom`
 * (R ≥ 4.1 discrete quantile search, `qDiscrete_search.h`). Masses and distribution functions are
 * checked against exact rational sums (`exact-sums.test-support.ts`); quantiles against their
 * definition — the smallest x with P(X ≤ x) ≥ p — and R's fuzz, which maps a p computed as a
 * distribution-function value back to its own x. Values quoted from R: qpois(0.975, 10) = 17,
 * qbinom(0.05, 23, 0.5) = 8 (Anhøj's crossings limit for 24 useful points), pbinom(5, 10, 0.5) =
 * 0.623046875.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.ts';
import { binomialCdf, binomialPmf, binomialQuantile } from './binomial.ts';
import {
  binomialPmfExact,
  binomialTailsExact,
  negativeBinomialCdfExact,
  poissonTailsExact,
} from './exact-sums.test-support.ts';
import {
  negativeBinomialCdf,
  negativeBinomialCdfByProb,
  negativeBinomialPmf,
  negativeBinomialPmfByProb,
  negativeBinomialQuantile,
  negativeBinomialQuantileByProb,
} from './negative-binomial.ts';
import { poissonCdf, poissonLogPmf, poissonPmf, poissonQuantile } from './poisson.ts';
import { logGamma } from './log-gamma.ts';
import { expectRelative } from './relative-error.test-support.ts';

fc.configureGlobal({ seed: 20170101, numRuns: 300 });

/** The quantile's definition: cdf(q) ≥ p·(1 − 8ε) > cdf(q − 1). */
function expectQuantileDefinition(q: number, p: number, cdf: (x: number) => number): void {
  const fuzzed = p * (1 - 8 * Number.EPSILON);
  expect(cdf(q)).toBeGreaterThanOrEqual(fuzzed);
  if (q > 0) {
    expect(cdf(q - 1)).toBeLessThan(fuzzed);
  }
}

describe('Poisson', () => {
  it('has exact masses and tails (λ rational, both tails, up to λ = 600)', () => {
    const cases: [number, number, number][] = [
      [0, 1, 2],
      [2, 1, 1],
      [10, 10, 1],
      [3, 25, 2],
      [40, 25, 1],
      [95, 100, 1],
      [130, 100, 1],
      [560, 600, 1],
    ];
    for (const [k, a, b] of cases) {
      const [lower, upper] = poissonTailsExact(k, a, b);
      expectRelative(poissonCdf(k, a / b), lower, 1e-14);
      expectRelative(poissonCdf(k, a / b, 'upper'), upper, 1e-14);
      const [below] = k > 0 ? poissonTailsExact(k - 1, a, b) : [0];
      // pmf = difference of exact cdfs, exact in rational arithmetic before rounding
      expectRelative(poissonPmf(k, a / b), lower - below, k > 0 ? 1e-12 : 1e-15);
    }
    expectRelative(poissonPmf(2, 1), Math.exp(-1) / 2, 1e-15);
    // log dpois(1000, 1) = −1 − log 1000!, finite where the mass underflows
    expectRelative(poissonLogPmf(1000, 1), -1 - logGamma(1001), 1e-15);
  });

  it("floors non-integers after R's 1e-7 fuzz and has the right ends", () => {
    expect(poissonCdf(2.9999999999, 1)).toBe(poissonCdf(3, 1));
    expect(poissonCdf(2.5, 1)).toBe(poissonCdf(2, 1));
    expect(poissonCdf(-1, 1)).toBe(0);
    expect(poissonCdf(Infinity, 3)).toBe(1);
    expect(poissonCdf(0, 0)).toBe(1);
  });

  it("has R's quantiles", () => {
    expect(poissonQuantile(0.975, 10)).toBe(17);
    expect(poissonQuantile(0, 10)).toBe(0);
    expect(poissonQuantile(1, 10)).toBe(Infinity);
    expect(poissonQuantile(0.3, 0)).toBe(0);
    expect(poissonQuantile(1e-10, 5, 'upper')).toBe(poissonQuantile(1 - 1e-10, 5));
  });

  it("maps p = P(X ≤ k) back to k despite rounding, as R's fuzz does", () => {
    for (const lambda of [0.5, 3, 10, 250, 1e4]) {
      const sd = Math.sqrt(lambda);
      const ks = [Math.round(lambda - 3 * sd), Math.round(lambda), Math.round(lambda + 3 * sd)];
      for (const k of lambda <= 10 ? [0, 1, 2, ...ks.filter((v) => v > 2)] : ks) {
        expect(poissonQuantile(poissonCdf(k, lambda), lambda)).toBe(k);
        expect(poissonQuantile(poissonCdf(k, lambda, 'upper'), lambda, 'upper')).toBe(k);
      }
    }
  });

  it('satisfies the quantile definition, including the large-λ search', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-12, max: 1 - 1e-12, noNaN: true }),
        fc.constantFrom(0.01, 0.7, 4, 33.3, 5000, 2e6),
        (p, lambda) => {
          expectQuantileDefinition(poissonQuantile(p, lambda), p, (x) => poissonCdf(x, lambda));
        },
      ),
    );
  });
});

describe('binomial', () => {
  it('has exact masses and tails', () => {
    const cases: [number, number, number, number][] = [
      [5, 10, 1, 2],
      [0, 10, 3, 10],
      [7, 20, 1, 3],
      [150, 400, 2, 5],
      [330, 1000, 1, 3],
      [2, 1000, 1, 100],
      [999, 1000, 99, 100],
    ];
    for (const [k, n, a, b] of cases) {
      const [lower, upper] = binomialTailsExact(k, n, a, b);
      expectRelative(binomialCdf(k, n, a / b), lower, 5e-14);
      expectRelative(binomialCdf(k, n, a / b, 'upper'), upper, 5e-14);
      expectRelative(binomialPmf(k, n, a / b), binomialPmfExact(k, n, a, b), 1e-14);
    }
    expect(binomialCdf(5, 10, 0.5)).toBeCloseTo(0.623046875, 15);
    expect(binomialPmf(11, 10, 0.5)).toBe(0);
  });

  it("has R's quantiles, including the ends", () => {
    expect(binomialQuantile(0.05, 23, 0.5)).toBe(8);
    expect(binomialQuantile(0.5, 10, 0.5)).toBe(5);
    expect(binomialQuantile(0, 10, 0.5)).toBe(0);
    expect(binomialQuantile(1, 10, 0.5)).toBe(10);
    expect(binomialQuantile(0.3, 10, 1)).toBe(10);
    expect(binomialQuantile(0.3, 10, 0)).toBe(0);
    expect(binomialQuantile(0.3, 0, 0.5)).toBe(0);
  });

  it('maps p = P(X ≤ k) back to k and satisfies the definition', () => {
    for (let k = 0; k <= 10; k++) {
      expect(binomialQuantile(binomialCdf(k, 10, 0.5), 10, 0.5)).toBe(k);
    }
    fc.assert(
      fc.property(
        fc.double({ min: 1e-12, max: 1 - 1e-12, noNaN: true }),
        fc.constantFrom(1, 7, 24, 300, 1e5),
        fc.double({ min: 0.001, max: 0.999, noNaN: true }),
        (p, n, prob) => {
          const q = binomialQuantile(p, n, prob);
          expect(q).toBeLessThanOrEqual(n);
          expectQuantileDefinition(q, p, (x) => binomialCdf(x, n, prob));
        },
      ),
    );
  });
});

describe('negative binomial', () => {
  it('has exact tails by prob and by mean', () => {
    const cases: [number, number, number, number][] = [
      // [k, size, prob numerator, prob denominator]
      [0, 2, 1, 2],
      [3, 1, 1, 3],
      [10, 5, 2, 7],
      [60, 3, 1, 20],
      [200, 40, 1, 6],
    ];
    for (const [k, size, a, b] of cases) {
      const want = negativeBinomialCdfExact(k, size, a, b);
      expectRelative(negativeBinomialCdfByProb(k, size, a / b), want, 5e-14);
      // mean μ = size (1 − π)/π, rational
      const mu = (size * (b - a)) / a;
      expectRelative(negativeBinomialCdf(k, size, mu), want, 5e-14);
    }
  });

  it('has masses that agree across parametrizations and with the exact cdf steps', () => {
    for (const [k, size, mu] of [
      [0, 2, 3],
      [4, 2, 3],
      [30, 0.7, 12.5],
    ]) {
      const prob = size / (size + mu);
      expectRelative(
        negativeBinomialPmf(k, size, mu),
        negativeBinomialPmfByProb(k, size, prob),
        1e-12,
      );
    }
    const step = negativeBinomialCdfExact(4, 2, 1, 3) - negativeBinomialCdfExact(3, 2, 1, 3);
    expectRelative(negativeBinomialPmfByProb(4, 2, 1 / 3), step, 1e-13);
    // size → ∞ with fixed mean is Poisson; the mean form keeps this accurate where 1 − prob
    // would have lost most of its digits (why R has dnbinom_mu)
    expectRelative(negativeBinomialPmf(1, 1e12, 2), poissonPmf(1, 2), 1e-10);
    expectRelative(negativeBinomialCdf(3, 1e12, 2), poissonCdf(3, 2), 1e-10);
  });

  it('has quantiles that satisfy the definition in both parametrizations', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-10, max: 1 - 1e-10, noNaN: true }),
        fc.constantFrom(0.3, 1, 4.5, 80),
        fc.constantFrom(0.2, 3, 41.7, 9000),
        (p, size, mu) => {
          const q = negativeBinomialQuantile(p, size, mu);
          expectQuantileDefinition(q, p, (x) => negativeBinomialCdf(x, size, mu));
          const prob = size / (size + mu);
          const qp = negativeBinomialQuantileByProb(p, size, prob);
          expectQuantileDefinition(qp, p, (x) => negativeBinomialCdfByProb(x, size, prob));
        },
      ),
    );
  });

  it('handles the degenerate cases as R', () => {
    expect(negativeBinomialQuantile(0.5, 3, 0)).toBe(0);
    expect(negativeBinomialQuantile(0.5, 0, 3)).toBe(0);
    expect(negativeBinomialQuantileByProb(0.5, 3, 1)).toBe(0);
    expect(negativeBinomialQuantile(1, 3, 2)).toBe(Infinity);
    expect(negativeBinomialPmf(0, 0, 3)).toBe(1);
    expect(negativeBinomialCdf(0, 0, 3)).toBe(1);
  });
});

describe('argument checks', () => {
  it('name the argument', () => {
    const field = (f: () => unknown): string => {
      try {
        f();
      } catch (e) {
        if (e instanceof ValidationError) {
          return `${e.issues[0].field}:${e.issues[0].code}`;
        }
      }
      return 'none';
    };
    expect(field(() => poissonPmf(1.5, 2))).toBe('x:not_an_integer');
    expect(field(() => poissonQuantile(0.5, -1))).toBe('lambda:out_of_range');
    expect(field(() => binomialQuantile(0.5, 10.5, 0.5))).toBe('n:not_an_integer');
    expect(field(() => binomialCdf(3, 10, 1.2))).toBe('prob:out_of_range');
    expect(field(() => negativeBinomialQuantile(2, 1, 1))).toBe('p:out_of_range');
    expect(field(() => negativeBinomialCdfByProb(1, 1, 0))).toBe('prob:out_of_range');
    expect(field(() => negativeBinomialPmf(1, Number.NaN, 1))).toBe('size:not_a_number');
  });
});
