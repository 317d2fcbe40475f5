/**
 * Exact Poisson funnel limits in chi-square form (FunnelPlotR 0.6.0 `calculate_limits.R`,
 * unadjusted "SR": θ·χ²(2E)/2/E and θ·χ²(2E + 2)/2/E) against:
 * - the gamma–Poisson identities they rest on (P(Pois(L) ≥ E) = p, P(Pois(U) ≤ E) = 1 − p);
 * - R 4.2.2 `qchisq` (`__fixtures__/funnel-reference.R`);
 * - the published operating characteristics of these ("exact") SMR limits in Seaton & Manktelow
 *   (2012), "The probability of being identified as an outlier with commonly used funnel plot
 *   control limits for the standardised mortality ratio", BMC Med Res Methodol 12:98, table of
 *   median, minimum and maximum probabilities of an in-control provider falling outside the 95 %
 *   limits, "exact" columns.
 */
import { describe, expect, it } from 'vitest';
import { poissonCdf } from '../distributions/index.ts';
import { exactPoissonRateLimit } from './exact-poisson-limit.ts';

const close = (actual: number, expected: number, tolerance = 1e-13) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.max(1, expected));

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

describe('exactPoissonRateLimit', () => {
  it('satisfies the gamma–Poisson identities for whole expected counts', () => {
    for (const expected of [1, 5, 20, 137]) {
      // Exposure 10 at θ = expected / 10; count limits are rate limits × 10.
      const rate = expected / 10;
      for (const p of [0.025, 0.001]) {
        const lower = exactPoissonRateLimit(p, 10, rate) * 10;
        close(poissonCdf(expected - 1, lower, 'upper'), p, 1e-12); // P(X ≥ E | mean L) = p
      }
      for (const p of [0.975, 0.999]) {
        const upper = exactPoissonRateLimit(p, 10, rate) * 10;
        close(poissonCdf(expected, upper), 1 - p, 1e-12); // P(X ≤ E | mean U) = 1 − p
      }
    }
  });

  it('matches R (qchisq) at n = 100, θ = 0.1', () => {
    close(exactPoissonRateLimit(0.025, 100, 0.1), 0.047953886961324334);
    close(exactPoissonRateLimit(0.975, 100, 0.1), 0.18390356042017778);
    close(exactPoissonRateLimit(0.001, 100, 0.1), 0.029605203727437596);
    close(exactPoissonRateLimit(0.999, 100, 0.1), 0.24133971145417588);
  });

  it('has lower limit 0 and upper limit −ln(1 − p)/n when nothing is expected', () => {
    // χ² on 2 degrees of freedom is exponential with mean 2.
    expect(exactPoissonRateLimit(0.025, 4, 0)).toBe(0);
    close(exactPoissonRateLimit(0.975, 4, 0), -Math.log(0.025) / 4);
  });

  it('reproduces Seaton & Manktelow (2012): P(outside the 95 % limits) for E in [1, 50] and (50, 100]', () => {
    // Counts are whole: O > U means O > ⌊U⌋; O < L means O ≤ ⌈L⌉ − 1. θ = 1, so n = E.
    const above = (e: number) => poissonCdf(exactPoissonRateLimit(0.975, e, 1) * e, e, 'upper');
    const below = (e: number) =>
      poissonCdf(Math.ceil(exactPoissonRateLimit(0.025, e, 1) * e) - 1, e);
    const grid = (from: number, to: number, step: number) =>
      Array.from({ length: Math.round((to - from) / step) + 1 }, (_, k) => from + k * step);
    const summary = (values: number[]) => [
      median(values),
      Math.min(...values),
      Math.max(...values),
    ];
    const within = (actual: number[], published: number[]) =>
      actual.forEach((value, k) => expect(Math.abs(value - published[k])).toBeLessThan(1e-4));

    const upTo50 = grid(1, 50, 0.002);
    within(summary(upTo50.map(above)), [0.0121, 0.0003, 0.0177]);
    within(summary(upTo50.map(below)), [0.0325, 0.0219, 0.3679]);
    within(summary(grid(50.002, 100, 0.002).map(below)), [0.0287, 0.0248, 0.0351]);
  });
});
