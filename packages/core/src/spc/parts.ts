/**
 * Splitting a series into parts (phases), as qicharts2's `part` argument does: `part = c(24)`
 * makes rows 1–24 part 1 and rows 25–end part 2. Each part gets its own centre line, limits and
 * runs analysis.
 */

/** The rows of one part: 1-based number and 0-based [start, end) row offsets. */
export interface PartRange {
  readonly part: number;
  readonly start: number;
  readonly end: number;
}

/**
 * The parts of a series of `rows` rows.
 *
 * @param rows - Number of rows.
 * @param cuts - Last 1-based row of each part but the last, strictly increasing, in 1..rows − 1
 *   (checked by the caller).
 * @example splitParts(36, [24]) // [{ part: 1, start: 0, end: 24 }, { part: 2, start: 24, end: 36 }]
 */
export function splitParts(rows: number, cuts: readonly number[]): PartRange[] {
  const bounds = [0, ...cuts, rows];
  return bounds.slice(1).map((end, k) => ({ part: k + 1, start: bounds[k], end }));
}
