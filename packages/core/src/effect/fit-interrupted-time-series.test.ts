/**
 * Reference: Lopez Bernal, Cummins & Gasparrini (2017), Interrupted time series regression for
 * the evaluation of public health interventions: a tutorial, Int J Epidemiol 46:348–355, fitted
 * with R `glm` (R 4.2.2, default control) on the Sicily smoking-ban data
 * (shared/validation-data/its_sicily, README §3). The README prints the smokban rate ratio and
 * 95 % Wald interval (exp(β ∓ qnorm(0.975)·se), as Epi::ci.lin) to four digits for each model;
 * the full R output is held out. Besides those numbers: the ITS layer must give exactly the
 * `fitGlm` fit of the R formula (terms renamed), and its counterfactual must be the fit with the
 * intervention's terms removed.
 */

import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';
import { fitGlm } from '../glm/fit-glm.ts';
import { buildModelMatrix, harmonicTerms, type TermSpec } from '../glm/model-matrix.ts';
import { fitInterruptedTimeSeries } from './fit-interrupted-time-series.ts';
import type { ItsOptions, ItsResult } from './its-types.ts';
import { validationPath } from '../validation-data.test-support.ts';

const CSV = validationPath('its_sicily/sicily.csv');

function readSicily(): Record<string, number[]> {
  const [header, ...lines] = readFileSync(CSV, 'utf8').trim().split(/\r?\n/);
  const names = header.split(',');
  const rows = lines.map((line) => line.split(',').map(Number));
  return Object.fromEntries(names.map((name, j) => [name, rows.map((row) => row[j])]));
}

const sicily = readSicily();
const base = { outcome: 'aces', time: 'time', intervention: 'smokban', offset: 'stdpop' } as const;
const season = { column: 'month', period: 12, harmonics: 2 };
const options: Record<string, ItsOptions> = {
  model1: { ...base, family: 'poisson' },
  model2: { ...base, family: 'quasipoisson' },
  model3: { ...base, family: 'quasipoisson', season },
  model3Poisson: { ...base, family: 'poisson', season },
  model4: { ...base, family: 'quasipoisson', season, slopeChange: true },
};
const models = Object.fromEntries(
  Object.entries(options).map(([key, o]) => [key, fitInterruptedTimeSeries(sicily, o)]),
) as Record<keyof typeof options, ItsResult>;

/** The smokban rate ratio and its 95 % interval, to four decimals. */
function smokban(result: ItsResult): string[] {
  const c = result.levelChange;
  return [c.rateRatio, c.rrCiLower, c.rrCiUpper].map((v) => (v ?? Number.NaN).toFixed(4));
}

describe('Lopez Bernal et al. (2017) Sicily models, as R glm 4.2.2 (README §3)', () => {
  it('model 1, Poisson: 0.8944 (0.8647–0.9251)', () => {
    expect(smokban(models.model1)).toEqual(['0.8944', '0.8647', '0.9251']);
  });

  it('model 2, quasi-Poisson: 0.8944 (0.8392–0.9532)', () => {
    expect(smokban(models.model2)).toEqual(['0.8944', '0.8392', '0.9532']);
  });

  it('model 3, quasi-Poisson with harmonic(month, 2, 12): 0.8851 (0.8394–0.9332)', () => {
    expect(smokban(models.model3)).toEqual(['0.8851', '0.8394', '0.9332']);
  });

  it('model 4, with the slope change I(time − 36):smokban: 0.8765 (0.8268–0.9292)', () => {
    expect(smokban(models.model4)).toEqual(['0.8765', '0.8268', '0.9292']);
  });

  it('model 3 as Poisson runs, with the estimates of the quasi-Poisson fit and z tests', () => {
    const [poisson, quasi] = [models.model3Poisson, models.model3];
    expect(poisson.statisticKind).toBe('z');
    expect(poisson.dispersion).toBe(1);
    expect(poisson.aic).not.toBeNull();
    expect(quasi.statisticKind).toBe('t');
    expect(quasi.aic).toBeNull();
    poisson.coefficients.forEach((c, j) => {
      expect(quasi.coefficients[j].estimate).toBe(c.estimate);
    });
    // Pearson χ²/df of model 1 is about 3.6: the Poisson fits are flagged.
    expect(models.model1.warnings.map((w) => w.code)).toEqual(['overdispersion']);
    expect(models.model4.warnings).toEqual([]);
  });

  it("names terms as DESIGN §6 in R's column order, and derives t₀ = 36", () => {
    expect(models.model4.coefficients.map((c) => c.term)).toEqual([
      '(Intercept)',
      'smokban',
      'time',
      'sin1',
      'sin2',
      'cos1',
      'cos2',
      'smokban:trend',
    ]);
    expect(models.model4.lastPreTime).toBe(36);
    expect(models.model4.formula).toBe(
      'aces ~ offset(log(stdpop)) + smokban + time + harmonic(month, 2, 12) + I(time - 36):smokban',
    );
    expect([models.model4.preCount, models.model4.postCount]).toEqual([36, 23]);
    expect(models.model4.slopeChange?.term).toBe('smokban:trend');
    expect(models.model3.slopeChange).toBeNull();
  });
});

