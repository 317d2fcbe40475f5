/**
 * Reference: argument handling of qicharts2 0.8.1 `qic()`, made strict: where qic() silently
 * drops an out-of-range `part` or tolerates `freeze` beyond the data, Sankofa throws a
 * ValidationError naming the option; `freeze` with `part` is ignored, as in qic(), with a warning.
 */
import { describe, expect, it } from 'vitest';
import { InsufficientDataError, ValidationError } from '../errors.ts';
import { computeSpcChart } from './compute-spc-chart.ts';
import type { SpcInput, SpcOptions } from './types.ts';

const ten: SpcInput = {
  x: Array.from({ length: 10 }, (_, k) => k + 1),
  y: [5, 6, 7, 5, 6, 8, 5, 6, 7, 6],
  n: Array.from({ length: 10 }, () => 20),
};

/** The first issue of the ValidationError `run` throws, as "field/code". */
function issueOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) {
      return `${error.issues[0].field}/${error.issues[0].code}`;
    }
    throw error;
  }
  return 'no error';
}

const issue = (options: Partial<SpcOptions>, input: SpcInput = ten) =>
  issueOf(() => computeSpcChart(input, { chart: 'i', ...options }));

describe('computeSpcChart argument checks', () => {
  it('rejects an unknown chart and a multiply that is not positive', () => {
    expect(issue({ chart: 'xbar' as SpcOptions['chart'] })).toBe('chart/unknown_chart');
    expect(issue({ multiply: 0 })).toBe('multiply/out_of_range');
    expect(issue({ multiply: -10 })).toBe('multiply/out_of_range');
    expect(issue({ multiply: Number.NaN })).toBe('multiply/out_of_range');
  });

  it('rejects arrays of different lengths', () => {
    expect(issue({}, { ...ten, x: [1, 2] })).toBe('x/length_mismatch');
    expect(issue({}, { ...ten, n: [1, 2] })).toBe('n/length_mismatch');
  });

  it('needs n for P, P′, U and U′ charts, and n must not be negative', () => {
    const noN = { x: ten.x, y: ten.y };
    for (const chart of ['p', 'pp', 'u', 'up'] as const) {
      expect(issue({ chart }, noN)).toBe('n/required');
    }
    const negative = { ...ten, n: ten.n!.map((n, k) => (k === 3 ? -1 : n)) };
    expect(issue({ chart: 'p' }, negative)).toBe('n/negative');
    const error = (() => {
      try {
        computeSpcChart(negative, { chart: 'p' });
      } catch (caught) {
        return caught as ValidationError;
      }
    })();
    expect(error?.issues[0].row).toBe(4);
  });

  it('rejects values that are not finite numbers', () => {
    expect(issue({}, { ...ten, y: ten.y.map((y, k) => (k === 2 ? Number.NaN : y)) })).toBe(
      'y/not_finite',
    );
    expect(issue({}, { ...ten, n: ten.n!.map((n, k) => (k === 2 ? Infinity : n)) })).toBe(
      'n/not_finite',
    );
  });

  it('checks freeze, part and exclude rows', () => {
    expect(issue({ freeze: 0 })).toBe('freeze/out_of_range');
    expect(issue({ freeze: 11 })).toBe('freeze/out_of_range');
    expect(issue({ freeze: 2.5 })).toBe('freeze/not_an_integer');
    expect(issue({ part: [0] })).toBe('part/out_of_range');
    expect(issue({ part: [10] })).toBe('part/out_of_range'); // would leave an empty last part
    expect(issue({ part: [6, 3] })).toBe('part/not_increasing');
    expect(issue({ part: [3, 3] })).toBe('part/not_increasing');
    expect(issue({ exclude: [11] })).toBe('exclude/out_of_range');
    expect(issue({ exclude: [0] })).toBe('exclude/out_of_range');
    expect(issue({ freeze: 10, part: [9], exclude: [1, 10] })).toBe('no error');
  });

  it('rejects a T chart time that is not positive, naming the row', () => {
    expect(issue({ chart: 't' }, { x: [1, 2, 3], y: [4, 0, 2] })).toBe('y/not_positive');
  });

  it('throws InsufficientDataError for no rows', () => {
    expect(() => computeSpcChart({ x: [], y: [] }, { chart: 'run' })).toThrow(
      InsufficientDataError,
    );
  });

  it('ignores freeze when part is given, as qic() does, and says so', () => {
    const chart = computeSpcChart(ten, { chart: 'i', freeze: 4, part: [5] });
    expect(chart.warnings.map((warning) => warning.code)).toContain('freeze_ignored_with_part');
    expect(chart.points.every((point) => point.baseline)).toBe(true);
  });
});
