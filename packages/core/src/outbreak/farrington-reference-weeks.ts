/**
 * Reference weeks of the classic Farrington method, as `algo.farrington` in R package
 * surveillance 1.20.3 picks them (R/algo_farrington.R): for each of the b previous years, the
 * week one year back and the w weeks either side of it.
 *
 * - Without dates (`epochAsDate = FALSE`, e.g. `disProg2sts(salmonella.agona)`): rows
 *   k − freq·i − w … k − freq·i + w for i = b … 1, keeping those ≥ 1 (R warns about the others).
 * - With dates (`refvalIdxByDate`): for j = 1 … b, the date j years back (`seq(by = "-1 year")`),
 *   the dates w weeks either side of it, each moved to the nearest day with the weekday of week
 *   k, and then looked up among the series' dates; dates not in the series are dropped.
 */
import { nearestSameWeekday, yearsBack } from './calendar-days.ts';
import type { CheckedSeries } from './outbreak-series.ts';

/** The reference rows of one monitored week. */
export interface ReferenceRows {
  /** 1-based rows, in surveillance's order. */
  readonly rows: readonly number[];
  /** How many of the b·(2w + 1) reference weeks did not exist. */
  readonly missing: number;
}

/** Row lookup by day number. */
export function dayIndex(days: readonly number[]): Map<number, number> {
  return new Map(days.map((day, i) => [day, i + 1]));
}

/**
 * Reference rows of week k.
 *
 * @param series - Checked series (dates optional).
 * @param k - 1-based monitored row.
 * @param b - Years back.
 * @param w - Half-width of the window.
 * @param rowOfDay - `dayIndex(series.days)` when the series is dated.
 */
export function classicReferenceRows(
  series: CheckedSeries,
  k: number,
  b: number,
  w: number,
  rowOfDay: ReadonlyMap<number, number> | null,
): ReferenceRows {
  const all: (number | undefined)[] = [];
  if (series.days === null || rowOfDay === null) {
    for (let i = b; i >= 1; i--) {
      for (let t = k - series.frequency * i - w; t <= k - series.frequency * i + w; t++) {
        all.push(t > 0 ? t : undefined);
      }
    }
  } else {
    const t0 = series.days[k - 1];
    for (let j = 1; j <= b; j++) {
      const centre = yearsBack(t0, j);
      for (let d = -w; d <= w; d++) {
        all.push(rowOfDay.get(nearestSameWeekday(centre + 7 * d, t0)));
      }
    }
  }
  const rows = all.filter((r): r is number => r !== undefined);
  return { rows, missing: all.length - rows.length };
}
