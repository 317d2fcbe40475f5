/**
 * The rows farringtonFlexible fits at week k, as R package surveillance 1.20.3 builds them
 * (R/farringtonFlexible.R: `algo.farrington.referencetimepoints`, `blocks`,
 * `algo.farrington.data.glm`; Noufaily et al. 2013, Stat Med 32:1206, §2):
 *
 * - reference time points: k and the same week 1 … b years back (by row: k − i·freq; by date:
 *   i years back, moved to the nearest same weekday); all must exist;
 * - blocks: the current window (k − w … k) and each reference window (± w) get level p =
 *   noPeriods; with p > 1 the weeks between two windows are split into p − 1 blocks, levels
 *   1 … p − 1, the remainder of the division going to the first blocks;
 * - the most recent weeks k − pastWeeksNotIncluded … k are left out;
 * - wtime is the row (without dates) or the weeks since the first row fitted (with dates).
 *
 * The block boundaries use R's `a:b`, which counts down when b < a; that is kept, so unusual
 * settings (blocks of length 0) give the same levels as the package.
 */
import { InsufficientDataError, ValidationError } from '../errors.ts';
import { nearestSameWeekday, yearsBack } from './calendar-days.ts';
import type { FarringtonData } from './farrington-fit.ts';
import type { FlexibleControl } from './outbreak-options.ts';
import type { CheckedSeries } from './outbreak-series.ts';

/** The data of one week's fit, with where to predict. */
export interface FlexibleData extends FarringtonData {
  /** Rows fitted, 1-based ascending. */
  readonly rows: readonly number[];
  /** wtime of week k. */
  readonly predictionTime: number;
}

/** R's `a:b`. */
function colon(a: number, b: number): number[] {
  const step = b >= a ? 1 : -1;
  return Array.from({ length: Math.abs(b - a) + 1 }, (_, i) => a + i * step);
}

function assign(levels: (number | null)[], rows: readonly number[], level: number): void {
  for (const r of rows) {
    // Row 0 is ignored by R's indexing; rows past the end hold no count either.
    if (r >= 1 && r <= levels.length) {
      levels[r - 1] = level;
    }
  }
}

/**
 * Rows of week k and of the same week 1 … b years back, newest first.
 *
 * @throws InsufficientDataError when a reference week or its window does not exist.
 */
export function flexibleReferenceRows(
  series: CheckedSeries,
  k: number,
  control: FlexibleControl,
  rowOfDay: ReadonlyMap<number, number> | null,
): number[] {
  const rows: (number | undefined)[] = [];
  for (let i = 0; i <= control.b; i++) {
    if (series.days === null || rowOfDay === null) {
      const row = k - i * series.frequency;
      rows.push(row >= 1 ? row : undefined);
    } else {
      const t0 = series.days[k - 1];
      rows.push(rowOfDay.get(nearestSameWeekday(yearsBack(t0, i), t0)));
    }
  }
  const oldest = rows[rows.length - 1];
  // R stops when a reference point is missing, and fails on a window reaching below row 0.
  if (rows.some((r) => r === undefined) || oldest === undefined || oldest < control.w) {
    const needed = control.b * series.frequency + control.w - 1;
    throw new InsufficientDataError(
      `farringtonFlexible with b = ${control.b}, w = ${control.w} needs about ${needed} rows before row ${k} (${control.b} years and the window); decrease b or start the range later`,
      needed,
      k - 1,
    );
  }
  return (rows as number[]).sort((x, y) => y - x);
}

/**
 * Level of each row (null outside every block): surveillance's `blocks()`.
 *
 * @param n - Number of rows.
 * @param references - Rows of week k and its reference weeks, newest first.
 * @param w - Half-width of the windows.
 * @param p - noPeriods.
 * @throws ValidationError (noPeriods) when R stops with "Number of factors too big".
 */
export function seasonalBlocks(
  n: number,
  references: readonly number[],
  w: number,
  p: number,
): (number | null)[] {
  const levels = new Array<number | null>(n).fill(null);
  const now = references[0];
  assign(levels, colon(now - w, now), p);
  for (let i = 1; i < references.length; i++) {
    const refWeek = references[i];
    assign(levels, colon(refWeek - w, refWeek + w), p);
    if (p === 1) {
      continue;
    }
    const period = references[i - 1] - 2 * w - 1 - refWeek;
    if (period < p - (2 * w + 1)) {
      throw ValidationError.of(
        'noPeriods',
        'too_many_periods',
        `noPeriods = ${p} is too big for the ${period} weeks between two windows`,
      );
    }
    const length = Math.floor(period / (p - 1));
    const rest = period - length * (p - 1);
    const lengths = Array.from({ length: p - 1 }, (_, j) => length + (j < rest ? 1 : 0));
    let start = refWeek + w + 1;
    lengths.forEach((len, j) => {
      assign(levels, colon(start, start + len - 1), j + 1);
      start += len;
    });
  }
  return levels;
}

/**
 * The rows, response, time and seasonal levels of week k's fit.
 *
 * @param series - Checked series.
 * @param k - 1-based monitored row.
 * @param control - b, w, noPeriods, pastWeeksNotIncluded.
 * @param rowOfDay - Row lookup by day number for dated series, else null.
 */
export function flexibleGlmData(
  series: CheckedSeries,
  k: number,
  control: FlexibleControl,
  rowOfDay: ReadonlyMap<number, number> | null,
): FlexibleData {
  const references = flexibleReferenceRows(series, k, control, rowOfDay);
  const levels = seasonalBlocks(series.observed.length, references, control.w, control.noPeriods);
  const fitted = [...levels];
  for (let t = Math.max(1, k - control.pastWeeksNotIncluded); t <= k; t++) {
    fitted[t - 1] = null;
  }
  const rows: number[] = [];
  fitted.forEach((level, i) => {
    if (level !== null) {
      rows.push(i + 1);
    }
  });
  const days = series.days;
  const firstRow = rows.length > 0 ? rows[0] : k;
  const time = (row: number): number =>
    days === null ? row : (days[row - 1] - days[firstRow - 1]) / (days[1] - days[0]);
  return {
    rows,
    response: rows.map((r) => series.observed[r - 1]),
    wtime: rows.map(time),
    seasgroups: control.noPeriods === 1 ? null : rows.map((r) => levels[r - 1] as number),
    predictionTime: time(k),
  };
}
