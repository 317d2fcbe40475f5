/**
 * Reference: Perla RJ, Provost LP, Murray SK. "The run chart: a simple analytical tool for
 * learning from variation in healthcare processes." BMJ Qual Saf 2011;20:46–51 — shift (6, points
 * on the median skipped), trend (5, like values ignored), too few / too many runs (Table 1; here
 * the Swed–Eisenhart derivation, see runs-table.ts), astronomical point (Sankofa's documented
 * operationalisation, astronomical-rule.ts).
 */
import { describe, expect, it } from 'vitest';
import { IHI_RUN_PRESET } from './ihi-run-preset.ts';
import { makeRuleSet } from './rule-set-registry.ts';
import type { RuleFinding, RuleId, RuleSeries } from './rule-set-types.ts';

function runChart(y: readonly (number | null)[], cl = 0, include?: readonly boolean[]): RuleSeries {
  const none = y.map(() => null);
  return { y, cl: y.map(() => cl), ucl: none, lcl: none, ...(include ? { include } : {}) };
}

/** ±1 around 0 with the given run lengths, starting above; alternating size avoids trends. */
function runsOf(...lengths: number[]): number[] {
  let k = 0;
  return lengths.flatMap((length, r) =>
    Array.from({ length }, () => (r % 2 === 0 ? 1 : -1) * (1 + (k++ % 2))),
  );
}

function found(series: RuleSeries, rule: RuleId): RuleFinding[] {
  return IHI_RUN_PRESET.evaluate(series).findings.filter((f) => f.rule === rule);
}

describe('ihi-run: shift (6 or more on one side of the median)', () => {
  it('fires at exactly 6 points and lists them', () => {
    const [shift, ...rest] = found(runChart([1, 2, 1, 2, 1, 2, -1, -2, -1, -2, -1]), 'shift');
    expect(rest).toEqual([]);
    expect(shift).toEqual({
      rule: 'shift',
      points: [0, 1, 2, 3, 4, 5],
      direction: 'up',
      message: { code: 'shift', values: { length: 6, minLength: 6 } },
    });
  });

  it('does not fire at 5', () => {
    expect(found(runChart([1, 2, 1, 2, 1, -1, -2, -1, -2, -1, 1]), 'shift')).toEqual([]);
  });

  it('skips a point on the median: 3 above, 1 on, 3 above is a shift of 6', () => {
    const [shift] = found(runChart([1, 2, 1, 0, 2, 1, 2, -1, -2, -1, -2]), 'shift');
    expect(shift?.points).toEqual([0, 1, 2, 4, 5, 6]);
  });

  it('breaks on the median only in a variant that says so', () => {
    const strict = makeRuleSet(IHI_RUN_PRESET, { centreLinePolicy: 'break' });
    const result = strict.evaluate(runChart([1, 2, 1, 0, 2, 1, 2, -1, -2, -1, -2]));
    expect(result.findings.filter((f) => f.rule === 'shift')).toEqual([]);
  });

  it('skips missing and excluded points', () => {
    expect(found(runChart([1, 2, 1, null, 2, 1, 2, -1, -2]), 'shift')[0]?.points).toEqual([
      0, 1, 2, 4, 5, 6,
    ]);
    const include = [true, true, true, false, true, true, true, true, true];
    const y = [1, 2, 1, -5, 2, 1, 2, -1, -2];
    expect(found(runChart(y, 0, include), 'shift')[0]?.points).toEqual([0, 1, 2, 4, 5, 6]);
  });

  it('points below the median give direction down', () => {
    expect(found(runChart([-1, -2, -1, -2, -1, -2, 1, 2]), 'shift')[0]?.direction).toBe('down');
  });
});

describe('ihi-run: trend (5 or more going up or down)', () => {
  it('fires at exactly 5 points, counting both ends', () => {
    expect(found(runChart([1, 2, 3, 4, 5], 3), 'trend')).toEqual([
      {
        rule: 'trend',
        points: [0, 1, 2, 3, 4],
        direction: 'up',
        message: { code: 'trend', values: { length: 5, minLength: 5 } },
      },
    ]);
  });

  it('does not fire at 4', () => {
    expect(found(runChart([1, 2, 3, 4, 3, 4, 3], 3), 'trend')).toEqual([]);
  });

  it('ignores a repeated value: 1 2 3 3 4 5 is a trend of 5 without the repeat', () => {
    const [trend] = found(runChart([1, 2, 3, 3, 4, 5], 3), 'trend');
    expect(trend).toMatchObject({ points: [0, 1, 2, 4, 5], message: { values: { length: 5 } } });
  });

  it('finds a decreasing trend, and none in a flat series', () => {
    expect(found(runChart([9, 8, 7, 6, 5, 6], 7), 'trend')[0]).toMatchObject({
      direction: 'down',
      points: [0, 1, 2, 3, 4],
    });
    expect(found(runChart(Array<number>(8).fill(4), 4), 'trend')).toEqual([]);
  });

  it('shares the turning point between an up and a down trend', () => {
    const trends = found(runChart([1, 2, 3, 4, 5, 4, 3, 2, 1], 3), 'trend');
    expect(trends.map((f) => [f.direction, f.points])).toEqual([
      ['up', [0, 1, 2, 3, 4]],
      ['down', [4, 5, 6, 7, 8]],
    ]);
  });

  it('skips an excluded point: it neither adds to nor breaks the trend', () => {
    const include = [true, true, false, true, true, true];
    expect(found(runChart([1, 2, 0, 3, 4, 5], 3, include), 'trend')[0]?.points).toEqual([
      0, 1, 3, 4, 5,
    ]);
  });
});

