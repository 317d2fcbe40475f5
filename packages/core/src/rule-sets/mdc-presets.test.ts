/**
 * Reference: NHS England "SPC Charts SQL Query" v2.6a (Making Data Count), Steps 2a, 4F–4J, for
 * `mdc-2024`; NHSRplotthedots 0.2.2 `ptd_calculate_point_type.R` and `ptd_spc_standard.R` for
 * `mdc-classic-7`. Hand-made XmR series plus two oracles that transcribe the SQL window logic
 * (LEAD/LAG over cumulative flags) and the NHSRplotthedots vector logic line by line.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MDC_2024_PRESET, MDC_CLASSIC_7_PRESET } from './mdc-presets.ts';
import { mdcPointRank } from './mdc-rank.ts';
import { makeRuleSet } from './rule-set-registry.ts';
import type { RuleFinding, RuleId, RuleSeries, RuleSetPreset } from './rule-set-types.ts';

/** XmR chart: mean 0, 2-sigma ±2, process limits ±3. */
function xmr(y: readonly (number | null)[], include?: readonly boolean[]): RuleSeries {
  const at = (v: number): number[] => y.map(() => v);
  return {
    y,
    cl: at(0),
    ucl: at(3),
    lcl: at(-3),
    ucl2: at(2),
    lcl2: at(-2),
    ...(include ? { include } : {}),
  };
}

function found(preset: RuleSetPreset, series: RuleSeries, rule: RuleId): RuleFinding[] {
  return preset.evaluate(series).findings.filter((f) => f.rule === rule);
}

const pointsOf = (findings: readonly RuleFinding[]): number[][] =>
  findings.map((f) => [...f.points]);

describe('mdc shift', () => {
  const six = [0.5, 0.6, 0.5, 0.6, 0.5, 0.6, -0.5, -0.6, -0.5];
  const seven = [0.5, 0.6, 0.5, 0.6, 0.5, 0.6, 0.5, -0.5, -0.6];

  it('mdc-2024 fires at 6 points above the mean; classic-7 needs 7', () => {
    expect(found(MDC_2024_PRESET, xmr(six), 'shift')).toEqual([
      {
        rule: 'shift',
        points: [0, 1, 2, 3, 4, 5],
        direction: 'up',
        message: { code: 'shift', values: { length: 6, minLength: 6 } },
      },
    ]);
    expect(found(MDC_CLASSIC_7_PRESET, xmr(six), 'shift')).toEqual([]);
    expect(pointsOf(found(MDC_CLASSIC_7_PRESET, xmr(seven), 'shift'))).toEqual([
      [0, 1, 2, 3, 4, 5, 6],
    ]);
  });

  it('does not fire at 5', () => {
    expect(found(MDC_2024_PRESET, xmr([0.5, 0.6, 0.5, 0.6, 0.5, -0.5]), 'shift')).toEqual([]);
  });

  it('breaks on a point exactly on the mean (strict > / <)', () => {
    const y = [0.5, 0.6, 0.5, 0, 0.6, 0.5, 0.6, -0.5];
    expect(found(MDC_2024_PRESET, xmr(y), 'shift')).toEqual([]);
  });

  it('skips a missing value (the SQL only warns on one)', () => {
    const y = [0.5, 0.6, 0.5, null, 0.6, 0.5, 0.6, -0.5];
    expect(pointsOf(found(MDC_2024_PRESET, xmr(y), 'shift'))).toEqual([[0, 1, 2, 4, 5, 6]]);
  });

  it('skips a ghosted point', () => {
    const y = [0.5, 0.6, 0.5, -0.5, 0.6, 0.5, 0.6, -0.5];
    const include = y.map((_, i) => i !== 3);
    expect(pointsOf(found(MDC_2024_PRESET, xmr(y, include), 'shift'))).toEqual([
      [0, 1, 2, 4, 5, 6],
    ]);
  });
});

