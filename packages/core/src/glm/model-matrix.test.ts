/**
 * Reference: R's `model.matrix` column naming and coding — `(Intercept)` first, interaction columns
 * as elementwise products, `contr.treatment` dummies named `<variable><level>` — and tsModel's
 * `harmonic(x, nfreq, period)` column order (sin for k = 1..nfreq, then cos), as used by Lopez
 * Bernal et al. (2017).
 */
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.ts';
import { buildModelMatrix, factorTerms, harmonicTerms, INTERCEPT } from './model-matrix.ts';

describe('buildModelMatrix', () => {
  it('puts the intercept first and multiplies product terms', () => {
    const m = buildModelMatrix([
      { name: 'time', values: [1, 2, 3] },
      { name: 'smokban', values: [0, 1, 1] },
      {
        name: 'smokban:I(time - 2)',
        product: [
          [0, 1, 1],
          [-1, 0, 1],
        ],
      },
    ]);
    expect(m.terms).toEqual([INTERCEPT, 'time', 'smokban', 'smokban:I(time - 2)']);
    expect(m.rows).toEqual([
      [1, 1, 0, -0],
      [1, 2, 1, 0],
      [1, 3, 1, 1],
    ]);
    expect(m.intercept).toBe(true);
  });

  it('builds intercept-only and no-intercept designs', () => {
    expect(buildModelMatrix([], { rowCount: 2 }).rows).toEqual([[1], [1]]);
    const m = buildModelMatrix([{ name: 'x', values: [4, 5] }], { intercept: false });
    expect(m.terms).toEqual(['x']);
    expect(m.intercept).toBe(false);
  });

  it('names what is wrong', () => {
    const issue = (f: () => unknown): string => {
      try {
        f();
      } catch (e) {
        if (e instanceof ValidationError) {
          return `${e.issues[0].field}:${e.issues[0].code}`;
        }
      }
      return 'none';
    };
    expect(
      issue(() =>
        buildModelMatrix([
          { name: 'x', values: [1, 2] },
          { name: 'x', values: [3, 4] },
        ]),
      ),
    ).toBe('x:duplicate_term');
    expect(
      issue(() =>
        buildModelMatrix([
          { name: 'x', values: [1, 2] },
          { name: 'z', values: [3] },
        ]),
      ),
    ).toBe('z:length_mismatch');
    expect(issue(() => buildModelMatrix([{ name: 'x', values: [1, Number.NaN] }]))).toBe(
      'x:not_finite',
    );
    expect(issue(() => buildModelMatrix([{ name: 'x', product: [] }]))).toBe('x:empty_product');
    expect(issue(() => buildModelMatrix([], { intercept: false, rowCount: 3 }))).toBe(
      'terms:no_columns',
    );
    expect(issue(() => buildModelMatrix([]))).toBe('terms:no_rows');
  });
});

describe('harmonicTerms', () => {
  it("has tsModel's column order and R's names", () => {
    const terms = harmonicTerms([3, 6], 2, 12, 'harmonic(month, 2, 12)');
    expect(terms.map((t) => t.name)).toEqual([1, 2, 3, 4].map((j) => `harmonic(month, 2, 12)${j}`));
    const [sin1, sin2, cos1, cos2] = terms.map((t) => t.values);
    expect(sin1[0]).toBeCloseTo(1, 15); // sin(2π·3/12)
    expect(sin2[1]).toBeCloseTo(0, 15); // sin(4π·6/12)
    expect(cos1[1]).toBeCloseTo(-1, 15); // cos(2π·6/12)
    expect(cos2[0]).toBeCloseTo(-1, 15); // cos(4π·3/12)
    expect(harmonicTerms([1], 1, 12).map((t) => t.name)).toEqual(['sin1', 'cos1']);
  });

  it('rejects a bad number of harmonics or period', () => {
    expect(() => harmonicTerms([1], 0, 12)).toThrow(ValidationError);
    expect(() => harmonicTerms([1], 1, 0)).toThrow(ValidationError);
  });
});

describe('factorTerms', () => {
  it('codes treatment contrasts against the first level, numbers in numeric order', () => {
    const terms = factorTerms('seasgroups', [10, 2, 1, 2]);
    expect(terms.map((t) => t.name)).toEqual(['seasgroups2', 'seasgroups10']);
    expect(terms[0].values).toEqual([0, 1, 0, 1]);
    expect(terms[1].values).toEqual([1, 0, 0, 0]);
    expect(factorTerms('g', ['b', 'a'], ['b', 'a']).map((t) => t.name)).toEqual(['ga']);
    expect(() => factorTerms('g', ['c'], ['a', 'b'])).toThrow(ValidationError);
  });
});
