/**
 * Laney's P′ and U′ charts (Laney 2002), as qicharts2 0.8.1 `qic.pp` and `qic.up` compute them
 * for an ordered x: the Shewhart sigma of each row is inflated by σ_z, the moving-range sigma of
 * the baseline z-scores z_k = (y_k − cl)/σ_k (screened like an I chart when the option is on).
 *
 * qicharts2 uses sd(z) instead when x is categorical (a funnel-style chart); Sankofa's x is
 * always an ordered series, so that branch is not taken here.
 */
import { averageMovingRange, D2 } from './moving-range.ts';
import {
  baseValues,
  sigmaLines,
  type ChartLimits,
  type LimitsContext,
  type PartFrame,
} from './part-frame.ts';
import {
  binomialSigma,
  FLOOR_AT_ZERO,
  PROPORTION_BOUNDS,
  poissonSigma,
  pooledRate,
} from './limits-shewhart.ts';

/** σ_z = AMR(z)/1.128 over the baseline rows; NaN when it cannot be computed. */
export function laneySigmaZ(
  frame: PartFrame,
  cl: number,
  sigma: readonly number[],
  context: LimitsContext,
): number {
  const z: number[] = [];
  for (let k = 0; k < frame.y.length; k++) {
    z.push((frame.y[k] - cl) / sigma[k]);
  }
  return averageMovingRange(baseValues(frame, z), context.screenMovingRanges) / D2;
}

/** P′ chart: p̄ ± 3·σ_z·√(p̄(1 − p̄)/n), limits clamped to [0, 1]. */
export const laneyProportionLines: ChartLimits = (frame, context) => {
  const cl = pooledRate(frame);
  const sigma = binomialSigma(frame, cl);
  const sigmaZ = laneySigmaZ(frame, cl, sigma, context);
  return sigmaLines(frame, cl, sigma, sigmaZ, frame.y, PROPORTION_BOUNDS);
};

/** U′ chart: ū ± 3·σ_z·√(ū/n), LCL floored at 0. */
export const laneyRateLines: ChartLimits = (frame, context) => {
  const cl = pooledRate(frame);
  const sigma = poissonSigma(frame, cl);
  const sigmaZ = laneySigmaZ(frame, cl, sigma, context);
  return sigmaLines(frame, cl, sigma, sigmaZ, frame.y, FLOOR_AT_ZERO);
};
