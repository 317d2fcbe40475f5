/**
 * Reference: R's `predict.glm(fit, newdata, se.fit = TRUE, dispersion = …)` — link-scale variance
 * x₀′(X′WX)⁻¹x₀·dispersion, response-scale standard error |dμ/dη|·se(η₀) — surveillance's
 * `anscombe.residuals` formula, and `anova(…, test = "F")` for nested fits. Reference quantities
 * are computed independently from the fit's own fields with normal equations.
 */
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.ts';
import { anscombeResiduals } from './anscombe-residuals.ts';
import { fitGlm } from './fit-glm.ts';
import { buildModelMatrix } from './model-matrix.ts';
import { nestedFTest } from './nested-f-test.ts';
import { inverseCrossProduct } from './normal-equations.test-support.ts';
import { predictGlm } from './predict-glm.ts';

const wtime = [53, 54, 55, 56, 57, 105, 106, 107, 108, 109, 157, 158, 159, 160, 161];
const response = [2, 0, 3, 1, 4, 3, 5, 2, 6, 4, 5, 8, 4, 7, 9];
const design = buildModelMatrix([{ name: 'wtime', values: wtime }]);
const fit = fitGlm({ family: 'quasipoisson', y: response, design });

describe('predictGlm', () => {
  it('gives x₀′β and x₀′(X′WX)⁻¹x₀·dispersion, on both scales', () => {
    const v = inverseCrossProduct(design.rows, fit.workingWeights);
    const x0 = [1, 210];
    const quadratic = x0.reduce(
      (acc, a, i) => acc + x0.reduce((s, b, j) => s + a * v[i][j] * b, 0),
      0,
    );
    for (const dispersion of [undefined, 2.5]) {
      const p = predictGlm(fit, { wtime: 210 }, dispersion === undefined ? {} : { dispersion });
      const phi = dispersion ?? fit.dispersion;
      const eta = fit.coefficients[0].estimate + 210 * fit.coefficients[1].estimate;
      expect(Math.abs(p.link / eta - 1)).toBeLessThan(1e-14);
      expect(Math.abs(p.linkVariance / (quadratic * phi) - 1)).toBeLessThan(1e-10);
      expect(Math.abs(p.response / Math.exp(eta) - 1)).toBeLessThan(1e-14);
      expect(
        Math.abs(p.responseStdError / (Math.exp(eta) * Math.sqrt(quadratic * phi)) - 1),
      ).toBeLessThan(1e-10);
    }
    expect(predictGlm(fit, [1, 210]).link).toBe(predictGlm(fit, { wtime: 210 }).link);
    expect(predictGlm(fit, { wtime: 210 }, { offset: Math.log(2) }).response).toBeCloseTo(
      2 * predictGlm(fit, { wtime: 210 }).response,
      12,
    );
  });

  it('names a missing term and rejects a bad dispersion', () => {
    expect(() => predictGlm(fit, {})).toThrow(ValidationError);
    expect(() => predictGlm(fit, [1])).toThrow(ValidationError);
    expect(() => predictGlm(fit, { wtime: 1 }, { dispersion: 0 })).toThrow(ValidationError);
  });
});

describe('anscombeResiduals', () => {
  it('is 3/2 (y^⅔ μ^(−⅙) − μ^½) / √(φ (1 − h))', () => {
    const phi = Math.max(fit.dispersion, 1);
    const a = anscombeResiduals(fit, phi);
    a.forEach((value, i) => {
      const mu = fit.fitted[i];
      const want =
        (1.5 * (response[i] ** (2 / 3) * mu ** (-1 / 6) - Math.sqrt(mu))) /
        Math.sqrt(phi * (1 - fit.hatValues[i]));
      expect(Math.abs(value - want)).toBeLessThan(1e-14);
    });
    expect(() => anscombeResiduals(fit, 0)).toThrow(ValidationError);
    const gaussian = fitGlm({ family: 'gaussian', y: response, design });
    expect(() => anscombeResiduals(gaussian, 1)).toThrow(ValidationError);
  });
});

describe('nestedFTest', () => {
  it('is ((D₀ − D₁)/Δdf)/φ₁ on (Δdf, df₁), and χ² for the Poisson family', () => {
    const small = fitGlm({
      family: 'quasipoisson',
      y: response,
      design: buildModelMatrix([], { rowCount: 15 }),
    });
    const test = nestedFTest(small, fit);
    expect(test.f).toBeCloseTo((small.deviance - fit.deviance) / fit.dispersion, 12);
    expect(test.dfDenominator).toBe(13);
    const poissonSmall = fitGlm({
      family: 'poisson',
      y: response,
      design: buildModelMatrix([], { rowCount: 15 }),
    });
    const poissonLarge = fitGlm({ family: 'poisson', y: response, design });
    expect(nestedFTest(poissonSmall, poissonLarge).dfDenominator).toBe(Infinity);
    expect(() => nestedFTest(fit, small)).toThrow(ValidationError);
  });
});
