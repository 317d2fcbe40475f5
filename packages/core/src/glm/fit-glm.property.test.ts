/**
 * Properties of `fitGlm` on random data: it returns or throws one of core's typed input errors
 * (never anything else), and its estimates do not depend on the order of the rows — as for R's
 * `glm`, whose fit is a function of the data set, not of its order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InsufficientDataError, ValidationError } from '../errors.ts';
import { fitGlm } from './fit-glm.ts';
import { buildModelMatrix } from './model-matrix.ts';
import type { GlmFamily, GlmFit } from './types.ts';

fc.configureGlobal({ seed: 20170101, numRuns: 400 });

const family = fc.constantFrom<GlmFamily>('poisson', 'quasipoisson', 'gaussian');
const anyFinite = fc.double({ noNaN: true, noDefaultInfinity: true });
/** Mostly plausible numbers, sometimes any finite double (1e308, −1e-300, …). */
const value = fc.oneof(
  { weight: 1, arbitrary: anyFinite },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 50 }) },
  { weight: 3, arbitrary: fc.double({ min: -10, max: 10, noNaN: true }) },
);
const vector = (n: number, item: fc.Arbitrary<number> = value): fc.Arbitrary<number[]> =>
  fc.array(item, { minLength: n, maxLength: n });
/** Mostly valid counts, sometimes anything. */
const response = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 200 }) },
  { weight: 1, arbitrary: value },
);
const weight = fc.oneof(
  { weight: 6, arbitrary: fc.double({ min: 0, max: 5, noNaN: true }) },
  { weight: 1, arbitrary: value },
);
const skew = fc.oneof(
  { weight: 8, arbitrary: fc.constant(0) },
  { weight: 1, arbitrary: fc.constantFrom(-1, 1) },
);

describe('fitGlm on random finite input', () => {
  it('returns a fit or throws ValidationError / InsufficientDataError, nothing else', () => {
    fc.assert(
      fc.property(
        family,
        fc.integer({ min: 0, max: 14 }),
        fc.integer({ min: 0, max: 3 }),
        fc.boolean(),
        skew,
        fc.gen(),
        (fam, n, p, intercept, lengthSkew, gen) => {
          const columns = Array.from({ length: p }, (_, j) => ({
            name: `x${j}`,
            values: gen(() => vector(n)),
          }));
          const y = gen(() => vector(Math.max(0, n + lengthSkew), response));
          const weights = gen(() => fc.option(vector(n, weight)));
          const offset = gen(() =>
            fc.option(vector(n, fc.double({ min: -5, max: 5, noNaN: true }))),
          );
          let fit: GlmFit | undefined;
          try {
            const design = buildModelMatrix(columns, { intercept, rowCount: n });
            fit = fitGlm({
              family: fam,
              y,
              design,
              ...(weights === null ? {} : { weights }),
              ...(offset === null ? {} : { offset }),
            });
          } catch (e) {
            expect(
              e instanceof ValidationError || e instanceof InsufficientDataError,
              String(e),
            ).toBe(true);
            return;
          }
          expect(fit.fitted).toHaveLength(n);
          expect(fit.coefficients).toHaveLength(p + (intercept ? 1 : 0));
          for (const c of fit.coefficients) {
            expect(Number.isFinite(c.estimate)).toBe(true);
          }
        },
      ),
      { numRuns: 1500 },
    );
  });
});

describe('row order', () => {
  it('does not change the estimates', () => {
    fc.assert(
      fc.property(family, fc.integer({ min: 8, max: 30 }), fc.gen(), (fam, n, gen) => {
        const x1 = gen(() =>
          fc.array(fc.integer({ min: -5, max: 5 }), { minLength: n, maxLength: n }),
        );
        const x2 = gen(() =>
          fc.array(fc.integer({ min: 0, max: 3 }), { minLength: n, maxLength: n }),
        );
        const y = gen(() =>
          fam === 'gaussian'
            ? fc.array(fc.double({ min: -100, max: 100, noNaN: true }), {
                minLength: n,
                maxLength: n,
              })
            : fc.array(fc.integer({ min: 0, max: 30 }), { minLength: n, maxLength: n }),
        );
        const keys = gen(() =>
          fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: n, maxLength: n }),
        );
        const order = keys
          .map((k, i) => [k, i] as const)
          .sort((a, b) => a[0] - b[0])
          .map(([, i]) => i);
        const fitOf = (idx: readonly number[]): GlmFit | 'invalid' => {
          try {
            const design = buildModelMatrix([
              { name: 'x1', values: idx.map((i) => x1[i]) },
              { name: 'x2', values: idx.map((i) => x2[i]) },
            ]);
            return fitGlm({ family: fam, y: idx.map((i) => y[i]), design });
          } catch (e) {
            if (e instanceof ValidationError) {
              return 'invalid';
            }
            throw e;
          }
        };
        const original = fitOf(y.map((_, i) => i));
        const shuffled = fitOf(order);
        if (original === 'invalid' || shuffled === 'invalid') {
          // Aliasing is a property of the data, so both orders must agree on it.
          expect(shuffled === 'invalid').toBe(original === 'invalid');
          return;
        }
        if (!original.converged || original.iterations !== shuffled.iterations) {
          return;
        }
        original.coefficients.forEach((c, j) => {
          const other = shuffled.coefficients[j];
          const scale = Math.abs(c.estimate) + c.stdError;
          expect(Math.abs(other.estimate - c.estimate)).toBeLessThanOrEqual(1e-9 * scale);
          expect(Math.abs(other.stdError - c.stdError)).toBeLessThanOrEqual(1e-9 * c.stdError);
        });
        expect(Math.abs(shuffled.deviance - original.deviance)).toBeLessThanOrEqual(
          1e-9 * (1 + original.deviance),
        );
      }),
    );
  });
});
