/**
 * Difference-in-differences against independent computations:
 * - the Gaussian 2 × 2 model's effect is exactly (ȳ_I,post − ȳ_I,pre) − (ȳ_C,post − ȳ_C,pre);
 * - the saturated Poisson 2 × 2 model's rate ratio is the ratio of the groups' post/pre rate
 *   ratios of the cell totals, with Var(log RR) = Σ 1/cell count (Woolf);
 * - on a 6-unit × 12-period panel, R `glm` 4.2.2 (this machine's R, script below) for the
 *   quasi-Poisson, two-way fixed effects, Poisson period effects, Gaussian unit effects and
 *   pre-trend models, to 1e-6 relative.
 *
 * The panel (outcome per unit, periods 1–12, exposure = size + 10·period, intervention from 7)
 * was simulated once and is fixed here. R, with `d` that panel in long form and
 * `intervention`, `post` 0/1 columns:
 *   glm(outcome ~ offset(log(exposure)) + intervention + post + intervention:post, quasipoisson, d)
 *   glm(outcome ~ offset(log(exposure)) + factor(unit) + factor(period) + intervention:post, quasipoisson, d)
 *   glm(outcome ~ offset(log(exposure)) + intervention + factor(period) + intervention:post, poisson, d)
 *   glm(outcome ~ factor(unit) + post + intervention:post, gaussian, d)
 *   glm(outcome ~ offset(log(exposure)) + intervention * period, quasipoisson, subset(d, post == 0))
 * and the last row of `summary(fit)$coefficients` with `summary(fit)$dispersion`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InsufficientDataError, ValidationError } from '../errors.ts';
import type { EffectCoefficient } from './effect-coefficient.ts';
import { estimateDifferenceInDifferences } from './estimate-difference-in-differences.ts';
import type { DidFixedEffects, DidRow } from './did-types.ts';
import type { GlmFamily } from '../glm/types.ts';

const PANEL: Record<string, { group: DidRow['group']; size: number; outcome: number[] }> = {
  A: {
    group: 'intervention',
    size: 1200,
    outcome: [22, 29, 24, 26, 19, 25, 30, 28, 30, 25, 26, 28],
  },
  B: { group: 'intervention', size: 800, outcome: [6, 22, 20, 23, 6, 6, 9, 14, 17, 16, 20, 14] },
  C: {
    group: 'intervention',
    size: 1500,
    outcome: [33, 35, 26, 52, 38, 44, 22, 24, 25, 27, 34, 34],
  },
  D: { group: 'comparison', size: 1000, outcome: [17, 14, 17, 33, 16, 24, 26, 14, 24, 34, 9, 25] },
  E: { group: 'comparison', size: 700, outcome: [14, 10, 18, 17, 6, 21, 21, 25, 27, 20, 19, 11] },
  F: { group: 'comparison', size: 1300, outcome: [32, 22, 24, 19, 20, 24, 40, 14, 17, 33, 44, 40] },
};
const panel: DidRow[] = Object.entries(PANEL).flatMap(([unit, u]) =>
  u.outcome.map((outcome, k) => ({
    unit,
    group: u.group,
    period: k + 1,
    outcome,
    exposure: u.size + 10 * (k + 1),
  })),
);

/** estimate, std error, statistic, p-value, dispersion from R. */
const R = {
  quasiNone: [
    -0.308859100344703, 0.144352281229752, -2.13962050141155, 0.0359773154289177, 2.15087882679529,
  ],
  quasiTwoWay: [
    -0.307084211207536, 0.145563238899724, -2.10962749612271, 0.0395410836021616, 2.18702410038223,
  ],
  poissonPeriod: [
    -0.308812352985979, 0.0984273734006679, -3.13746412523778, 0.00170416127507374, 1,
  ],
  gaussianUnit: [
    -7.1111111111111, 3.41177947668528, -2.08428216410397, 0.0411309013124387, 52.3810763888889,
  ],
  preTrend: [
    -0.000423449269258223, 0.0643737176974878, -0.00657798375492532, 0.994792404366221,
    2.3846087440899,
  ],
};