describe('the ITS layer over fitGlm', () => {
  /** The R formula of model 4 with R's names, fitted directly. */
  const offset = sicily.stdpop.map(Math.log);
  const terms: TermSpec[] = [
    { name: 'smokban', values: sicily.smokban },
    { name: 'time', values: sicily.time },
    ...harmonicTerms(sicily.month, 2, 12, 'harmonic(month, 2, 12)'),
    { name: 'smokban:I(time - 36)', product: [sicily.smokban, sicily.time.map((t) => t - 36)] },
  ];
  const direct = fitGlm({
    family: 'quasipoisson',
    y: sicily.aces,
    design: buildModelMatrix(terms),
    offset,
  });

  it('gives exactly the fit of the R formula, with R harmonic(month, 2, 12)1..4 = sin1, sin2, cos1, cos2', () => {
    const m4 = models.model4;
    expect(
      m4.coefficients.map(({ estimate, stdError, statistic, pValue }) => [
        estimate,
        stdError,
        statistic,
        pValue,
      ]),
    ).toEqual(
      direct.coefficients.map(({ estimate, stdError, statistic, pValue }) => [
        estimate,
        stdError,
        statistic,
        pValue,
      ]),
    );
    expect(direct.terms.slice(3, 7)).toEqual([1, 2, 3, 4].map((k) => `harmonic(month, 2, 12)${k}`));
    expect([m4.dispersion, m4.deviance, m4.nullDeviance, m4.dfResidual]).toEqual([
      direct.dispersion,
      direct.deviance,
      direct.nullDeviance,
      direct.dfResidual,
    ]);
    expect(m4.fitted.map((f) => [f.row, f.time, f.mu, f.eta])).toEqual(
      sicily.time.map((t, i) => [i + 1, t, direct.fitted[i], direct.linearPredictor[i]]),
    );
  });

  it('reports rate ratios and Wald intervals as exp(β ∓ qnorm(0.975)·se) and link-scale bounds', () => {
    for (const c of models.model4.coefficients) {
      expect(c.rateRatio).toBe(Math.exp(c.estimate));
      expect(c.rrCiLower).toBe(Math.exp(c.ciLower));
      expect(c.rrCiUpper).toBe(Math.exp(c.ciUpper));
      const halfWidth = (c.ciUpper - c.ciLower) / 2;
      expect(halfWidth / c.stdError).toBeCloseTo(1.959963984540054, 12);
    }
  });

  it('gives the counterfactual: the post rows with level and slope change removed', () => {
    const m4 = models.model4;
    const level = m4.levelChange.estimate;
    const slope = m4.slopeChange?.estimate ?? Number.NaN;
    expect(m4.counterfactual).toHaveLength(23);
    for (const cf of m4.counterfactual) {
      const fitted = m4.fitted[cf.row - 1];
      expect(cf.time).toBe(fitted.time);
      expect(cf.eta).toBeCloseTo(fitted.eta - level - slope * (cf.time - 36), 12);
      expect(cf.mu).toBe(Math.exp(cf.eta));
    }
    // The ban lowered events: each post month's fit is below its counterfactual.
    expect(m4.counterfactual.every((cf) => m4.fitted[cf.row - 1].mu < cf.mu)).toBe(true);
  });
});