describe('mdc trend (including endpoints)', () => {
  it('mdc-2024 fires at 6 points (5 increases); not at 5', () => {
    expect(pointsOf(found(MDC_2024_PRESET, xmr([-1, -0.5, 0, 0.5, 1, 1.5]), 'trend'))).toEqual([
      [0, 1, 2, 3, 4, 5],
    ]);
    expect(found(MDC_2024_PRESET, xmr([-1, -0.5, 0, 0.5, 1]), 'trend')).toEqual([]);
  });

  it('classic-7 needs 7 points', () => {
    const seven = [-1.5, -1, -0.5, 0, 0.5, 1, 1.5];
    expect(found(MDC_CLASSIC_7_PRESET, xmr(seven.slice(1)), 'trend')).toEqual([]);
    expect(found(MDC_CLASSIC_7_PRESET, xmr(seven), 'trend')[0]?.points).toHaveLength(7);
  });

  it('breaks on a tie, where the IHI policy would ignore it', () => {
    const y = [-1, -0.5, 0, 0, 0.5, 1, 1.5];
    expect(found(MDC_2024_PRESET, xmr(y), 'trend')).toEqual([]);
    const ignoring = makeRuleSet(MDC_2024_PRESET, { trendTies: 'ignore' });
    expect(pointsOf(found(ignoring, xmr(y), 'trend'))).toEqual([[0, 1, 2, 4, 5, 6]]);
  });

  it('finds a decreasing trend', () => {
    expect(found(MDC_2024_PRESET, xmr([1, 0.8, 0.6, 0.4, 0.2, 0]), 'trend')[0]?.direction).toBe(
      'down',
    );
  });
});

describe('mdc two of three beyond 2 sigma, same side', () => {
  it('flags only the points beyond 2 sigma', () => {
    const result = MDC_2024_PRESET.evaluate(xmr([0.5, 2.5, 1, 2.5, 0.5]));
    expect(result.findings).toEqual([
      {
        rule: 'two_of_three_beyond_2sigma',
        points: [1, 3],
        direction: 'up',
        message: { code: 'two_of_three_beyond_2sigma', values: { count: 2 } },
      },
    ]);
    expect(result.pointRules[2]).toEqual([]);
  });

  it('needs all three points on the same side of the mean', () => {
    expect(MDC_2024_PRESET.evaluate(xmr([-0.5, 2.5, 2.5, -0.5])).signal).toBe(false);
  });

  it('gives no signal when the other point beyond 2 sigma is on the other side', () => {
    expect(MDC_2024_PRESET.evaluate(xmr([0.5, 2.5, -2.5, 2.5, 0.5])).signal).toBe(false);
  });

  it('does not count a point exactly on the 2-sigma line or on the mean', () => {
    expect(MDC_2024_PRESET.evaluate(xmr([0.5, 2, 2.5, 0.5])).signal).toBe(false);
    expect(MDC_2024_PRESET.evaluate(xmr([0, 2.5, 2.5, 0])).signal).toBe(false);
    expect(
      pointsOf(found(MDC_2024_PRESET, xmr([0.1, 2.5, 2.5, 0]), 'two_of_three_beyond_2sigma')),
    ).toEqual([[1, 2]]);
  });

  it('counts a point beyond 3 sigma since SQL v2.6; classic-7 does not', () => {
    const y = [0.5, 3.5, 2.5, 0.5];
    expect(MDC_2024_PRESET.evaluate(xmr(y)).findings.map((f) => [f.rule, f.points])).toEqual([
      ['two_of_three_beyond_2sigma', [1, 2]],
      ['beyond_limits', [1]],
    ]);
    expect(MDC_CLASSIC_7_PRESET.evaluate(xmr(y)).findings.map((f) => [f.rule, f.points])).toEqual([
      ['beyond_limits', [1]],
    ]);
  });

  it('merges overlapping windows and finds the lower side', () => {
    expect(
      pointsOf(
        found(MDC_2024_PRESET, xmr([0.5, 2.5, 2.5, 2.5, 0.5]), 'two_of_three_beyond_2sigma'),
      ),
    ).toEqual([[1, 2, 3]]);
    expect(
      found(MDC_2024_PRESET, xmr([-0.5, -2.5, -2.5]), 'two_of_three_beyond_2sigma')[0],
    ).toMatchObject({ direction: 'down', points: [1, 2] });
  });

  it('skips a ghosted point, which is not flagged beyond the limits either', () => {
    const y = [0.5, 2.5, -9, 2.5, 0.5];
    const result = MDC_2024_PRESET.evaluate(xmr(y, [true, true, false, true, true]));
    expect(result.findings.map((f) => [f.rule, f.points])).toEqual([
      ['two_of_three_beyond_2sigma', [1, 3]],
    ]);
  });

  it('warns when the series has no 2-sigma lines', () => {
    const { ucl2: _u, lcl2: _l, ...noLines } = xmr([0.5, 2.5, 2.5, 0.5]);
    const result = MDC_2024_PRESET.evaluate(noLines);
    expect(result.signal).toBe(false);
    expect(result.warnings.map((w) => w.code)).toContain('two_sigma_lines_missing');
  });
});

