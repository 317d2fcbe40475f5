/**
 * Winsorisation as FunnelPlotR 0.6.0 does it (`winsorisation` in `od_adjustment.R`): the lowest
 * and highest `trimBy` shares of the z-scores are pulled in to R's `quantile(z, trimBy)` and
 * `quantile(z, 1 − trimBy)` (type 7, R's default), keeping every unit (Spiegelhalter 2005, QSHC:
 * "set the lowest 100q % of z-scores to Z_q, and the highest 100q % to Z_{1−q}").
 */

/**
 * R's default sample quantile (type 7): linear interpolation between order statistics at the
 * 1-based index 1 + (m − 1)·q, with R's arithmetic ((1 − h)·x_lo + h·x_hi) so that the numbers
 * match `quantile()` to the last bit.
 *
 * @param sorted - Values in ascending order, at least one.
 * @param q - Probability in [0, 1].
 */
export function quantileType7(sorted: readonly number[], q: number): number {
  const index = 1 + (sorted.length - 1) * q;
  const low = Math.floor(index);
  const high = Math.ceil(index);
  const atLow = sorted[low - 1];
  const atHigh = sorted[high - 1];
  if (!(index > low) || atHigh === atLow) {
    return atLow;
  }
  const h = index - low;
  return (1 - h) * atLow + h * atHigh;
}

/**
 * Each z-score clamped to [Z_q, Z_{1−q}], q = `trimBy`, in the order given.
 *
 * @param z - z-scores, at least one.
 * @param trimBy - Share in each tail, in [0, 0.5).
 */
export function winsorise(z: readonly number[], trimBy: number): number[] {
  const sorted = [...z].sort((a, b) => a - b);
  const low = quantileType7(sorted, trimBy);
  const high = quantileType7(sorted, 1 - trimBy);
  return z.map((value) => Math.min(high, Math.max(low, value)));
}
