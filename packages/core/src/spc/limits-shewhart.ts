/**
 * Centre lines and Shewhart limits of the run, I, MR, C, P and U charts, as qicharts2 0.8.1
 * computes them (`qic.run`, `qic.i`, `qic.mr`, `qic.c`, `qic.p`, `qic.u` in
 * R/helper.functions.R; research/anchors.md §3.4). Every line comes from the part's baseline,
 * included rows.
 */
import { averageMovingRange, D2, D4, movingRanges } from './moving-range.ts';
import {
  baseValues,
  sigmaLines,
  type ChartLimits,
  type LineBounds,
  type PartFrame,
} from './part-frame.ts';
import { meanPresent, medianPresent, sumPresent } from './summary-statistics.ts';

/** Run chart: the median of the baseline; no limits. */
export const runChartLines: ChartLimits = (frame) => {
  const cl = medianPresent(baseValues(frame, frame.y));
  const none = frame.y.map(() => Number.NaN);
  return { y: frame.y, cl, lcl: none, ucl: none, lcl95: none, ucl95: none };
};

/**
 * I chart: mean ± 3·AMR/1.128. The moving ranges run over the baseline, included rows in order,
 * so an excluded row is skipped and the gap closed; a missing value breaks the chain. Not clamped.
 */
export const individualsLines: ChartLimits = (frame, context) => {
  const cl = meanPresent(baseValues(frame, frame.y));
  // qicharts2 takes diff(y[base] - cl[base]); subtracting first keeps its rounding.
  const centred = baseValues(frame, frame.y).map((value) => value - cl);
  const sigma = averageMovingRange(centred, context.screenMovingRanges) / D2;
  return sigmaLines(frame, cl, sigma);
};

/**
 * MR chart: y becomes |y[k] − y[k − 1]| over every row of the part (missing for the first), the
 * centre line is their baseline mean, UCL = 3.267 × mean, LCL = 0. Never screened.
 */
export const movingRangeLines: ChartLimits = (frame) => {
  const y = [Number.NaN, ...movingRanges(frame.y)];
  const cl = meanPresent(y.filter((_value, k) => frame.base[k]));
  const zero = y.map(() => 0);
  return {
    y,
    cl,
    lcl: zero,
    ucl: y.map(() => D4 * cl),
    lcl95: zero,
    ucl95: y.map(() => (D4 / 3) * 2 * cl),
  };
};

/** C chart: mean count ± 3√mean, LCL floored at 0 (Montgomery 7.17). */
export const countLines: ChartLimits = (frame) => {
  const cl = meanPresent(baseValues(frame, frame.y));
  const sigma = Math.sqrt(cl);
  return sigmaLines(frame, cl, sigma, 1, frame.y, FLOOR_AT_ZERO);
};

/** Σ numerator / Σ n over the baseline rows: the centre line of P, P′, U and U′ charts. */
export function pooledRate(frame: PartFrame): number {
  return sumPresent(baseValues(frame, frame.numerator)) / sumPresent(baseValues(frame, frame.n));
}

/** The binomial sigma √(p̄(1 − p̄)/n) of each row. */
export function binomialSigma(frame: PartFrame, cl: number): number[] {
  const sigma: number[] = [];
  for (let k = 0; k < frame.n.length; k++) {
    sigma.push(Math.sqrt((cl * (1 - cl)) / frame.n[k]));
  }
  return sigma;
}

/** The Poisson sigma √(ū/n) of each row (Montgomery 7.19). */
export function poissonSigma(frame: PartFrame, cl: number): number[] {
  const sigma: number[] = [];
  for (let k = 0; k < frame.n.length; k++) {
    sigma.push(Math.sqrt(cl / frame.n[k]));
  }
  return sigma;
}

/** P chart: p̄ ± 3√(p̄(1 − p̄)/n), limits clamped to [0, 1]. */
export const proportionLines: ChartLimits = (frame) => {
  const cl = pooledRate(frame);
  const sigma = binomialSigma(frame, cl);
  return sigmaLines(frame, cl, sigma, 1, frame.y, PROPORTION_BOUNDS);
};

/** U chart: ū ± 3√(ū/n), LCL floored at 0. */
export const rateLines: ChartLimits = (frame) => {
  const cl = pooledRate(frame);
  const sigma = poissonSigma(frame, cl);
  return sigmaLines(frame, cl, sigma, 1, frame.y, FLOOR_AT_ZERO);
};

/** Finite lower limits (3σ and 2σ) floored at 0, as qicharts2 does for C, U, U′ (and G). */
export const FLOOR_AT_ZERO: LineBounds = { floor: 0 };

/** Finite limits (3σ and 2σ) clamped to [0, 1], as qicharts2 does for P and P′. */
export const PROPORTION_BOUNDS: LineBounds = { floor: 0, ceiling: 1 };