describe('mdc single point beyond the process limits', () => {
  it('flags strictly beyond; a point on the limit is not', () => {
    const result = MDC_2024_PRESET.evaluate(xmr([3, 3.01, -3, -3.01, null]));
    expect(result.findings.map((f) => [f.rule, f.points, f.direction])).toEqual([
      ['beyond_limits', [1], 'up'],
      ['beyond_limits', [3], 'down'],
    ]);
  });
});

describe('mdc result', () => {
  it('lists rules per point in MDC precedence and ranks them', () => {
    const y = [-2.5, -1, -0.5, 0.5, 1, 2.5, 3.5, 0.5, 0.6, 0.5];
    const result = MDC_2024_PRESET.evaluate(xmr(y));
    expect(result.pointRules[5]).toEqual(['trend', 'shift', 'two_of_three_beyond_2sigma']);
    expect(result.pointRules[6]).toEqual([
      'trend',
      'shift',
      'two_of_three_beyond_2sigma',
      'beyond_limits',
    ]);
    expect(mdcPointRank(result.pointRules[6])).toBe(4);
    expect(mdcPointRank(result.pointRules[9])).toBe(3);
  });

  it('ranks trend 4 > shift 3 > two-sigma 2 > single point 1', () => {
    expect(mdcPointRank([])).toBe(0);
    expect(mdcPointRank(['beyond_limits'])).toBe(1);
    expect(mdcPointRank(['beyond_limits', 'two_of_three_beyond_2sigma'])).toBe(2);
    expect(mdcPointRank(['shift', 'beyond_limits'])).toBe(3);
    expect(mdcPointRank(['shift', 'trend'])).toBe(4);
    expect(mdcPointRank(['longest_run', 'crossings'])).toBe(0);
  });

  it('warns under the minimum number of points (13 for SQL v2.6, 12 for classic-7)', () => {
    const y = Array.from({ length: 12 }, (_, i) => (i % 2 === 0 ? 0.5 : -0.5));
    expect(MDC_2024_PRESET.evaluate(xmr(y)).warnings.map((w) => [w.code, w.values])).toEqual([
      ['too_few_points', { count: 12, minimum: 13 }],
    ]);
    expect(MDC_CLASSIC_7_PRESET.evaluate(xmr(y)).warnings).toEqual([]);
  });

  it('names the preset and version', () => {
    const a = MDC_2024_PRESET.evaluate(xmr([]));
    const b = MDC_CLASSIC_7_PRESET.evaluate(xmr([]));
    expect([a.preset, a.version, b.preset, b.version]).toEqual([
      'mdc-2024',
      '2024.1',
      'mdc-classic-7',
      '2018.1',
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// Oracles: the SQL v2.6a and NHSRplotthedots logic transcribed, for one partition, no ghosting.

const lead = (a: readonly number[], i: number, k: number): number | null => a[i + k] ?? null;
const lag = (a: readonly number[], i: number, k: number): number | null =>
  i - k >= 0 ? a[i - k] : null;
const cumsum = (a: readonly number[]): number[] => {
  let s = 0;
  return a.map((v) => (s += v));
};

/** SQL Step 4G/4H pattern: start flags from LEAD on cumulative counts, members from LAG. */
function sqlRun(flags: readonly number[], x: number, needFlagAtStart: boolean): boolean[] {
  const count = cumsum(flags);
  const start = flags.map((f, i) => {
    const ahead = lead(count, i, x - 1);
    return (!needFlagAtStart || f === 1) && ahead !== null && ahead - count[i] === x - 1 ? 1 : 0;
  });
  const startCount = cumsum(start);
  return startCount.map((c, i) => c > (lag(startCount, i, x) ?? 0));
}

/** Points each SQL rule flags: [single point, shift, trend, two-sigma]. */
function sqlFlags(v: readonly number[], two: number, three: number, x: number): boolean[][] {
  const above = v.map((y) => (y > 0 ? 1 : 0));
  const below = v.map((y) => (y < 0 ? 1 : 0));
  const inc = v.map((y, i) => (i > 0 && y > v[i - 1] ? 1 : 0));
  const dec = v.map((y, i) => (i > 0 && y < v[i - 1] ? 1 : 0));
  const twoSigma = (twoFlag: number[], side: number[]): boolean[] => {
    const start = twoFlag.map((f, i) =>
      f === 1 &&
      ((lead(twoFlag, i, 1) === 1 && (lag(side, i, 1) === 1 || lead(side, i, 2) === 1)) ||
        (lead(twoFlag, i, 2) === 1 && lead(side, i, 1) === 1))
        ? 1
        : 0,
    );
    const count = cumsum(start);
    return twoFlag.map((f, i) => f === 1 && count[i] > (lag(count, i, 3) ?? 0));
  };
  const or = (a: boolean[], b: boolean[]): boolean[] => a.map((p, i) => p || b[i]);
  return [
    v.map((y) => y > three || y < -three),
    or(sqlRun(above, x, true), sqlRun(below, x, true)),
    or(sqlRun(inc, x, false), sqlRun(dec, x, false)),
    or(
      twoSigma(
        v.map((y) => (y > two ? 1 : 0)),
        above,
      ),
      twoSigma(
        v.map((y) => (y < -two ? 1 : 0)),
        below,
      ),
    ),
  ];
}

/** NHSRplotthedots 0.2.2 `ptd_special_cause_flag` parts: [outside, shift, trend, two-in-three]. */
function ptdFlags(y: readonly number[], two: number, three: number): boolean[][] {
  const rtm = y.map((v) => Math.sign(v));
  const outside = y.map((v) => v > three || v < -three);
  const close = y.map((v, i) => !outside[i] && (v < -two || v > two));
  const partOfSeven = (marks: readonly boolean[]): boolean[] =>
    marks.map((_, i) => marks.slice(i, i + 7).some(Boolean));
  const oneSide = rtm.map((s, i) => s !== 0 && i >= 6 && rtm.slice(i - 6, i).every((t) => t === s));
  const trend = y.map((_, i) => {
    if (i < 6) {
      return false;
    }
    const d = y.slice(i - 6, i + 1).map((v, k, a) => (k === 0 ? 0 : Math.sign(v - a[k - 1])));
    const steps = d.slice(1);
    return steps.every((s) => s === 1) || steps.every((s) => s === -1);
  });
  const window = (s: number): boolean =>
    s >= 0 &&
    s + 2 < y.length &&
    [0, 1, 2].filter((k) => close[s + k]).length >= 2 &&
    Math.abs(rtm[s] + rtm[s + 1] + rtm[s + 2]) === 3;
  const twoInThree = y.map((_, i) => close[i] && [i - 2, i - 1, i].some(window));
  return [outside, partOfSeven(oneSide), partOfSeven(trend), twoInThree];
}

const RULES: readonly RuleId[] = ['beyond_limits', 'shift', 'trend', 'two_of_three_beyond_2sigma'];

function ourFlags(preset: RuleSetPreset, v: readonly number[], two: number, three: number) {
  const at = (c: number): number[] => v.map(() => c);
  const result = preset.evaluate({
    y: v,
    cl: at(0),
    ucl: at(three),
    lcl: at(-three),
    ucl2: at(two),
    lcl2: at(-two),
  });
  return RULES.map((rule) => result.pointRules.map((rules) => rules.includes(rule)));
}

/** Integers around the mean: ties, points on the mean, on the lines and beyond them. */
const scatterArb = fc.array(fc.integer({ min: -4, max: 4 }), { maxLength: 40 });
/** Random walks with flat steps: long trends, with and without ties. */
const walkArb = fc
  .tuple(fc.integer({ min: -4, max: 4 }), fc.array(fc.constantFrom(-1, 0, 1), { maxLength: 40 }))
  .map(([start, steps]) => [start, ...cumsum(steps).map((s) => start + s)]);
const valuesArb = fc.oneof(scatterArb, walkArb);
const linesArb = fc.constantFrom([2, 3], [2.5, 3.5], [1.5, 3]);

describe('mdc presets against transcribed reference logic', () => {
  it('mdc-2024 flags the same points as the SQL v2.6a windows', () => {
    fc.assert(
      fc.property(valuesArb, linesArb, (v, [two, three]) => {
        expect(ourFlags(MDC_2024_PRESET, v, two, three)).toEqual(sqlFlags(v, two, three, 6));
      }),
      { seed: 20240110, numRuns: 400 },
    );
  });

  it('mdc-classic-7 flags the same points as NHSRplotthedots 0.2.2', () => {
    fc.assert(
      fc.property(valuesArb, linesArb, (v, [two, three]) => {
        expect(ourFlags(MDC_CLASSIC_7_PRESET, v, two, three)).toEqual(ptdFlags(v, two, three));
      }),
      { seed: 20220202, numRuns: 400 },
    );
  });
});
