/**
 * Input checks and caveats of `fitInterruptedTimeSeries`: every bad input is a ValidationError
 * naming its column (and 1-based input row), too little data an InsufficientDataError; caveats
 * come back as warnings. Segmented regression as in Lopez Bernal, Cummins & Gasparrini (2017),
 * Int J Epidemiol 46:348; the Gaussian case is checked against ordinary least squares (R `glm`
 * 4.2.2 with `family = gaussian` is `lm`).
 */
import { describe, expect, it } from 'vitest';
import { InsufficientDataError, ValidationError } from '../errors.ts';
import { fitInterruptedTimeSeries } from './fit-interrupted-time-series.ts';
import type { ItsColumns, ItsOptions } from './its-types.ts';

const n = 20;
const time = Array.from({ length: n }, (_, i) => i + 1);
const columns: ItsColumns = {
  y: time.map((t) => 50 + (t % 3) + (t > 10 ? -8 : 0)),
  t: time,
  after: time.map((t) => (t > 10 ? 1 : 0)),
  pop: time.map(() => 1000),
  month: time.map((t) => ((t - 1) % 12) + 1),
};
const roles: ItsOptions = { outcome: 'y', time: 't', intervention: 'after' };

function issueOf(fn: () => unknown): { row?: number; field: string; code: string } {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    const { row, field, code } = (error as ValidationError).issues[0];
    return row === undefined ? { field, code } : { row, field, code };
  }
  throw new Error('expected a ValidationError');
}

const replace = (name: string, index: number, value: number): ItsColumns => ({
  ...columns,
  [name]: columns[name].map((v, i) => (i === index ? value : v)),
});

describe('fitInterruptedTimeSeries input checks', () => {
  it('names a missing column', () => {
    expect(
      issueOf(() => fitInterruptedTimeSeries(columns, { ...roles, offset: 'stdpop' })),
    ).toEqual({
      field: 'stdpop',
      code: 'missing_column',
    });
  });

  it('names the row and column of a non-finite value', () => {
    expect(issueOf(() => fitInterruptedTimeSeries(replace('t', 4, Number.NaN), roles))).toEqual({
      row: 5,
      field: 't',
      code: 'not_a_number',
    });
  });

  it('refuses an intervention that is not 0/1, or not a single step', () => {
    expect(issueOf(() => fitInterruptedTimeSeries(replace('after', 2, 2), roles))).toEqual({
      row: 3,
      field: 'after',
      code: 'not_binary',
    });
    expect(issueOf(() => fitInterruptedTimeSeries(replace('after', 2, 1), roles))).toEqual({
      row: 3,
      field: 'after',
      code: 'not_a_step',
    });
    const none = { ...columns, after: time.map(() => 0) };
    expect(issueOf(() => fitInterruptedTimeSeries(none, roles)).code).toBe('no_post_period');
  });

  it('refuses an offset ≤ 0 and an offset with the Gaussian family', () => {
    expect(
      issueOf(() => fitInterruptedTimeSeries(replace('pop', 7, 0), { ...roles, offset: 'pop' })),
    ).toEqual({ row: 8, field: 'pop', code: 'offset_not_positive' });
    expect(
      issueOf(() =>
        fitInterruptedTimeSeries(columns, { ...roles, offset: 'pop', family: 'gaussian' }),
      ),
    ).toEqual({ field: 'pop', code: 'offset_with_gaussian' });
  });

  it('refuses a non-count Poisson outcome and a negative quasi-Poisson one', () => {
    expect(issueOf(() => fitInterruptedTimeSeries(replace('y', 0, 1.5), roles))).toEqual({
      row: 1,
      field: 'y',
      code: 'not_a_count',
    });
    expect(
      issueOf(() =>
        fitInterruptedTimeSeries(replace('y', 1, -1), { ...roles, family: 'quasipoisson' }),
      ),
    ).toEqual({ row: 2, field: 'y', code: 'negative' });
  });

  it('checks the family, the season period and the number of harmonics (≤ period / 2)', () => {
    const bad = { ...roles, family: 'binomial' } as unknown as ItsOptions;
    expect(issueOf(() => fitInterruptedTimeSeries(columns, bad)).code).toBe('invalid_family');
    const season = { column: 'month', period: 12, harmonics: 7 };
    expect(issueOf(() => fitInterruptedTimeSeries(columns, { ...roles, season })).field).toBe(
      'season.harmonics',
    );
  });

  it('throws InsufficientDataError with fewer rows than coefficients + 1 (quasi-Poisson)', () => {
    const few: ItsColumns = { y: [3, 4, 2, 1], t: [1, 2, 3, 4], after: [0, 0, 1, 1] };
    expect(() =>
      fitInterruptedTimeSeries(few, { ...roles, family: 'quasipoisson', slopeChange: true }),
    ).toThrow(InsufficientDataError);
  });
});

describe('fitInterruptedTimeSeries caveats and families', () => {
  it('warns about few points on a side and repeated times', () => {
    const short: ItsColumns = {
      y: [5, 6, 5, 7, 6, 5, 6, 7, 6, 3, 2, 3, 3],
      t: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 10, 11, 12],
      after: [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1],
    };
    const codes = fitInterruptedTimeSeries(short, roles).warnings.map((w) => w.code);
    expect(codes).toContain('few_post_points');
    expect(codes).toContain('duplicate_time');
    expect(codes).not.toContain('few_pre_points');
  });

  it('fits the Gaussian family as least squares, with a null rate ratio', () => {
    const y = time.map((t) => 2 + 0.5 * t + (t > 10 ? 3 + 0.25 * (t - 10) : 0) + (t % 2) * 0.1);
    const result = fitInterruptedTimeSeries(
      { ...columns, y },
      { ...roles, family: 'gaussian', slopeChange: true },
    );
    // The 0.1 wiggle is nearly orthogonal: the generating values come back to within 0.05.
    expect(result.levelChange.estimate).toBeCloseTo(3, 1);
    expect(result.slopeChange?.estimate).toBeCloseTo(0.25, 1);
    expect(result.levelChange.rateRatio).toBeNull();
    expect(result.statisticKind).toBe('t');
    for (const cf of result.counterfactual) {
      expect(cf.mu).toBe(cf.eta);
    }
    // Least squares: residuals orthogonal to every column.
    const cross = result.fitted.reduce((a, f) => a + (y[f.row - 1] - f.mu) * f.time, 0);
    expect(Math.abs(cross)).toBeLessThan(1e-9);
  });

  it('orders rows by time and reports each input row', () => {
    const reversed: ItsColumns = Object.fromEntries(
      Object.entries(columns).map(([k, v]) => [k, [...v].reverse()]),
    );
    const result = fitInterruptedTimeSeries(reversed, roles);
    expect(result.fitted.map((f) => f.time)).toEqual(time);
    expect(result.fitted.map((f) => f.row)).toEqual(time.map((t) => n + 1 - t));
    expect(result.lastPreTime).toBe(10);
  });
});