function expectClose(actual: number[], expected: number[]): void {
  actual.forEach((a, j) => {
    expect(Math.abs(a - expected[j]), `entry ${j}: ${a} vs ${expected[j]}`).toBeLessThanOrEqual(
      1e-6 * Math.abs(expected[j]),
    );
  });
}
const row = (c: EffectCoefficient, dispersion: number): number[] => [
  c.estimate,
  c.stdError,
  c.statistic,
  c.pValue,
  dispersion,
];

describe('difference-in-differences, closed forms', () => {
  const cells = {
    intervention: { pre: [10, 12, 14, 13], post: [9, 8, 10] },
    comparison: { pre: [20, 21, 19], post: [22, 24, 23, 25] },
  };
  const rows: DidRow[] = (['intervention', 'comparison'] as const).flatMap((group) =>
    (['pre', 'post'] as const).flatMap((phase) =>
      cells[group][phase].map((outcome, k) => ({
        unit: `${group}-${k}`,
        group,
        period: phase === 'pre' ? 1 : 2,
        outcome,
        exposure: 100 + 7 * k + (group === 'intervention' ? 3 : 0) + (phase === 'post' ? 11 : 0),
      })),
    ),
  );
  const sum = (v: readonly number[]): number => v.reduce((a, x) => a + x, 0);
  const mean = (v: readonly number[]): number => sum(v) / v.length;

  it('Gaussian 2 × 2: the effect is the difference of the mean differences', () => {
    const did = estimateDifferenceInDifferences(
      rows.map(({ exposure: _, ...r }) => r),
      { interventionStart: 2, family: 'gaussian' },
    );
    const expected =
      mean(cells.intervention.post) -
      mean(cells.intervention.pre) -
      (mean(cells.comparison.post) - mean(cells.comparison.pre));
    expect(did.effect.term).toBe('intervention:post');
    expect(Math.abs(did.effect.estimate - expected)).toBeLessThan(1e-12);
    expect(did.effect.rateRatio).toBeNull();
    expect(did.cells.intervention.post.rate).toBe(9);
  });

  it('saturated Poisson 2 × 2: the rate ratio is the ratio of the cell-total rate ratios', () => {
    const did = estimateDifferenceInDifferences(rows, { interventionStart: 2 });
    const rate = (group: 'intervention' | 'comparison', phase: 'pre' | 'post'): number => {
      const these = rows.filter(
        (r) => r.group === group && (r.period === 2) === (phase === 'post'),
      );
      return sum(these.map((r) => r.outcome)) / sum(these.map((r) => r.exposure ?? 0));
    };
    const expected =
      rate('intervention', 'post') /
      rate('intervention', 'pre') /
      (rate('comparison', 'post') / rate('comparison', 'pre'));
    expect(Math.abs((did.effect.rateRatio ?? 0) / expected - 1)).toBeLessThan(1e-8);
    const woolf = Math.sqrt(
      [
        cells.intervention.pre,
        cells.intervention.post,
        cells.comparison.pre,
        cells.comparison.post,
      ].reduce((a, c) => a + 1 / sum(c), 0),
    );
    // R's (and fitGlm's) covariance comes from the last IRLS step's weights, not the converged
    // μ, so it agrees with the closed form only to the convergence tolerance.
    expect(Math.abs(did.effect.stdError / woolf - 1)).toBeLessThan(1e-5);
    expect(did.cells.comparison.pre.rate).toBeCloseTo(rate('comparison', 'pre'), 14);
    expect(did.warnings.map((w) => w.code)).toEqual(['few_pre_periods', 'pre_trend_not_testable']);
  });
});

