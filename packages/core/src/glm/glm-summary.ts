/**
 * The inference R's `summary.glm` reports: dispersion, scaled and unscaled covariance, and the
 * coefficient table with z tests (fixed dispersion) or t tests on the residual degrees of freedom
 * (estimated dispersion).
 */
import { standardNormalTails } from '../distributions/normal.ts';
import { studentTTails } from '../distributions/student-t.ts';
import type { GlmCoefficient } from './types.ts';

/** What the summary needs from the fit. */
export interface SummaryInput {
  readonly terms: readonly string[];
  readonly coefficients: readonly number[];
  readonly covarianceUnscaled: readonly (readonly number[])[];
  readonly fixedDispersion: boolean;
  readonly dfResidual: number;
  /** Working weights and working residuals of the final fit. */
  readonly workingWeights: readonly number[];
  readonly workingResiduals: readonly number[];
}

/** What the summary gives. */
export interface GlmSummary {
  readonly dispersion: number;
  readonly covariance: number[][];
  readonly coefficients: GlmCoefficient[];
  readonly statisticKind: 'z' | 't';
}

/**
 * R's dispersion estimate: Σ wᵢ rᵢ² / df over rows with positive working weight.
 *
 * @param weights - Working weights.
 * @param residuals - Working residuals.
 * @param df - Residual degrees of freedom, > 0.
 * @returns The dispersion.
 */
export function estimateDispersion(
  weights: readonly number[],
  residuals: readonly number[],
  df: number,
): number {
  let sum = 0;
  weights.forEach((w, i) => {
    if (w > 0) {
      sum += w * residuals[i] * residuals[i];
    }
  });
  return sum / df;
}

/**
 * Builds the coefficient table and the scaled covariance.
 *
 * @param input - Estimates, unscaled covariance, family type and working quantities.
 * @returns Dispersion, covariance and the table.
 */
export function summarizeGlm(input: SummaryInput): GlmSummary {
  const dispersion = input.fixedDispersion
    ? 1
    : estimateDispersion(input.workingWeights, input.workingResiduals, input.dfResidual);
  const covariance = input.covarianceUnscaled.map((row) => row.map((v) => v * dispersion));
  const statisticKind = input.fixedDispersion ? 'z' : 't';
  const coefficients = input.terms.map((term, j): GlmCoefficient => {
    const estimate = input.coefficients[j];
    const stdError = Math.sqrt(covariance[j][j]);
    const statistic = estimate / stdError;
    const lowerTail =
      statisticKind === 'z'
        ? standardNormalTails(-Math.abs(statistic)).lower
        : studentTTails(-Math.abs(statistic), input.dfResidual).lower;
    return { term, estimate, stdError, statistic, pValue: 2 * lowerTail };
  });
  return { dispersion, covariance, coefficients, statisticKind };
}