describe('ihi-run: too few or too many runs (12 useful observations: 4–10 runs)', () => {
  it('fires too few below the lower limit, listing every useful point', () => {
    const result = IHI_RUN_PRESET.evaluate(runChart(runsOf(4, 4, 4)));
    expect(result.findings.filter((f) => f.rule === 'runs_too_few')).toEqual([
      {
        rule: 'runs_too_few',
        points: Array.from({ length: 12 }, (_, i) => i),
        direction: null,
        message: { code: 'too_few_runs', values: { runs: 3, lower: 4, nUseful: 12 } },
      },
    ]);
  });

  it('does not fire at the limits themselves', () => {
    expect(found(runChart(runsOf(3, 3, 3, 3)), 'runs_too_few')).toEqual([]);
    expect(found(runChart(runsOf(1, 1, 1, 1, 1, 1, 1, 1, 2, 2)), 'runs_too_many')).toEqual([]);
  });

  it('fires too many above the upper limit', () => {
    const [finding] = found(runChart(runsOf(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2)), 'runs_too_many');
    expect(finding?.message).toEqual({
      code: 'too_many_runs',
      values: { runs: 11, upper: 10, nUseful: 12 },
    });
  });

  it('leaves points on the median out of the count', () => {
    const y = [1, 2, 0, 1, 2, 1, -1, -2, 0, -1, -2, -1, 1, 2, 1, 2];
    // 14 useful (limits 4–12), 3 runs: too few.
    const [finding] = found(runChart(y), 'runs_too_few');
    expect(finding?.message.values).toEqual({ runs: 3, lower: 4, nUseful: 14 });
    expect(finding?.points).not.toContain(2);
    expect(finding?.points).not.toContain(8);
  });

  it('warns instead of guessing outside the table (fewer than 10 useful points)', () => {
    const result = IHI_RUN_PRESET.evaluate(runChart(runsOf(5, 4)));
    expect(result.findings.filter((f) => f.rule.startsWith('runs_'))).toEqual([]);
    expect(result.warnings.map((w) => [w.code, w.values])).toEqual([
      ['too_few_points', { count: 9, minimum: 10 }],
      ['runs_table_out_of_range', { nUseful: 9, min: 10, max: 60 }],
    ]);
  });
});

describe('ihi-run: astronomical point', () => {
  const limits = (y: readonly number[]): RuleSeries => ({
    y,
    cl: y.map(() => 0),
    ucl: y.map(() => 3),
    lcl: y.map(() => -3),
  });

  it('flags the one point furthest from the centre line among those beyond the limits', () => {
    const y = [0.5, -0.5, 4, -0.5, 0.5, -5, 0.5, -0.5, 0.5, -0.5];
    expect(found(limits(y), 'astronomical')).toEqual([
      {
        rule: 'astronomical',
        points: [5],
        direction: 'down',
        message: { code: 'astronomical_point', values: { y: -5, limit: -3 } },
      },
    ]);
  });

  it('does not flag a point exactly on the limit', () => {
    expect(found(limits([0.5, -0.5, 3, -0.5, 0.5, -0.5]), 'astronomical')).toEqual([]);
  });

  it('on a run chart, uses cl ± 3·MR̄/1.128 of the series', () => {
    const y = [10, 11, 10, 11, 10, 11, 10, 11, 10, 30];
    const sigma = (8 + 20) / 9 / 1.128;
    expect(found(runChart(y, 10.5), 'astronomical')).toEqual([
      {
        rule: 'astronomical',
        points: [9],
        direction: 'up',
        message: { code: 'astronomical_point', values: { y: 30, limit: 10.5 + 3 * sigma } },
      },
    ]);
  });

  it('flags nothing on a run chart when the variant uses the chart limits only', () => {
    const limitsOnly = makeRuleSet(IHI_RUN_PRESET, { astronomicalSigmaSource: 'limits-only' });
    const y = [10, 11, 10, 11, 10, 11, 10, 11, 10, 30];
    const result = limitsOnly.evaluate(runChart(y, 10.5));
    expect(result.findings.filter((f) => f.rule === 'astronomical')).toEqual([]);
  });
});

describe('ihi-run: result', () => {
  it('names the preset and version, and lists per point every rule that flagged it', () => {
    const result = IHI_RUN_PRESET.evaluate(runChart([1, 2, 3, 4, 5, 6, -1, -2, -1, -2]));
    expect([result.preset, result.version]).toEqual(['ihi-run', '2011.1']);
    expect(result.pointRules[0]).toEqual(['shift', 'trend', 'runs_too_few']);
    expect(result.pointRules[9]).toEqual(['runs_too_few']);
  });
});
