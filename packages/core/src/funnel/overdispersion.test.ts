/**
 * Winsorisation, φ, the χ² test and DerSimonian–Laird τ² against FunnelPlotR 0.6.0
 * (`winsorisation`, `phi_func`, `tau_func` in `R/od_adjustment.R`; R's `quantile` type 7) and
 * Spiegelhalter (2005) QSHC 14:347–351, worked by hand on five units of n = 100 and checked in
 * R 4.2.2 (`__fixtures__/funnel-reference.R`, "hand5").
 */
import { describe, expect, it } from 'vitest';
import { estimateOverdispersion } from './overdispersion.ts';
import { quantileType7, winsorise } from './winsorise.ts';

const close = (actual: number, expected: number, tolerance = 1e-12) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(
    tolerance * Math.max(1, Math.abs(expected)),
  );

/**
 * Five units with n = 100 and y = 10, 20, 30, 40, 50: θ = 0.3 and
 * z_i = 2√100 · (asin √p_i − asin √0.3) = −5.1578, −2.3198, 0, 2.1016, 4.1152.
 */
const theta = 0.3;
const z = [0.1, 0.2, 0.3, 0.4, 0.5].map(
  (p) => 20 * (Math.asin(Math.sqrt(p)) - Math.asin(Math.sqrt(theta))),
);
const s = z.map(() => 1 / (2 * Math.sqrt(100)));

describe('quantileType7', () => {
  it("interpolates as R's quantile() does, to the last bit", () => {
    // quantile(c(1, 2, 3, 4, 10), c(0.1, 0.9)) prints 1.3999999999999999 7.5999999999999979.
    expect(quantileType7([1, 2, 3, 4, 10], 0.1)).toBe(1.3999999999999999);
    expect(quantileType7([1, 2, 3, 4, 10], 0.9)).toBe(7.5999999999999979);
    expect(quantileType7([1, 2, 3, 4, 10], 0)).toBe(1);
    expect(quantileType7([1, 2, 3, 4, 10], 1)).toBe(10);
    expect(quantileType7([5], 0.1)).toBe(5);
  });
});

describe('winsorise', () => {
  it('pulls the lowest and highest 10 % to Z_0.1 and Z_0.9, keeping every unit in place', () => {
    // Z_0.1 = z(1) + 0.4·(z(2) − z(1)) = −4.0226; Z_0.9 = z(4) + 0.6·(z(5) − z(4)) = 3.3097.
    const w = winsorise(z, 0.1);
    close(w[0], -4.0226072825079298);
    close(w[4], 3.3097367775135589);
    expect(w.slice(1, 4)).toEqual(z.slice(1, 4));
  });

  it('leaves the z-scores alone with trimBy = 0', () => {
    expect(winsorise(z, 0)).toEqual(z);
  });
});

describe('estimateOverdispersion', () => {
  it('works φ, τ² and the χ² test by hand', () => {
    const estimate = estimateOverdispersion(
      z,
      s.map((x) => 1 / x ** 2),
      0.1,
    );
    // φ = (4.0226² + 2.3198² + 0 + 2.1016² + 3.3097²) / 5 = 36.934 / 5 = 7.3868.
    close(estimate.phi, 7.3868148176639554);
    close(estimate.statistic, 36.934074088319775);
    expect(estimate.df).toBe(4);
    // w_i = 1/s² = 400: Σw − Σw²/Σw = 2000 − 400 = 1600; τ² = (36.934 − 4) / 1600 = 0.020584.
    close(estimate.tau2, (estimate.statistic - 4) / 1600);
    close(estimate.tau2, 0.020583796305199863);
    close(estimate.pValue, 1.858521416119623e-7, 1e-9); // pchisq(36.934, 4, lower.tail = FALSE)
  });

  it('sets τ² = 0 when I·φ < I − 1, as FunnelPlotR does', () => {
    const estimate = estimateOverdispersion([-0.5, 0.2, 0.1, 0.4], [100, 100, 25, 400], 0.1);
    expect(estimate.statistic).toBeLessThan(3);
    expect(estimate.tau2).toBe(0);
    expect(estimate.pValue).toBeGreaterThan(0.5);
  });

  it('weights units by 1/s² (unequal sizes)', () => {
    const zs = [3, -2, 4, -5, 1];
    const ses = [0.05, 0.1, 0.02, 0.2, 0.07];
    const w = ses.map((x) => 1 / x ** 2);
    const estimate = estimateOverdispersion(zs, w, 0);
    const sw = w.reduce((a, b) => a + b);
    const sw2 = w.reduce((a, b) => a + b * b, 0);
    close(estimate.phi, (9 + 4 + 16 + 25 + 1) / 5);
    close(estimate.tau2, (55 - 4) / (sw - sw2 / sw));
  });
});