describe('difference-in-differences on a panel, as R glm 4.2.2', () => {
  it('quasi-Poisson, no fixed effects (the default model)', () => {
    const did = estimateDifferenceInDifferences(panel, {
      interventionStart: 7,
      family: 'quasipoisson',
    });
    expectClose(row(did.effect, did.dispersion), R.quasiNone);
    expect(did.coefficients.map((c) => c.term)).toEqual([
      '(Intercept)',
      'intervention',
      'post',
      'intervention:post',
    ]);
    expect(did.formula).toBe(
      'outcome ~ offset(log(exposure)) + intervention + post + intervention:post',
    );
    expect([did.units, did.prePeriods, did.postPeriods]).toEqual([
      { intervention: 3, comparison: 3 },
      6,
      6,
    ]);
    expect(did.effect.rateRatio).toBe(Math.exp(did.effect.estimate));
  });

  it('quasi-Poisson with unit and period fixed effects', () => {
    const did = estimateDifferenceInDifferences(panel, {
      interventionStart: 7,
      family: 'quasipoisson',
      fixedEffects: 'unit-and-period',
    });
    expectClose(row(did.effect, did.dispersion), R.quasiTwoWay);
    expect(did.coefficients).toHaveLength(1 + 5 + 11 + 1);
    expect(did.coefficients[1].term).toBe('unitB');
  });

  it('Poisson with period fixed effects, flagged as overdispersed', () => {
    const did = estimateDifferenceInDifferences(panel, {
      interventionStart: 7,
      fixedEffects: 'period',
    });
    expectClose(row(did.effect, did.dispersion), R.poissonPeriod);
    expect(did.statisticKind).toBe('z');
    expect(did.warnings.map((w) => w.code)).toContain('overdispersion');
  });

  it('Gaussian with unit fixed effects', () => {
    const gaussian = panel.map(({ exposure: _, ...r }) => r);
    const did = estimateDifferenceInDifferences(gaussian, {
      interventionStart: 7,
      family: 'gaussian',
      fixedEffects: 'unit',
    });
    expectClose(row(did.effect, did.dispersion), R.gaussianUnit);
  });

  it('checks pre-trends: intervention:period on the pre rows', () => {
    const did = estimateDifferenceInDifferences(panel, {
      interventionStart: 7,
      family: 'quasipoisson',
    });
    const pre = did.preTrend;
    expect(pre?.term).toBe('intervention:period');
    expectClose(row(pre as EffectCoefficient, R.preTrend[4]), R.preTrend);
    expect(did.warnings).toEqual([]);
  });

  it('warns when the pre-trends differ', () => {
    const diverging = panel.map((r) =>
      r.group === 'intervention' && r.period < 7 ? { ...r, outcome: r.outcome + 12 * r.period } : r,
    );
    const did = estimateDifferenceInDifferences(diverging, {
      interventionStart: 7,
      family: 'quasipoisson',
    });
    expect(did.warnings.map((w) => w.code)).toContain('pre_trends_differ');
  });

  it('does not depend on the order of the rows', () => {
    const a = estimateDifferenceInDifferences(panel, {
      interventionStart: 7,
      fixedEffects: 'unit-and-period',
    });
    const reversed = [...panel].reverse();
    const b = estimateDifferenceInDifferences(reversed, {
      interventionStart: 7,
      fixedEffects: 'unit-and-period',
    });
    expect(b.coefficients).toEqual(a.coefficients);
    expect(b.preTrend).toEqual(a.preTrend);
  });
});

