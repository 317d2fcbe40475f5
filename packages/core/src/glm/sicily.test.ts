/**
 * Reference: R `glm` (R 4.2.2, default control) on Lopez Bernal, Cummins & Gasparrini (2017),
 * Int J Epidemiol 46:348–355, the Sicily smoking-ban data (shared/validation-data/its_sicily,
 * README §3). The README prints the smokban rate ratio and 95 % Wald interval
 * (exp(β ∓ qnorm(0.975)·se), as Epi::ci.lin) to four digits for four models; the full R output is
 * held out. Besides those numbers the tests check internal consistency: convergence, deviance and
 * Pearson χ² as sums of squared residuals, the score equations, and quasi-Poisson = Poisson with
 * standard errors scaled by √dispersion.
 */

import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';
import { normalQuantile } from '../distributions/normal.ts';
import { fitGlm } from './fit-glm.ts';
import { buildModelMatrix, harmonicTerms, type TermSpec } from './model-matrix.ts';
import { nestedFTest } from './nested-f-test.ts';
import type { GlmFamily, GlmFit } from './types.ts';
import { validationPath } from '../validation-data.test-support.ts';

const CSV = validationPath('its_sicily/sicily.csv');

function readSicily(): Record<string, number[]> {
  const [header, ...lines] = readFileSync(CSV, 'utf8').trim().split(/\r?\n/);
  const names = header.split(',');
  const rows = lines.map((line) => line.split(',').map(Number));
  return Object.fromEntries(names.map((name, j) => [name, rows.map((row) => row[j])]));
}

const data = readSicily();
const offset = data.stdpop.map((v) => Math.log(v));
const base: TermSpec[] = [
  { name: 'smokban', values: data.smokban },
  { name: 'time', values: data.time },
];
const harmonics = harmonicTerms(data.month, 2, 12, 'harmonic(month, 2, 12)');
const slopeChange: TermSpec = {
  name: 'smokban:I(time - 36)',
  product: [data.smokban, data.time.map((t) => t - 36)],
};

function fit(family: GlmFamily, terms: TermSpec[]): GlmFit {
  return fitGlm({ family, y: data.aces, design: buildModelMatrix(terms), offset });
}

const models = {
  model1: fit('poisson', base),
  model2: fit('quasipoisson', base),
  model3: fit('quasipoisson', [...base, ...harmonics]),
  model3Poisson: fit('poisson', [...base, ...harmonics]),
  model4: fit('quasipoisson', [...base, slopeChange, ...harmonics]),
};

/** Rate ratio of the smoking ban and its 95 % Wald interval, to four decimals. */
function smokban(model: GlmFit): string[] {
  const c = model.coefficients.find((row) => row.term === 'smokban');
  if (c === undefined) {
    throw new Error('no smokban term');
  }
  const z = normalQuantile(0.975);
  return [c.estimate, c.estimate - z * c.stdError, c.estimate + z * c.stdError].map((v) =>
    Math.exp(v).toFixed(4),
  );
}

