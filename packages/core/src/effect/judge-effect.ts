/**
 * A plain-language verdict on an estimated effect, for the people who made a change: did it
 * work, make no detectable difference, make things worse, or is it too early to tell; and did
 * it meet the team's prediction. The rules are deliberately simple and stated in full below,
 * so that a verdict can always be explained.
 */
import { ValidationError } from '../errors.ts';

/** An effect with its 95 % interval. */
export interface EffectEstimate {
  /**
   * `ratio`: a rate ratio (no effect = 1), e.g. `rateRatio`, `rrCiLower`, `rrCiUpper` of an ITS
   * level change or a DiD effect; `difference`: a difference (no effect = 0), e.g. a Gaussian
   * estimate and its `ciLower`, `ciUpper`.
   */
  readonly scale: 'ratio' | 'difference';
  readonly estimate: number;
  readonly ciLower: number;
  readonly ciUpper: number;
  /** Which way is better for this measure: `higher` (e.g. coverage) or `lower` (e.g. events). */
  readonly better: 'higher' | 'lower';
  /** Observations after the change; with `minimumPostPoints`, decides "too early to tell". */
  readonly postPoints?: number;
  /** Fewest observations after the change before a verdict is given; default 0 (no minimum). */
  readonly minimumPostPoints?: number;
}

/** The effect the team predicted, on the same scale (e.g. rate ratio 0.9 for "10 % fewer"). */
export interface EffectPrediction {
  readonly value: number;
}

/** The four verdicts. */
export type EffectVerdict = 'worked' | 'no_detectable_effect' | 'worse' | 'too_early_to_tell';

/** A verdict and, when a prediction was given, whether it was met. */
export interface EffectJudgement {
  readonly verdict: EffectVerdict;
  /** 1 for ratios, 0 for differences. */
  readonly noEffect: number;
  /**
   * The point estimate is at least as good as predicted (≤ the prediction when lower is better,
   * ≥ when higher is better); `null` without a prediction or when it is too early to tell.
   */
  readonly predictionMet: boolean | null;
  /** The prediction lies within the 95 % interval: the data are compatible with it; `null` as above. */
  readonly predictionWithinInterval: boolean | null;
}

function checkNumber(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw ValidationError.of(
      field,
      'not_a_number',
      `${field} must be a finite number, got ${String(value)}`,
    );
  }
  return value;
}

/**
 * Judges an effect estimate:
 * - `too_early_to_tell` when `postPoints` < `minimumPostPoints`;
 * - otherwise `worked` when the whole 95 % interval lies on the better side of no effect,
 *   `worse` when it lies wholly on the worse side, and `no_detectable_effect` when it contains
 *   no effect (an interval touching it counts as containing it).
 *
 * @param estimate - The effect, its interval, its scale and which way is better.
 * @param prediction - The predicted effect, if the team made one.
 * @returns The verdict and whether the prediction was met.
 * @throws ValidationError for non-finite numbers, an interval that does not contain the
 * estimate, a ratio ≤ 0, or an unknown scale or direction.
 * @example
 * ```ts
 * judgeEffect(
 *   { scale: 'ratio', estimate: 0.885, ciLower: 0.839, ciUpper: 0.933, better: 'lower' },
 *   { value: 0.9 },
 * ); // { verdict: 'worked', noEffect: 1, predictionMet: true, predictionWithinInterval: true }
 * ```
 */
export function judgeEffect(
  estimate: EffectEstimate,
  prediction?: EffectPrediction,
): EffectJudgement {
  if (estimate.scale !== 'ratio' && estimate.scale !== 'difference') {
    throw ValidationError.of(
      'scale',
      'invalid_option',
      `scale must be ratio or difference, got ${String(estimate.scale)}`,
    );
  }
  if (estimate.better !== 'higher' && estimate.better !== 'lower') {
    throw ValidationError.of(
      'better',
      'invalid_option',
      `better must be higher or lower, got ${String(estimate.better)}`,
    );
  }
  const value = checkNumber('estimate', estimate.estimate);
  const lower = checkNumber('ciLower', estimate.ciLower);
  const upper = checkNumber('ciUpper', estimate.ciUpper);
  if (!(lower <= value && value <= upper)) {
    throw ValidationError.of(
      'ciLower',
      'invalid_interval',
      `the interval ${lower}–${upper} must contain the estimate ${value}`,
    );
  }
  if (estimate.scale === 'ratio' && !(lower > 0)) {
    throw ValidationError.of(
      'ciLower',
      'out_of_range',
      `a ratio and its interval must be > 0, got ${lower}`,
    );
  }
  const predicted =
    prediction === undefined ? undefined : checkNumber('prediction', prediction.value);
  const noEffect = estimate.scale === 'ratio' ? 1 : 0;
  const minimum = estimate.minimumPostPoints ?? 0;
  if (
    estimate.postPoints !== undefined &&
    checkNumber('postPoints', estimate.postPoints) < checkNumber('minimumPostPoints', minimum)
  ) {
    return {
      verdict: 'too_early_to_tell',
      noEffect,
      predictionMet: null,
      predictionWithinInterval: null,
    };
  }
  // Orient so that "larger is better": a better-lower measure is judged on its negation.
  const sign = estimate.better === 'higher' ? 1 : -1;
  const [bestCase, worstCase] = sign > 0 ? [upper, lower] : [lower, upper];
  let verdict: EffectVerdict = 'no_detectable_effect';
  if (sign * (worstCase - noEffect) > 0) {
    verdict = 'worked';
  } else if (sign * (bestCase - noEffect) < 0) {
    verdict = 'worse';
  }
  return {
    verdict,
    noEffect,
    predictionMet: predicted === undefined ? null : sign * (value - predicted) >= 0,
    predictionWithinInterval:
      predicted === undefined ? null : lower <= predicted && predicted <= upper,
  };
}
