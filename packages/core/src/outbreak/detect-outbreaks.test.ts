/**
 * Argument checks of `detectOutbreaks`: every bad input is a ValidationError naming the field
 * (and the row, for data), options a method does not use are reported, and the effective control
 * carries surveillance 1.20.3's defaults (R/earsC.R, R/algo_cusum.R, R/algo_farrington.R,
 * R/farringtonFlexible.R).
 */
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.ts';
import { detectOutbreaks, type OutbreakOptions, type OutbreakSeries } from './index.ts';

const series: OutbreakSeries = { observed: Array.from({ length: 40 }, (_, i) => (i * 7) % 5) };
const ears: OutbreakOptions = { method: 'ears-c1', range: { first: 10, last: 40 } };

function issueOf(run: () => unknown): { field: string; row?: number; code: string } {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).issues[0];
  }
  return expect.unreachable();
}

describe('detectOutbreaks input checks', () => {
  it.each([
    [[1, -1, 2], 2, 'negative'],
    [[1, 2.5], 2, 'not_an_integer'],
    [[Number.NaN], 1, 'not_a_number'],
  ])('observed %j: row %i, %s', (observed, row, code) => {
    expect(
      issueOf(() => detectOutbreaks({ observed }, { ...ears, range: { first: 1, last: 1 } })),
    ).toMatchObject({
      field: 'observed',
      row,
      code,
    });
  });

  it.each([
    [{ first: 0, last: 5 }],
    [{ first: 5, last: 41 }],
    [{ first: 6, last: 5 }],
    [{ first: 1.5, last: 5 }],
  ])('range %j is outside the rows', (range) => {
    expect(issueOf(() => detectOutbreaks(series, { ...ears, range })).field).toBe('range');
  });

  it('names a bad or unordered date by row', () => {
    const dates = Array.from(
      { length: 40 },
      (_, i) => `2020-01-${String(1 + (i % 28)).padStart(2, '0')}`,
    );
    expect(issueOf(() => detectOutbreaks({ ...series, dates }, ears))).toMatchObject({
      field: 'date',
      row: 29,
    });
    const bad = [...dates];
    bad[3] = '2020-02-30';
    expect(issueOf(() => detectOutbreaks({ ...series, dates: bad }, ears))).toMatchObject({
      field: 'date',
      row: 4,
      code: 'invalid_date',
    });
  });

  it('supports calendar reference weeks for weekly series only', () => {
    const dates = Array.from({ length: 40 }, (_, i) =>
      new Date(Date.UTC(2020, 0, 6 + 7 * i)).toISOString().slice(0, 10),
    );
    expect(
      issueOf(() =>
        detectOutbreaks(
          { ...series, dates, frequency: 12 },
          { method: 'farrington', range: { first: 30, last: 40 }, b: 1 },
        ),
      ).field,
    ).toBe('dates');
  });

  it.each([
    [{ method: 'ears-c4' }, 'method'],
    [{ alpha: 0 }, 'alpha'],
    [{ alpha: 1 }, 'alpha'],
    [{ baseline: 2 }, 'baseline'],
    [{ minSigma: -1 }, 'minSigma'],
    [{ method: 'cusum', m: -2 }, 'm'],
    [{ method: 'cusum', h: Number.POSITIVE_INFINITY }, 'h'],
    [{ method: 'farrington', b: 0 }, 'b'],
    [{ method: 'farrington', w: -1 }, 'w'],
    [{ method: 'farrington', limit54: [5, 0] }, 'limit54'],
    [{ method: 'farrington', powertrans: '1/3' }, 'powertrans'],
    [{ method: 'farrington', reweight: 'yes' }, 'reweight'],
    [{ method: 'farrington-flexible', noPeriods: 0 }, 'noPeriods'],
    [{ method: 'farrington-flexible', thresholdMethod: 'exact' }, 'thresholdMethod'],
    [{ method: 'farrington-flexible', pThresholdTrend: 1.5 }, 'pThresholdTrend'],
    [{ method: 'farrington-flexible', weightsThreshold: 0 }, 'weightsThreshold'],
    [{ method: 'farrington-flexible', pastWeeksNotIncluded: -1 }, 'pastWeeksNotIncluded'],
  ])('rejects %j naming %s', (override, field) => {
    const options = { ...ears, ...override } as unknown as OutbreakOptions;
    expect(issueOf(() => detectOutbreaks(series, options)).field).toBe(field);
  });

  it('reports options the method does not use', () => {
    const result = detectOutbreaks(series, { ...ears, k: 2, noPeriods: 3 });
    expect(result.warnings.map((w) => [w.code, w.message.split(' ')[0]])).toEqual([
      ['option_ignored', 'k'],
      ['option_ignored', 'noPeriods'],
    ]);
  });

  it('returns only the monitored rows, in order, with their observed counts', () => {
    const result = detectOutbreaks(series, { method: 'ears-c2', range: { first: 12, last: 15 } });
    expect(result.method).toBe('ears-c2');
    expect(result.points.map((p) => [p.t, p.observed])).toEqual([
      [12, 2],
      [13, 4],
      [14, 1],
      [15, 3],
    ]);
  });
});
