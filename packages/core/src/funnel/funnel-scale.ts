/**
 * The variance-stabilised scales on which over-dispersion is estimated and the adjusted limits
 * are drawn (Spiegelhalter 2005, QSHC 14:347–351; FunnelPlotR 0.6.0 `transformed_zscore`,
 * `calculate_limits`).
 *
 * - Proportions ("PR"): Y = asin √(y/n), s = 1 / (2√n), centre asin √θ.
 * - Rates, as standardised ratios to the expected count E = θ·n ("SR", the "CQC" method): Y =
 *   √(y/E), s = 1 / (2√E), centre 1, so z = 2(√y − √E). FunnelPlotR's default for ratios is the
 *   "SHMI" log scale with truncation; the square root is Spiegelhalter's own choice and, unlike
 *   log(y/E), is defined for units with no events, which small org units often have.
 *
 * Limits are θ̃ ± z·√(s² + τ²) transformed back. FunnelPlotR does not square the "CQC" limits
 * back (its issue #33); here they are squared, so with τ² = 0 they approximate the Poisson
 * limits instead of being half as wide.
 */
import type { FunnelType } from './types.ts';

/** A funnel type's transformation, fixed to one target θ (unmultiplied). */
export interface FunnelScale {
  readonly transform: 'arcsine' | 'square-root';
  /** Inverse within-unit variance 1/s² at denominator n: the unit's weight in τ². */
  weight(n: number): number;
  /** (Y − centre) / s for a unit, without over-dispersion. */
  zScore(y: number, n: number): number;
  /** (Y − centre) / √(s² + τ²). */
  adjustedZScore(y: number, n: number, tau2: number): number;
  /**
   * Lower and upper limits (unmultiplied) at n for the half-width z·√(s² + τ²) on the
   * transformed scale, transformed back.
   */
  limits(z: number, n: number, tau2: number): readonly [number, number];
}

/**
 * The scale for `type` around the target θ.
 *
 * @param type - Proportion (arcsine) or rate (square root of the ratio to expected).
 * @param theta - Target on the natural scale: a proportion in [0, 1] or a rate ≥ 0.
 */
export function funnelScale(type: FunnelType, theta: number): FunnelScale {
  return type === 'proportion' ? arcsineScale(theta) : squareRootScale(theta);
}

function arcsineScale(theta: number): FunnelScale {
  const centre = Math.asin(Math.sqrt(theta));
  const se = (n: number) => 1 / (2 * Math.sqrt(n));
  const angle = (y: number, n: number) => Math.asin(Math.sqrt(Math.min(1, y / n)));
  return {
    transform: 'arcsine',
    weight: (n) => 1 / se(n) ** 2,
    zScore: (y, n) => (angle(y, n) - centre) / se(n),
    adjustedZScore: (y, n, tau2) => (angle(y, n) - centre) / Math.sqrt(se(n) ** 2 + tau2),
    limits(z, n, tau2) {
      const h = z * Math.sqrt(se(n) ** 2 + tau2);
      // sin² folds back beyond 0 and π/2; FunnelPlotR cuts those stretches to 0 and 1 so that the
      // limits stay monotone in n (its NEWS 0.4.0), which is exactly this clamp of the angle.
      const low = centre - h;
      const high = centre + h;
      return [low <= 0 ? 0 : Math.sin(low) ** 2, high >= Math.PI / 2 ? 1 : Math.sin(high) ** 2];
    },
  };
}

/**
 * On this scale s² = 1/(4E) overflows when E is tiny, so every formula is written with √E
 * multiplied through: the z-scores as (√y − √E) / √(1/4 + E·τ²), the limits as
 * (√θ ± z·√(1/(4n) + θ·τ²))². (τ² itself grows as 1/θ when θ is tiny: given rate targets are
 * held to at least 1e-12 expected events, see `resolveFunnelInput`.)
 */
function squareRootScale(theta: number): FunnelScale {
  const expected = (n: number) => theta * n;
  const rootTheta = Math.sqrt(theta);
  return {
    transform: 'square-root',
    weight: (n) => 4 * expected(n),
    // 2(√y − √E) stays finite when E = 0 (every unit without events).
    zScore: (y, n) => 2 * (Math.sqrt(y) - Math.sqrt(expected(n))),
    adjustedZScore: (y, n, tau2) =>
      (Math.sqrt(y) - Math.sqrt(expected(n))) / Math.sqrt(0.25 + expected(n) * tau2),
    limits(z, n, tau2) {
      const h = z * Math.sqrt(1 / (4 * n) + theta * tau2);
      // (√θ − h)² would rise again once h > √θ: the ratio cannot fall below 0.
      return [h >= rootTheta ? 0 : (rootTheta - h) ** 2, (rootTheta + h) ** 2];
    },
  };
}
