/**
 * The over-dispersion factor φ, its χ² test and the DerSimonian–Laird between-unit variance τ²
 * (Spiegelhalter 2005, QSHC 14:347–351; FunnelPlotR 0.6.0 `phi_func`, `tau_func`):
 *
 *   φ = (1/I) Σ z̃_i²  (z̃ the Winsorised z-scores),
 *   τ² = 0 when I·φ < I − 1, else max(0, (I·φ − (I − 1)) / (Σw_i − Σw_i² / Σw_i)), w_i = 1/s_i².
 *
 * Under no over-dispersion I·φ is roughly χ² on I − 1 degrees of freedom (Spiegelhalter's test).
 */
import { chiSquareCdf } from '../distributions/index.ts';
import { winsorise } from './winsorise.ts';

/** φ, τ² and the χ² test of I·φ. */
export interface OverdispersionEstimate {
  readonly phi: number;
  readonly tau2: number;
  readonly statistic: number;
  readonly df: number;
  readonly pValue: number;
}

/**
 * Estimates over-dispersion from unadjusted z-scores and within-unit weights.
 *
 * @param z - z-scores on the transformed scale, one per unit (at least two).
 * @param weights - w_i = 1/s_i² of the same units, in the same order.
 * @param trimBy - Share Winsorised in each tail.
 */
export function estimateOverdispersion(
  z: readonly number[],
  weights: readonly number[],
  trimBy: number,
): OverdispersionEstimate {
  const units = z.length;
  const phi = winsorise(z, trimBy).reduce((sum, value) => sum + value * value, 0) / units;
  const statistic = units * phi;
  const df = units - 1;
  return {
    phi,
    tau2: statistic < df ? 0 : dersimonianLaird(statistic, df, weights),
    statistic,
    df,
    pValue: chiSquareCdf(statistic, df, 'upper'),
  };
}

function dersimonianLaird(statistic: number, df: number, weights: readonly number[]): number {
  const sum = weights.reduce((total, w) => total + w, 0);
  const sumOfSquares = weights.reduce((total, w) => total + w * w, 0);
  const tau2 = (statistic - df) / (sum - sumOfSquares / sum);
  // A zero or undefined denominator (all weight on one unit) leaves nothing to spread: τ² = 0.
  return Number.isFinite(tau2) ? Math.max(0, tau2) : 0;
}
