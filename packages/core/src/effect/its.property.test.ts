/**
 * Properties of `fitInterruptedTimeSeries` on random input (segmented regression, Lopez Bernal,
 * Cummins & Gasparrini 2017, Int J Epidemiol 46:348; fitted as R `glm` 4.2.2): it returns or
 * throws one of core's typed input errors, never anything else; and, as for R's `glm`, whose fit
 * is a function of the data set, its estimates do not depend on the order of the rows.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InsufficientDataError, ValidationError } from '../errors.ts';
import type { GlmFamily } from '../glm/types.ts';
import { fitInterruptedTimeSeries } from './fit-interrupted-time-series.ts';
import type { ItsColumns, ItsOptions } from './its-types.ts';

fc.configureGlobal({ seed: 20170348, numRuns: 300 });

const family = fc.constantFrom<GlmFamily>('poisson', 'quasipoisson', 'gaussian');
/** Mostly plausible numbers, sometimes any double (NaN, ±Infinity, 1e308, −0, …). */
const anything = fc.oneof(
  { weight: 1, arbitrary: fc.double() },
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 60 }) },
  { weight: 2, arbitrary: fc.double({ min: -5, max: 5, noNaN: true }) },
  { weight: 2, arbitrary: fc.constantFrom(0, 1) },
);
const options = fc.record({
  family,
  slopeChange: fc.boolean(),
  offset: fc.boolean(),
  season: fc.option(
    fc.record({
      period: fc.oneof(fc.constant(12), anything),
      harmonics: fc.oneof(fc.constant(1), anything),
    }),
  ),
});

describe('fitInterruptedTimeSeries on any numeric input', () => {
  it('returns a result or throws ValidationError / InsufficientDataError, nothing else', () => {
    let fitted = 0;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 16 }), options, fc.gen(), (n, o, gen) => {
        const column = (): number[] =>
          gen(() => fc.array(anything, { minLength: n, maxLength: n }));
        // Often a valid time axis and a 0 → 1 step, so that the fit itself is exercised.
        const valid = gen(() => fc.boolean());
        const cut = gen(() => fc.integer({ min: 0, max: n }));
        const counts = (): number[] =>
          gen(() => fc.array(fc.integer({ min: 0, max: 60 }), { minLength: n, maxLength: n }));
        const columns: ItsColumns = {
          y: valid ? counts() : column(),
          t: valid ? Array.from({ length: n }, (_, k) => k + 1) : column(),
          i: valid ? Array.from({ length: n }, (_, k) => (k < cut ? 0 : 1)) : column(),
          pop: valid ? counts().map((v) => v + 1) : column(),
          s: valid ? Array.from({ length: n }, (_, k) => (k % 12) + 1) : column(),
        };
        const its: ItsOptions = {
          outcome: 'y',
          time: 't',
          intervention: 'i',
          family: o.family,
          slopeChange: o.slopeChange,
          ...(o.offset ? { offset: 'pop' } : {}),
          ...(o.season === null ? {} : { season: { column: 's', ...o.season } }),
        };
        try {
          const result = fitInterruptedTimeSeries(columns, its);
          fitted += 1;
          expect(result.fitted).toHaveLength(n);
          expect(result.preCount + result.postCount).toBe(n);
        } catch (error) {
          expect(
            error instanceof ValidationError || error instanceof InsufficientDataError,
            String(error),
          ).toBe(true);
        }
      }),
      { numRuns: 1500 },
    );
    expect(fitted).toBeGreaterThan(50);
  });
});

describe('row order', () => {
  it('does not change the estimates', () => {
    fc.assert(
      fc.property(
        family,
        fc.boolean(),
        fc.integer({ min: 12, max: 40 }),
        fc.integer({ min: 4, max: 8 }),
        fc.gen(),
        (fam, slopeChange, n, preTail, gen) => {
          const pre = n - preTail;
          const y = gen(() =>
            fc.array(
              fam === 'gaussian'
                ? fc.double({ min: -50, max: 50, noNaN: true })
                : fc.integer({ min: 0, max: 40 }),
              {
                minLength: n,
                maxLength: n,
              },
            ),
          );
          const pop = gen(() =>
            fc.array(fc.integer({ min: 100, max: 200 }), { minLength: n, maxLength: n }),
          );
          const keys = gen(() =>
            fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: n, maxLength: n }),
          );
          const columns: ItsColumns = {
            y,
            t: y.map((_, i) => i + 1),
            i: y.map((_, i) => (i < pre ? 0 : 1)),
            m: y.map((_, i) => (i % 12) + 1),
            pop,
          };
          const order = keys
            .map((k, i) => [k, i] as const)
            .sort((a, b) => a[0] - b[0])
            .map(([, i]) => i);
          const shuffled: ItsColumns = Object.fromEntries(
            Object.entries(columns).map(([k, v]) => [k, order.map((i) => v[i])]),
          );
          const its: ItsOptions = {
            outcome: 'y',
            time: 't',
            intervention: 'i',
            family: fam,
            slopeChange,
            season: { column: 'm', period: 12, harmonics: 1 },
            ...(fam === 'gaussian' ? {} : { offset: 'pop' }),
          };
          const fit = (data: ItsColumns) => {
            try {
              return fitInterruptedTimeSeries(data, its);
            } catch (error) {
              if (error instanceof ValidationError) {
                return 'invalid' as const;
              }
              throw error;
            }
          };
          const a = fit(columns);
          const b = fit(shuffled);
          if (a === 'invalid' || b === 'invalid') {
            expect(b === 'invalid').toBe(a === 'invalid');
            return;
          }
          // Rows are fitted in time order, so the fit is the same computation: identical.
          expect(b.coefficients).toEqual(a.coefficients);
          expect(b.dispersion).toBe(a.dispersion);
          expect(b.fitted.map((f) => [f.time, f.mu])).toEqual(a.fitted.map((f) => [f.time, f.mu]));
          expect(b.fitted.map((f) => order[f.row - 1] + 1)).toEqual(a.fitted.map((f) => f.row));
        },
      ),
    );
  });
});
