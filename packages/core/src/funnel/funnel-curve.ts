/**
 * The denominators at which the funnel is drawn. FunnelPlotR evaluates 1000 evenly spaced points
 * from 3 (proportions) or 1.1 (ratios) to the largest denominator, plus the units' own
 * (`build_limits_lookup.R`). Here: {@link CURVE_POINTS} points spaced evenly on a log scale from
 * half the smallest denominator to the largest, where funnels bend most, plus every unit's n, so
 * that the curve passes through the units' limits. Proportions use whole numbers only: exact
 * binomial limits exist only there.
 */
import type { FunnelType } from './types.ts';

/** Grid points before the units' own denominators are added. */
export const CURVE_POINTS = 100;

/**
 * Sorted, distinct denominators for drawing.
 *
 * @param type - Proportions get whole numbers ≥ 1.
 * @param denominators - The units' n, at least one, all > 0.
 */
export function curveDenominators(type: FunnelType, denominators: readonly number[]): number[] {
  const smallest = Math.min(...denominators) / 2;
  const largest = Math.max(...denominators);
  const ratio = largest / smallest;
  const grid = Array.from({ length: CURVE_POINTS }, (_, k) =>
    k === CURVE_POINTS - 1 ? largest : smallest * ratio ** (k / (CURVE_POINTS - 1)),
  );
  const points = [...grid, ...denominators].map((n) =>
    type === 'proportion' ? Math.max(1, Math.round(n)) : n,
  );
  return [...new Set(points)].sort((a, b) => a - b);
}
