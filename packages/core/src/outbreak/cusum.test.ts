/**
 * Poisson CUSUM. Reference: R package surveillance 1.20.3 `algo.cusum` (R/algo_cusum.R,
 * `trans = "standard"`) and Rossi, Lampugnani & Marchi (1999), Stat Med 18:2111–2122. A worked
 * example by hand; the real-data comparison is in surveillance-cases.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InsufficientDataError, ValidationError } from '../errors.ts';
import { detectOutbreaks } from './index.ts';

describe('Poisson CUSUM (standard transformation)', () => {
  it('accumulates (y − m)/√m − k without reset and prices the next alarm', () => {
    const observed = [2, 4, 3, 3, 6, 8, 2, 9];
    const result = detectOutbreaks({ observed }, { method: 'cusum', range: { first: 5, last: 8 } });
    const [m, k, h, r] = [3, 1.04, 2.26, Math.sqrt(3)];
    const s: number[] = [];
    let previous = 0;
    for (const y of [6, 8, 2, 9]) {
      previous = Math.max(0, previous + (y - m) / r - k);
      s.push(previous);
    }
    expect(result.points.map((p) => p.cusumStatistic)).toEqual(s);
    expect(result.points.map((p) => p.alarm)).toEqual([false, true, false, true]);
    expect(result.points.map((p) => p.upperbound)).toEqual([9, 8, 5, 8]);
    expect(result.points.every((p) => p.expected === 3)).toBe(true);
    expect(result.control).toEqual({ k, h, m: 3, trans: 'standard', range: [5, 8], frequency: 52 });
  });

  it('takes a given m instead of the mean before the range', () => {
    const result = detectOutbreaks(
      { observed: [5, 5] },
      { method: 'cusum', range: { first: 1, last: 2 }, m: 1, k: 0.5, h: 4 },
    );
    expect(result.points.map((p) => p.cusumStatistic)).toEqual([3.5, 7]);
    expect(result.points.map((p) => p.alarm)).toEqual([false, true]);
  });

  it('needs a row before the range or a given m, and a non-zero mean', () => {
    expect(() =>
      detectOutbreaks({ observed: [1, 2] }, { method: 'cusum', range: { first: 1, last: 2 } }),
    ).toThrow(InsufficientDataError);
    expect(() =>
      detectOutbreaks({ observed: [0, 0, 3] }, { method: 'cusum', range: { first: 3, last: 3 } }),
    ).toThrow(ValidationError);
    expect(() =>
      detectOutbreaks(
        { observed: [1, 3] },
        { method: 'cusum', range: { first: 2, last: 2 }, m: 0 },
      ),
    ).toThrow(/m must be/);
  });

  it('signals exactly when the count reaches the upperbound (h > 0)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(30), { minLength: 2, maxLength: 60 }),
        fc.double({ min: 0.1, max: 5, noNaN: true }),
        fc.double({ min: 0, max: 3, noNaN: true }),
        (observed, h, k) => {
          fc.pre(observed[0] > 0);
          const result = detectOutbreaks(
            { observed },
            { method: 'cusum', range: { first: 2, last: observed.length }, h, k, m: observed[0] },
          );
          for (const p of result.points) {
            expect(p.alarm).toBe(p.observed >= (p.upperbound as number));
          }
        },
      ),
    );
  });
});
