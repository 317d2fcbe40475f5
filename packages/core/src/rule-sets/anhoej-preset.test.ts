/**
 * Reference: qicharts2 0.8.1 `runs.analysis()` / `crsignal(method = 'anhoej')` and the sigma
 * signal in `qic.agg()` (R/helper.functions.R), after Anhøj & Olesen, PLoS ONE 2014;9:e113825.
 * Critical values: shared/research/anchors.md §3.1, extended to every n = 10…100 with SciPy
 * (`round(log2(n)) + 3`, `binom.ppf(0.05, n − 1, 0.5)`).
 */
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.ts';
import { ANHOEJ_PRESET, anhoejCriticalValues } from './anhoej-preset.ts';
import type { RuleFinding, RuleSeries } from './rule-set-types.ts';

/** A run chart around `cl` with no limits. */
function runChart(y: readonly (number | null)[], cl = 0, include?: readonly boolean[]): RuleSeries {
  const none = y.map(() => null);
  return { y, cl: y.map(() => cl), ucl: none, lcl: none, ...(include ? { include } : {}) };
}

/** Values ±1 around 0 with the given run lengths, starting above. */
function runsOf(...lengths: number[]): number[] {
  return lengths.flatMap((length, k) => Array<number>(length).fill(k % 2 === 0 ? 1 : -1));
}

const only = (findings: readonly RuleFinding[], rule: RuleFinding['rule']): RuleFinding[] =>
  findings.filter((f) => f.rule === rule);

/** anchors.md §3.1: n → [longest run max, crossings min]. */
const ANCHORS_TABLE: Readonly<Record<number, readonly [number, number]>> = {
  10: [6, 2],
  11: [6, 2],
  12: [7, 3],
  13: [7, 3],
  14: [7, 4],
  15: [7, 4],
  16: [7, 4],
  17: [7, 5],
  18: [7, 5],
  19: [7, 6],
  20: [7, 6],
  21: [7, 6],
  22: [7, 7],
  23: [8, 7],
  24: [8, 8],
  25: [8, 8],
  26: [8, 8],
  27: [8, 9],
  28: [8, 9],
  29: [8, 10],
  30: [8, 10],
  31: [8, 11],
  32: [8, 11],
  33: [8, 11],
  34: [8, 12],
  35: [8, 12],
  36: [8, 13],
  38: [8, 14],
  40: [8, 14],
  42: [8, 15],
  44: [8, 16],
  45: [8, 17],
  46: [9, 17],
  48: [9, 18],
  50: [9, 19],
  55: [9, 21],
  60: [9, 23],
  72: [9, 29],
  84: [9, 34],
  96: [10, 39],
  100: [10, 41],
};

/** SciPy, n = 10…100: round(log2(n)) + 3. */
const LONGEST_RUN_MAX_10_TO_100 = [
  ...Array<number>(2).fill(6),
  ...Array<number>(11).fill(7),
  ...Array<number>(23).fill(8),
  ...Array<number>(45).fill(9),
  ...Array<number>(10).fill(10),
];

describe('Anhøj critical values', () => {
  it('reproduce the anchors.md §3.1 table', () => {
    for (const [n, [longest, crossings]] of Object.entries(ANCHORS_TABLE)) {
      expect(anhoejCriticalValues(Number(n)), `n = ${n}`).toEqual({
        longestRunMax: longest,
        crossingsMin: crossings,
      });
    }
  });

  it('give round(log2(n)) + 3 for every n = 10…100', () => {
    const got = Array.from({ length: 91 }, (_, k) => anhoejCriticalValues(k + 10).longestRunMax);
    expect(got).toEqual(LONGEST_RUN_MAX_10_TO_100);
  });
});

describe('anhoej preset: longest run', () => {
  it('signals a run one longer than the limit and gives its points (24 useful: limit 8)', () => {
    const y = runsOf(9, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1);
    expect(y).toHaveLength(24);
    const result = ANHOEJ_PRESET.evaluate(runChart(y));
    expect(result.findings).toEqual([
      {
        rule: 'longest_run',
        points: [0, 1, 2, 3, 4, 5, 6, 7, 8],
        direction: 'up',
        message: { code: 'run_too_long', values: { length: 9, longestRunMax: 8, nUseful: 24 } },
      },
    ]);
    expect(result.signal).toBe(true);
    expect(result.pointRules[8]).toEqual(['longest_run']);
    expect(result.pointRules[9]).toEqual([]);
  });

  it('does not signal a run exactly at the limit', () => {
    const y = runsOf(8, ...Array<number>(16).fill(1));
    expect(y).toHaveLength(24);
    expect(ANHOEJ_PRESET.evaluate(runChart(y)).signal).toBe(false);
  });

  it('lists every run over the limit, with its direction', () => {
    const y = runsOf(9, 1, 9, 1, 1, 1, 1, 1);
    const runs = only(ANHOEJ_PRESET.evaluate(runChart(y)).findings, 'longest_run');
    expect(runs.map((f) => [f.direction, f.points.length])).toEqual([
      ['up', 9],
      ['up', 9],
    ]);
    const below = runsOf(1, 9, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1);
    expect(only(ANHOEJ_PRESET.evaluate(runChart(below)).findings, 'longest_run')[0]).toMatchObject({
      direction: 'down',
      points: [1, 2, 3, 4, 5, 6, 7, 8, 9],
    });
  });
});

