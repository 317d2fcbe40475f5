/**
 * Reference: R `glm.fit` / `summary.glm` (R 4.x), through properties R's fit has by construction:
 * a Gaussian identity fit is (weighted) least squares, with dispersion RSS/df and t tests on df;
 * a Poisson fit solves the weighted score equations Σ wᵢ xᵢ (yᵢ − μᵢ) = 0; rows with zero weight
 * leave the fit unchanged; leverages are the diagonal of W½X(X′WX)⁻¹X′W½ and add up to the rank.
 * The linear algebra of the reference side is independent (normal equations, Gauss–Jordan).
 */
import { describe, expect, it } from 'vitest';
import { InsufficientDataError, ValidationError } from '../errors.ts';
import { studentTCdf } from '../distributions/student-t.ts';
import { fitGlm } from './fit-glm.ts';
import { buildModelMatrix } from './model-matrix.ts';
import { inverseCrossProduct, weightedLeastSquares } from './normal-equations.test-support.ts';

const x1 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
const x2 = [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1];
const counts = [3, 5, 4, 8, 7, 9, 14, 11, 16, 15, 21, 19];
const continuous = [2.1, 3.9, 6.2, 7.8, 10.1, 12.2, 16.9, 18.8, 21.2, 23.1, 24.8, 27.2];
const weights = [1, 2, 1, 0.5, 1, 1, 3, 1, 1, 2, 1, 1];
const exposure = [10, 12, 11, 15, 14, 13, 20, 18, 22, 21, 25, 24];
const design = buildModelMatrix([
  { name: 'x1', values: x1 },
  { name: 'x2', values: x2 },
]);

function relative(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);
}

describe('Gaussian family', () => {
  it('is ordinary least squares, as the normal equations give it, to 1e-10', () => {
    const fit = fitGlm({ family: 'gaussian', y: continuous, design });
    const ones = continuous.map(() => 1);
    const beta = weightedLeastSquares(design.rows, continuous, ones);
    fit.coefficients.forEach((c, j) => expect(relative(c.estimate, beta[j])).toBeLessThan(1e-10));
    const rss = continuous.reduce((acc, y, i) => acc + (y - fit.fitted[i]) ** 2, 0);
    expect(relative(fit.deviance, rss)).toBeLessThan(1e-10);
    expect(relative(fit.dispersion, rss / 9)).toBeLessThan(1e-10);
    const v = inverseCrossProduct(design.rows, ones);
    fit.coefficients.forEach((c, j) => {
      expect(relative(c.stdError, Math.sqrt(v[j][j] * (rss / 9)))).toBeLessThan(1e-10);
      expect(relative(c.pValue, 2 * studentTCdf(-Math.abs(c.statistic), 9))).toBeLessThan(1e-12);
    });
    expect(fit.statisticKind).toBe('t');
    // R's glm.fit needs two iterations for an identity link: the second confirms convergence.
    expect(fit.iterations).toBe(2);
  });

  it('is weighted least squares with prior weights', () => {
    const fit = fitGlm({ family: 'gaussian', y: continuous, design, weights });
    const beta = weightedLeastSquares(design.rows, continuous, weights);
    fit.coefficients.forEach((c, j) => expect(relative(c.estimate, beta[j])).toBeLessThan(1e-10));
    const rss = continuous.reduce((acc, y, i) => acc + weights[i] * (y - fit.fitted[i]) ** 2, 0);
    expect(relative(fit.dispersion, rss / 9)).toBeLessThan(1e-10);
  });
});

