/**
 * The 95 % and 99.8 % limits at one denominator: exact (binomial with Spiegelhalter's
 * interpolation, or Poisson in chi-square form), widened by the additive random-effects limits
 * when the over-dispersion adjustment applies.
 *
 * Where the normal approximation on the transformed scale is narrower than the exact limits
 * (small n, small τ²), the exact limit is kept: the adjustment may widen the funnel, never narrow
 * it. FunnelPlotR draws the transformed-scale limits alone; the two agree wherever τ² matters.
 */
import { normalQuantile } from '../distributions/index.ts';
import { exactBinomialLimit } from './exact-binomial-limit.ts';
import { exactPoissonRateLimit } from './exact-poisson-limit.ts';
import type { FunnelScale } from './funnel-scale.ts';
import type { FunnelLimits, FunnelType } from './types.ts';

/** Lower and upper tail probabilities of the two funnels. */
const P95 = [0.025, 0.975] as const;
const P998 = [0.001, 0.999] as const;
/** 1.959964 and 3.090232, FunnelPlotR's constants, to full precision. */
const Z95 = normalQuantile(P95[1]);
const Z998 = normalQuantile(P998[1]);

/** Everything the limits depend on besides n. */
export interface LimitContext {
  readonly type: FunnelType;
  /** Target on the natural scale (unmultiplied). */
  readonly theta: number;
  readonly scale: FunnelScale;
  /** τ² when the adjustment applies, otherwise null. */
  readonly tau2: number | null;
}

/**
 * True when a unit with this value (× multiply) is surely inside the 99.8 % limits that
 * {@link limitsAt} gives at n once multiplied, without computing the exact limits: with τ² the
 * limits in use are never narrower than the random-effects ones (each is the wider of the two, then
 * widened to bracket θ), and multiplying by a positive factor keeps the order of doubles, so a
 * value within the multiplied random-effects limits is within the multiplied limits in use. False
 * when it cannot tell (no τ², or the value outside those limits).
 */
export function surelyInside998(
  value: number,
  n: number,
  multiply: number,
  context: LimitContext,
): boolean {
  const { scale, tau2 } = context;
  if (tau2 === null) {
    return false;
  }
  const [lower, upper] = scale.limits(Z998, n, tau2);
  return value <= upper * multiply && value >= lower * multiply;
}

/**
 * Limits at denominator n on the natural scale (multiply not applied). They always bracket θ:
 * at very small n the interpolated binomial limit can fall on the wrong side of θ (n = 1,
 * θ = 0.99 gives an upper 95 % limit of 0.975), and a unit at the target is never an outlier.
 *
 * @param n - Trials (a whole number ≥ 1) or exposure (> 0).
 * @param context - Type, target, scale and τ².
 */
export function limitsAt(n: number, context: LimitContext): FunnelLimits {
  const { type, theta, scale, tau2 } = context;
  const exact = (p: number) =>
    type === 'proportion' ? exactBinomialLimit(p, n, theta) : exactPoissonRateLimit(p, n, theta);
  let [lower95, upper95] = [exact(P95[0]), exact(P95[1])];
  let [lower998, upper998] = [exact(P998[0]), exact(P998[1])];
  if (tau2 !== null) {
    const [adjustedLower95, adjustedUpper95] = scale.limits(Z95, n, tau2);
    const [adjustedLower998, adjustedUpper998] = scale.limits(Z998, n, tau2);
    lower95 = Math.min(lower95, adjustedLower95);
    upper95 = Math.max(upper95, adjustedUpper95);
    lower998 = Math.min(lower998, adjustedLower998);
    upper998 = Math.max(upper998, adjustedUpper998);
  }
  return {
    lower95: Math.min(lower95, theta),
    upper95: Math.max(upper95, theta),
    lower998: Math.min(lower998, theta),
    upper998: Math.max(upper998, theta),
  };
}