describe('difference-in-differences input checks', () => {
  const issue = (rows: DidRow[], start = 7): { row?: number; field: string; code: string } => {
    try {
      estimateDifferenceInDifferences(rows, { interventionStart: start });
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      const { row: r, field, code } = (error as ValidationError).issues[0];
      return r === undefined ? { field, code } : { row: r, field, code };
    }
    throw new Error('expected a ValidationError');
  };
  const edit = (index: number, change: Partial<DidRow>): DidRow[] =>
    panel.map((r, i) => (i === index ? { ...r, ...change } : r));

  it('names the row and field of bad values', () => {
    expect(issue(edit(3, { outcome: Number.NaN }))).toEqual({
      row: 4,
      field: 'outcome',
      code: 'not_a_number',
    });
    expect(issue(edit(5, { exposure: 0 }))).toEqual({
      row: 6,
      field: 'exposure',
      code: 'offset_not_positive',
    });
    expect(issue(edit(2, { group: 'treated' as DidRow['group'] }))).toEqual({
      row: 3,
      field: 'group',
      code: 'invalid_group',
    });
    expect(issue(edit(40, { group: 'intervention' }))).toEqual({
      row: 41,
      field: 'group',
      code: 'unit_in_both_groups',
    });
    expect(issue(edit(1, { period: 1 }))).toEqual({
      row: 2,
      field: 'period',
      code: 'duplicate_row',
    });
  });

  it('refuses a group or phase without rows, and no rows at all', () => {
    expect(issue(panel, 13)).toEqual({ field: 'group', code: 'empty_cell' });
    expect(() => estimateDifferenceInDifferences([], { interventionStart: 1 })).toThrow(
      InsufficientDataError,
    );
  });
});

describe('difference-in-differences on any numeric input', () => {
  it('returns a result or throws ValidationError / InsufficientDataError, nothing else', () => {
    const number = fc.oneof(fc.double(), fc.integer({ min: 0, max: 40 }));
    const anyRow = fc.record(
      {
        unit: fc.oneof(fc.constantFrom('a', 'b', 'c', 'd'), fc.integer({ min: 0, max: 3 })),
        period: fc.oneof(fc.integer({ min: 1, max: 6 }), number),
        outcome: number,
        exposure: fc.oneof(fc.integer({ min: 1, max: 500 }), number),
        group: fc.constantFrom<DidRow['group']>('intervention', 'comparison'),
      },
      { requiredKeys: ['unit', 'period', 'outcome', 'group'] },
    );
    /** A panel of 2–5 units × 2–6 periods, counts, exposure on all rows or none; a few cells dropped. */
    const panelRows = fc
      .record({
        units: fc.integer({ min: 2, max: 5 }),
        periods: fc.integer({ min: 2, max: 6 }),
        exposure: fc.boolean(),
        outcomes: fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 30, maxLength: 30 }),
        drop: fc.array(fc.integer({ min: 0, max: 29 }), { maxLength: 3 }),
      })
      .map(({ units, periods, exposure, outcomes, drop }) =>
        Array.from({ length: units * periods }, (_, k): DidRow => {
          const unit = k % units;
          return {
            unit,
            group: unit % 2 === 0 ? 'intervention' : 'comparison',
            period: Math.floor(k / units) + 1,
            outcome: outcomes[k],
            ...(exposure ? { exposure: 50 + 7 * k } : {}),
          };
        }).filter((_, k) => !drop.includes(k)),
      );
    let fitted = 0;
    fc.assert(
      fc.property(
        fc.oneof(panelRows, fc.array(anyRow, { maxLength: 30 })),
        fc.oneof(fc.integer({ min: 1, max: 6 }), fc.double()),
        fc.constantFrom<GlmFamily>('poisson', 'quasipoisson', 'gaussian'),
        fc.constantFrom<DidFixedEffects>('none', 'period', 'unit', 'unit-and-period'),
        (rows, interventionStart, family, fixedEffects) => {
          try {
            const did = estimateDifferenceInDifferences(rows, {
              interventionStart,
              family,
              fixedEffects,
            });
            fitted += 1;
            expect(did.effect.term).toBe('intervention:post');
          } catch (error) {
            expect(
              error instanceof ValidationError || error instanceof InsufficientDataError,
              String(error),
            ).toBe(true);
          }
        },
      ),
      { seed: 2017, numRuns: 1000 },
    );
    expect(fitted).toBeGreaterThan(50);
  });
});