describe('Poisson family', () => {
  it('solves the weighted score equations with an offset', () => {
    const offset = exposure.map(Math.log);
    const fit = fitGlm({ family: 'poisson', y: counts, design, weights, offset });
    expect(fit.converged).toBe(true);
    design.terms.forEach((_, j) => {
      const score = design.rows.reduce(
        (acc, row, i) => acc + weights[i] * row[j] * (counts[i] - fit.fitted[i]),
        0,
      );
      expect(Math.abs(score)).toBeLessThan(1e-8);
    });
    fit.fitted.forEach((mu, i) =>
      expect(relative(Math.log(mu), fit.linearPredictor[i])).toBeLessThan(1e-14),
    );
  });

  it('has covariance (X′WX)⁻¹ at the last working weights and matching z tests', () => {
    const fit = fitGlm({ family: 'poisson', y: counts, design });
    const v = inverseCrossProduct(design.rows, fit.workingWeights);
    fit.covarianceUnscaled.forEach((row, a) =>
      row.forEach((value, b) => expect(relative(value, v[a][b])).toBeLessThan(1e-10)),
    );
    expect(fit.covariance).toEqual(fit.covarianceUnscaled);
    expect(fit.statisticKind).toBe('z');
  });

  it('ignores rows with zero weight, as if they were dropped', () => {
    const w = counts.map((_, i) => (i === 3 || i === 8 ? 0 : 1));
    const withZeros = fitGlm({ family: 'poisson', y: counts, design, weights: w });
    const keep = (v: readonly number[]): number[] => v.filter((_, i) => w[i] > 0);
    const dropped = fitGlm({
      family: 'poisson',
      y: keep(counts),
      design: buildModelMatrix([
        { name: 'x1', values: keep(x1) },
        { name: 'x2', values: keep(x2) },
      ]),
    });
    withZeros.coefficients.forEach((c, j) => {
      expect(relative(c.estimate, dropped.coefficients[j].estimate)).toBeLessThan(1e-12);
      expect(relative(c.stdError, dropped.coefficients[j].stdError)).toBeLessThan(1e-12);
    });
    expect(withZeros.dfResidual).toBe(dropped.dfResidual);
    expect(withZeros.hatValues[3]).toBe(0);
    expect(withZeros.workingWeights[8]).toBe(0);
  });

  it('has leverages that are the hat-matrix diagonal and add up to the rank', () => {
    const fit = fitGlm({ family: 'quasipoisson', y: counts, design, weights });
    const v = inverseCrossProduct(design.rows, fit.workingWeights);
    design.rows.forEach((row, i) => {
      let h = 0;
      for (let a = 0; a < row.length; a++) {
        for (let b = 0; b < row.length; b++) {
          h += row[a] * v[a][b] * row[b];
        }
      }
      expect(relative(fit.hatValues[i], h * fit.workingWeights[i])).toBeLessThan(1e-10);
    });
    expect(
      relative(
        fit.hatValues.reduce((a, h) => a + h, 0),
        fit.rank,
      ),
    ).toBeLessThan(1e-12);
  });

  it('computes the AIC as R: −2 Σ log dpois(y, μ) + 2 rank', () => {
    const fit = fitGlm({ family: 'poisson', y: counts, design });
    let logLik = 0;
    counts.forEach((y, i) => {
      let logFactorial = 0;
      for (let k = 2; k <= y; k++) {
        logFactorial += Math.log(k);
      }
      logLik += y * Math.log(fit.fitted[i]) - fit.fitted[i] - logFactorial;
    });
    expect(relative(fit.aic ?? Number.NaN, -2 * logLik + 2 * 3)).toBeLessThan(1e-12);
  });

  it('reports the null deviance from the weighted mean when there is no offset', () => {
    const fit = fitGlm({ family: 'poisson', y: counts, design, weights });
    const mean =
      counts.reduce((a, y, i) => a + weights[i] * y, 0) / weights.reduce((a, w) => a + w, 0);
    const nullDev = counts.reduce(
      (a, y, i) => a + 2 * weights[i] * (y * Math.log(y / mean) - (y - mean)),
      0,
    );
    expect(relative(fit.nullDeviance, nullDev)).toBeLessThan(1e-12);
  });
});