describe('anhoej preset: crossings', () => {
  it('signals fewer crossings than qbinom(0.05, n − 1, 0.5), listing every useful point', () => {
    const y = runsOf(3, 3, 3, 3, 3, 3, 3, 3); // 24 useful, 7 crossings < 8
    const result = ANHOEJ_PRESET.evaluate(runChart(y));
    expect(result.findings).toEqual([
      {
        rule: 'crossings',
        points: Array.from({ length: 24 }, (_, i) => i),
        direction: null,
        message: {
          code: 'too_few_crossings',
          values: { crossings: 7, crossingsMin: 8, nUseful: 24 },
        },
      },
    ]);
  });

  it('does not signal crossings exactly at the minimum', () => {
    const y = runsOf(3, 3, 3, 3, 3, 3, 2, 2, 2); // 24 useful, 8 crossings
    expect(ANHOEJ_PRESET.evaluate(runChart(y)).signal).toBe(false);
  });
});

describe('anhoej preset: points dropped before the analysis', () => {
  // 4 above, one point, 4 above, then 5 alternating: 13 useful → longest-run limit 7.
  const withGap = (gap: number | null): (number | null)[] => [
    1,
    1,
    1,
    1,
    gap,
    1,
    1,
    1,
    1,
    -1,
    1,
    -1,
    1,
    -1,
  ];

  it('drops a point on the centre line: the run goes on across it', () => {
    const [finding] = ANHOEJ_PRESET.evaluate(runChart(withGap(0))).findings;
    expect(finding).toMatchObject({
      rule: 'longest_run',
      points: [0, 1, 2, 3, 5, 6, 7, 8],
      message: { values: { length: 8, longestRunMax: 7, nUseful: 13 } },
    });
  });

  it('drops a missing value and a non-finite one the same way', () => {
    for (const gap of [null, Number.NaN]) {
      const [finding] = ANHOEJ_PRESET.evaluate(runChart(withGap(gap))).findings;
      expect(finding?.points).toEqual([0, 1, 2, 3, 5, 6, 7, 8]);
    }
  });

  it('drops an excluded point, even one off the line', () => {
    const include = withGap(-1).map((_, i) => i !== 4);
    const [finding] = ANHOEJ_PRESET.evaluate(runChart(withGap(-1), 0, include)).findings;
    expect(finding?.points).toEqual([0, 1, 2, 3, 5, 6, 7, 8]);
  });

  it('drops a point without a centre line', () => {
    const series = runChart(withGap(-1));
    const cl = series.cl.map((v, i) => (i === 4 ? null : v));
    expect(ANHOEJ_PRESET.evaluate({ ...series, cl }).findings[0]?.points).toEqual([
      0, 1, 2, 3, 5, 6, 7, 8,
    ]);
  });

  it('counts the point if it is on the other side: two runs of 4, no signal', () => {
    expect(ANHOEJ_PRESET.evaluate(runChart(withGap(-1))).signal).toBe(false);
  });
});

describe('anhoej preset: 3-sigma points', () => {
  const series: RuleSeries = {
    y: [5, 3, -3.5, 1, 9, null],
    cl: [0, 0, 0, 0, 0, 0],
    ucl: [3, 3, 3, 3, 3, 3],
    lcl: [-3, -3, -3, -3, -3, -3],
    include: [true, true, true, true, false, true],
  };

  it('flags points strictly beyond the limits, excluded ones too (as qicharts2 does)', () => {
    const result = ANHOEJ_PRESET.evaluate(series);
    expect(result.findings.map((f) => [f.rule, f.points, f.direction])).toEqual([
      ['beyond_limits', [0], 'up'],
      ['beyond_limits', [2], 'down'],
      ['beyond_limits', [4], 'up'],
    ]);
    expect(result.findings[0]?.message).toEqual({
      code: 'point_beyond_limit',
      values: { y: 5, limit: 3 },
    });
  });
});

describe('anhoej preset: short and degenerate series', () => {
  it('gives no findings for an empty series, one point, or all points on the line', () => {
    for (const y of [[], [1], [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]]) {
      const result = ANHOEJ_PRESET.evaluate(runChart(y));
      expect(result.findings).toEqual([]);
      expect(result.pointRules).toHaveLength(y.length);
    }
  });

  it('applies the rules to any length, as qicharts2 does (8 points one side)', () => {
    // n = 8: longest-run limit round(3) + 3 = 6; crossings minimum qbinom(0.05, 7, 0.5) = 1.
    const result = ANHOEJ_PRESET.evaluate(runChart(Array<number>(8).fill(1)));
    expect(result.findings.map((f) => [f.rule, f.message.values])).toEqual([
      ['longest_run', { length: 8, longestRunMax: 6, nUseful: 8 }],
      ['crossings', { crossings: 0, crossingsMin: 1, nUseful: 8 }],
    ]);
  });

  it('reports the preset id and version', () => {
    const result = ANHOEJ_PRESET.evaluate(runChart([1, -1]));
    expect([result.preset, result.version]).toEqual(['anhoej', '2014.1']);
  });
});

describe('anhoej preset: input checks', () => {
  it('rejects arrays of different lengths with a ValidationError naming the field', () => {
    const bad: RuleSeries = { y: [1, 2, 3], cl: [0, 0], ucl: [null, null, null], lcl: [] };
    expect(() => ANHOEJ_PRESET.evaluate(bad)).toThrow(ValidationError);
    try {
      ANHOEJ_PRESET.evaluate(bad);
    } catch (error) {
      expect(error instanceof ValidationError && error.issues.map((i) => i.field)).toEqual([
        'cl',
        'lcl',
      ]);
    }
  });
});