describe('Lopez Bernal et al. (2017) Sicily models, as R glm (README §3)', () => {
  it('model 1, Poisson: 0.8944 (0.8647–0.9251)', () => {
    expect(smokban(models.model1)).toEqual(['0.8944', '0.8647', '0.9251']);
  });

  it('model 2, quasi-Poisson: 0.8944 (0.8392–0.9532)', () => {
    expect(smokban(models.model2)).toEqual(['0.8944', '0.8392', '0.9532']);
  });

  it('model 3, quasi-Poisson with harmonic(month, 2, 12): 0.8851 (0.8394–0.9332)', () => {
    expect(smokban(models.model3)).toEqual(['0.8851', '0.8394', '0.9332']);
  });

  it('model 4, adding the slope change I(time − 36):smokban: 0.8765 (0.8268–0.9292)', () => {
    expect(smokban(models.model4)).toEqual(['0.8765', '0.8268', '0.9292']);
  });

  it("converge without warnings, in R's default control", () => {
    for (const model of Object.values(models)) {
      expect(model.converged).toBe(true);
      expect(model.iterations).toBeLessThanOrEqual(25);
      expect(model.warnings).toEqual([]);
      expect(model.dfResidual).toBe(59 - model.rank);
      expect(model.dfNull).toBe(58);
    }
  });

  it('give the same estimates for Poisson and quasi-Poisson, with SEs scaled by √dispersion', () => {
    const pairs = [
      [models.model1, models.model2],
      [models.model3Poisson, models.model3],
    ];
    for (const [poisson, quasi] of pairs) {
      expect(poisson.dispersion).toBe(1);
      expect(poisson.statisticKind).toBe('z');
      expect(quasi.statisticKind).toBe('t');
      poisson.coefficients.forEach((c, j) => {
        expect(quasi.coefficients[j].estimate).toBe(c.estimate);
        const ratio = quasi.coefficients[j].stdError / c.stdError;
        expect(Math.abs(ratio - Math.sqrt(quasi.dispersion))).toBeLessThan(1e-12);
      });
      expect(quasi.aic).toBeNull();
      expect(poisson.aic).not.toBeNull();
    }
  });

  it('have deviance = Σ deviance residual² and Pearson χ² = Σ Pearson residual²', () => {
    for (const model of Object.values(models)) {
      const sumSquares = (r: readonly number[]): number => r.reduce((a, v) => a + v * v, 0);
      expect(Math.abs(sumSquares(model.devianceResiduals) / model.deviance - 1)).toBeLessThan(
        1e-12,
      );
      expect(
        Math.abs(sumSquares(model.pearsonResiduals) / model.pearsonChiSquare - 1),
      ).toBeLessThan(1e-12);
      // R's dispersion uses the last step's working weights: Pearson χ²/df up to IRLS convergence.
      if (model.family === 'quasipoisson') {
        const pearson = model.pearsonChiSquare / model.dfResidual;
        expect(Math.abs(model.dispersion / pearson - 1)).toBeLessThan(1e-5);
      }
    }
  });

  it('solve the Poisson score equations X′(y − μ) = 0 to 1e-8', () => {
    for (const model of Object.values(models)) {
      const design = buildModelMatrix(
        model.terms.slice(1).map((name) => {
          const all = [...base, slopeChange, ...harmonics];
          const spec = all.find((t) => t.name === name);
          if (spec === undefined) {
            throw new Error(name);
          }
          return spec;
        }),
      );
      design.terms.forEach((_, j) => {
        let score = 0;
        let scale = 0;
        design.rows.forEach((row, i) => {
          score += row[j] * (data.aces[i] - model.fitted[i]);
          scale += Math.abs(row[j] * data.aces[i]);
        });
        expect(Math.abs(score) / scale).toBeLessThan(1e-8);
      });
    }
  });

  it('give the null deviance of the intercept-only model with the same offset', () => {
    const nullModel = fitGlm({
      family: 'poisson',
      y: data.aces,
      design: buildModelMatrix([], { rowCount: data.aces.length }),
      offset,
    });
    for (const model of Object.values(models)) {
      expect(Math.abs(model.nullDeviance / nullModel.deviance - 1)).toBeLessThan(1e-8);
    }
    expect(models.model1.nullDeviance).toBeGreaterThan(models.model1.deviance);
  });

  it('compares models 3 and 4 by an F test on model 4\'s dispersion (anova(m3, m4, test = "F"))', () => {
    const test = nestedFTest(models.model3, models.model4);
    expect(test.dfChange).toBe(1);
    expect(test.dfDenominator).toBe(51);
    const f = (models.model3.deviance - models.model4.deviance) / models.model4.dispersion;
    expect(Math.abs(test.f / f - 1)).toBeLessThan(1e-14);
    expect(test.pValue).toBeGreaterThan(0);
    expect(test.pValue).toBeLessThan(1);
  });
});