describe('warnings, not exceptions, for statistical trouble', () => {
  it('warns when IRLS stops before converging', () => {
    const fit = fitGlm({ family: 'poisson', y: counts, design, maxIterations: 1 });
    expect(fit.converged).toBe(false);
    expect(fit.warnings.map((w) => w.code)).toContain('not_converged');
  });

  it('warns when fitted rates are numerically 0 (a group of zeros fitted to the end)', () => {
    const group = [0, 0, 0, 0, 0, 0, 1, 1, 1];
    const y = [0, 0, 0, 0, 0, 0, 3, 4, 5];
    const groupDesign = buildModelMatrix([{ name: 'group', values: group }]);
    // At R's default tolerance the zeros group stops near μ = 1e-9, short of the warning.
    const usual = fitGlm({ family: 'poisson', y, design: groupDesign });
    expect(usual.converged).toBe(true);
    expect(usual.fitted[0]).toBeLessThan(1e-8);
    const strict = fitGlm({
      family: 'poisson',
      y,
      design: groupDesign,
      epsilon: 1e-20,
      maxIterations: 100,
    });
    expect(strict.warnings.map((w) => w.code)).toContain('fitted_rates_numerically_0');
  });
});

describe('input errors', () => {
  const issue = (f: () => unknown): string => {
    try {
      f();
    } catch (e) {
      if (e instanceof ValidationError) {
        return `${e.issues[0].field}:${e.issues[0].code}:${e.issues[0].row ?? ''}`;
      }
      if (e instanceof InsufficientDataError) {
        return `insufficient:${e.needed}:${e.got}`;
      }
    }
    return 'none';
  };

  it('names an aliased term (R would report its coefficient as NA)', () => {
    const aliased = buildModelMatrix([
      { name: 'x1', values: x1 },
      { name: 'twice x1', values: x1.map((v) => 2 * v) },
    ]);
    expect(issue(() => fitGlm({ family: 'poisson', y: counts, design: aliased }))).toBe(
      'twice x1:aliased_term:',
    );
    const constant = buildModelMatrix([{ name: 'one', values: x1.map(() => 1) }]);
    expect(issue(() => fitGlm({ family: 'gaussian', y: continuous, design: constant }))).toBe(
      'one:aliased_term:',
    );
  });

  it('rejects responses outside the family, naming the row', () => {
    const negative = counts.map((v, i) => (i === 4 ? -1 : v));
    expect(issue(() => fitGlm({ family: 'poisson', y: negative, design }))).toBe('y:negative:5');
    const fractional = counts.map((v, i) => (i === 2 ? 2.5 : v));
    expect(issue(() => fitGlm({ family: 'poisson', y: fractional, design }))).toBe(
      'y:not_a_count:3',
    );
    expect(fitGlm({ family: 'quasipoisson', y: fractional, design }).converged).toBe(true);
  });

  it('rejects bad shapes, values and options', () => {
    expect(issue(() => fitGlm({ family: 'poisson', y: counts.slice(1), design }))).toBe(
      'y:length_mismatch:',
    );
    expect(
      issue(() => fitGlm({ family: 'poisson', y: counts, design, weights: weights.map(() => -1) })),
    ).toBe('weights:negative:1');
    expect(
      issue(() => fitGlm({ family: 'poisson', y: counts, design, offset: [Number.NaN] })),
    ).toBe('offset:length_mismatch:');
    expect(issue(() => fitGlm({ family: 'binomial' as 'poisson', y: counts, design }))).toBe(
      'family:invalid_family:',
    );
    expect(issue(() => fitGlm({ family: 'poisson', y: counts, design, epsilon: 0 }))).toBe(
      'epsilon:out_of_range:',
    );
  });

  it('needs more rows than coefficients (one more when the dispersion is estimated)', () => {
    const small = buildModelMatrix([{ name: 'x1', values: [1, 2] }]);
    expect(issue(() => fitGlm({ family: 'quasipoisson', y: [1, 2], design: small }))).toBe(
      'insufficient:3:2',
    );
    expect(fitGlm({ family: 'poisson', y: [1, 2], design: small }).dfResidual).toBe(0);
  });
});
