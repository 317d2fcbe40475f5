/**
 * Reference: R package surveillance 1.20.3, `farrington()` with `algo.farrington.fitGLM.fast`
 * (R/algo_farrington.R), on the salmonella.agona case of shared/validation-data (README §2;
 * expected.json from R 4.2.2). This test re-enacts that function's GLM steps with this module —
 * quasi-Poisson fit, dispersion φ = max(summary dispersion, 1), standardized Anscombe residuals
 * with leverages, reweighting, the t test of the trend, and the prediction with its standard error
 * at dispersion φ — and checks the expected count μ₀, the quantile pd_q and the upper bound
 * against R to 1e-12 (observed: 4e-15). It is a check of the GLM building blocks, not Sankofa's outbreak module.
 */

import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';
import { normalCdf, normalQuantile } from '../distributions/normal.ts';
import { anscombeResiduals } from './anscombe-residuals.ts';
import { fitGlm } from './fit-glm.ts';
import { buildModelMatrix } from './model-matrix.ts';
import { predictGlm } from './predict-glm.ts';
import type { GlmFit } from './types.ts';
import { validationPath } from '../validation-data.test-support.ts';

const DIR = validationPath('farrington_salmonella_agona/');

interface ExpectedPoint {
  readonly t: number;
  readonly observed: number;
  readonly upperbound: number;
  readonly alarm: boolean;
  readonly pd_q: number;
  readonly pd_m_expected: number;
}

const observed = readFileSync(`${DIR}input.csv`, 'utf8')
  .trim()
  .split(/\r?\n/)
  .slice(1)
  .map((line) => Number(line.split(',')[3]));
const expected = (
  JSON.parse(readFileSync(`${DIR}expected.json`, 'utf8')) as { points: ExpectedPoint[] }
).points;

/** surveillance's algo.farrington.assign.weights with threshold 1. */
function farringtonWeights(s: readonly number[]): number[] {
  const gamma = s.length / s.reduce((acc, v) => acc + (v > 1 ? v ** -2 : 1), 0);
  return s.map((v) => (v > 1 ? gamma * v ** -2 : gamma));
}

/** algo.farrington.fitGLM.fast: fit, then refit with Anscombe-residual weights. */
function fitFast(
  response: number[],
  wtime: number[],
  trend: boolean,
): { model: GlmFit; phi: number } {
  const design = buildModelMatrix(trend ? [{ name: 'wtime', values: wtime }] : [], {
    rowCount: response.length,
  });
  let model = fitGlm({ family: 'quasipoisson', y: response, design });
  if (!model.converged && trend) {
    return fitFast(response, wtime, false);
  }
  const phi = Math.max(model.dispersion, 1);
  const weights = farringtonWeights(anscombeResiduals(model, phi));
  model = fitGlm({ family: 'quasipoisson', y: response, design, weights });
  return { model, phi: Math.max(model.dispersion, 1) };
}

/** One monitored week of farrington(b = 4, w = 3, alpha = 0.01, powertrans "2/3"). */
function farringtonWeek(k: number): { mu0: number; q: number; upper: number } {
  const [b, w, freq, alpha] = [4, 3, 52, 0.01];
  const wtime: number[] = [];
  for (let i = b; i >= 1; i--) {
    for (let t = k - freq * i - w; t <= k - freq * i + w; t++) {
      if (t > 0) {
        wtime.push(t);
      }
    }
  }
  const response = wtime.map((t) => observed[t - 1]);
  let { model, phi } = fitFast(response, wtime, true);
  const slope = model.coefficients.find((c) => c.term === 'wtime');
  if (slope !== undefined) {
    const significant = slope.pValue < 0.05;
    const mu0Hat = predictGlm(model, { wtime: k }).response;
    if (!(b >= 3 && significant && mu0Hat <= Math.max(...response))) {
      ({ model, phi } = fitFast(response, wtime, false));
    }
  }
  const row: Record<string, number> = model.terms.length === 2 ? { wtime: k } : {};
  const pred = predictGlm(model, row, { dispersion: phi });
  const mu0 = pred.response;
  const tau = phi + pred.responseStdError ** 2 / mu0;
  const se = Math.sqrt((4 / 9) * mu0 ** (1 / 3) * tau);
  const upper = (mu0 ** (2 / 3) + normalQuantile(1 - alpha / 2) * se) ** 1.5;
  const q = normalCdf(observed[k - 1] ** (2 / 3), mu0 ** (2 / 3), se);
  return { mu0, q, upper };
}

describe('surveillance farrington() GLM steps on salmonella.agona, weeks 270–312', () => {
  it('reproduces μ₀, pd_q and the upper bound of R to 1e-12', () => {
    expect(expected).toHaveLength(43);
    for (const point of expected) {
      const { mu0, q, upper } = farringtonWeek(point.t);
      expect(Math.abs(mu0 / point.pd_m_expected - 1)).toBeLessThan(1e-12);
      expect(Math.abs(q - point.pd_q)).toBeLessThan(1e-12);
      const recent = observed.slice(point.t - 4, point.t).reduce((a, v) => a + v, 0);
      if (recent >= 5) {
        expect(Math.abs(upper / point.upperbound - 1)).toBeLessThan(1e-12);
        const alarm = (point.observed - mu0) / (upper - mu0) > 1;
        expect(alarm).toBe(point.alarm);
      } else {
        expect(point.upperbound).toBe(0);
      }
    }
  });
});
