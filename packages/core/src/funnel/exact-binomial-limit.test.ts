/**
 * Exact binomial funnel limits against Spiegelhalter (2005) Stat Med 24:1185–1202, appendix
 * (exact limits for a proportion: r_p, α = (F(r_p) − p) / (F(r_p) − F(r_p − 1)), (r_p − α) / n),
 * worked by hand for one n, and against R 4.2.2 `qbinom`/`pbinom` through
 * `__fixtures__/funnel-reference.R`. FunnelPlotR 0.6.0 draws unadjusted proportion limits on the
 * arcsine scale instead (`calculate_limits.R` with τ² = 0); the last tests show where the two
 * agree and where they do not.
 */
import { describe, expect, it } from 'vitest';
import { exactBinomialLimit } from './exact-binomial-limit.ts';

/** Bin(n, θ) distribution function by direct summation (for (1 − θ)^n above underflow). */
function binomialCdfBySum(x: number, n: number, theta: number): number {
  let term = (1 - theta) ** n; // P(Y = 0)
  let sum = 0;
  for (let k = 0; k <= x; k++) {
    sum += term;
    term *= ((n - k) / (k + 1)) * (theta / (1 - theta));
  }
  return sum;
}

const close = (actual: number, expected: number, tolerance = 1e-13) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.max(1, expected));

describe('exactBinomialLimit', () => {
  it('works the upper 95 % limit for n = 20, θ = 0.1 by hand', () => {
    // F(4) = 0.95682550…, F(5) = 0.98874687…: the 0.975-quantile is r = 5.
    const f4 = binomialCdfBySum(4, 20, 0.1);
    const f5 = binomialCdfBySum(5, 20, 0.1);
    close(f4, 0.95682550471553651, 1e-14);
    close(f5, 0.98874686583549098, 1e-14);
    // α = (0.98874687 − 0.975) / (0.98874687 − 0.95682550) = 0.43065; (5 − α) / 20 = 0.22847.
    const alpha = (f5 - 0.975) / (f5 - f4);
    close(alpha, 0.4306478594, 1e-9);
    close(exactBinomialLimit(0.975, 20, 0.1), (5 - alpha) / 20);
    close(exactBinomialLimit(0.975, 20, 0.1), 0.22846760702992447);
  });

  it('clamps a lower limit at 0 when the quantile is 0 (r_p − α < 0)', () => {
    // F(0) = 0.9^20 = 0.1216 ≥ 0.025, so r = 0 and (0 − α) / 20 < 0.
    expect(exactBinomialLimit(0.025, 20, 0.1)).toBe(0);
    expect(exactBinomialLimit(0.001, 20, 0.1)).toBe(0);
  });

  it('matches R (qbinom, pbinom) at n = 20 and n = 200', () => {
    close(exactBinomialLimit(0.999, 20, 0.1), 0.33517182168528231);
    close(exactBinomialLimit(0.025, 200, 0.3), 0.23503053706865695);
    close(exactBinomialLimit(0.975, 200, 0.3), 0.3620407753492052);
    close(exactBinomialLimit(0.001, 200, 0.3), 0.20052326021092864);
    close(exactBinomialLimit(0.999, 200, 0.3), 0.40010540622820101);
  });

  it('is the p-quantile of Y − U, U ~ Uniform(0, 1): the interpolated distribution function gives back p', () => {
    for (const [n, theta] of [
      [7, 0.35],
      [50, 0.02],
      [333, 0.5],
      [250, 0.9],
    ]) {
      for (const p of [0.001, 0.025, 0.975, 0.999]) {
        const count = exactBinomialLimit(p, n, theta) * n;
        if (count <= 0) {
          continue;
        }
        const k = Math.ceil(count);
        const below = binomialCdfBySum(k - 1, n, theta);
        const mass = binomialCdfBySum(k, n, theta) - below;
        close(below + (count - (k - 1)) * mass, p, 1e-11);
      }
    }
  });

  it('is not monotone in n, but moves by less than 2/n between neighbours', () => {
    // θ = 0.01: the upper 95 % limit rises from n = 2 to n = 3 as the step at r moves.
    const atTwo = exactBinomialLimit(0.975, 2, 0.01);
    const atThree = exactBinomialLimit(0.975, 3, 0.01);
    expect(atThree).toBeGreaterThan(atTwo);
    expect(atThree - atTwo).toBeLessThan(2 / 2);
  });

  it("agrees with FunnelPlotR's arcsine limits for large n and departs from them for small n", () => {
    const arcsine = (z: number, n: number, theta: number) =>
      Math.sin(Math.asin(Math.sqrt(theta)) + z / (2 * Math.sqrt(n))) ** 2;
    // n = 100 000, θ = 0.3: both ≈ 0.30284 at 95 %.
    expect(
      Math.abs(exactBinomialLimit(0.975, 100_000, 0.3) - arcsine(1.959964, 100_000, 0.3)),
    ).toBeLessThan(2e-5);
    // n = 20, θ = 0.1: exact 0.3352 against the arcsine 0.3841 at 99.8 %.
    expect(arcsine(3.090232, 20, 0.1) - exactBinomialLimit(0.999, 20, 0.1)).toBeGreaterThan(0.04);
  });
});
