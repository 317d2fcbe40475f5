/**
 * Month ranges for the period-range picker. Ids stay stable; their labels are translated when
 * shown (see `PeriodRangePicker`).
 */
import {
  addMonths,
  lastCompleteMonth,
  monthIndex,
  monthOf,
  parseMonthId,
  toMonthId,
} from './months.ts';

/** A range of monthly periods, both ends included, e.g. `{ from: '202401', to: '202412' }`. */
export interface MonthRange {
  readonly from: string;
  readonly to: string;
}

export const PERIOD_PRESETS = ['last12', 'last24', 'last36', 'thisYear'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

/** The longest range the picker accepts, in months: ten years. */
export const MAX_RANGE_MONTHS = 120;

function lastMonths(count: number, today: Date): MonthRange {
  const last = lastCompleteMonth(today);
  return { from: toMonthId(addMonths(last, -(count - 1))), to: toMonthId(last) };
}

/**
 * The range a preset stands for on `today`. "Last N months" are the N complete months before
 * today's month; "this year" runs from January to the last complete month (January alone
 * while January is under way).
 */
export function presetRange(preset: PeriodPreset, today: Date): MonthRange {
  switch (preset) {
    case 'last12':
      return lastMonths(12, today);
    case 'last24':
      return lastMonths(24, today);
    case 'last36':
      return lastMonths(36, today);
    case 'thisYear': {
      const january = { year: monthOf(today).year, month: 1 };
      const last = lastCompleteMonth(today);
      return {
        from: toMonthId(january),
        to: toMonthId(last.year < january.year ? january : last),
      };
    }
  }
}

/** The default range: the last 12 complete months. */
export function defaultRange(today: Date): MonthRange {
  return presetRange('last12', today);
}

/** The preset that gives exactly `range` on `today`, or `'custom'`. */
export function matchPreset(range: MonthRange, today: Date): PeriodPreset | 'custom' {
  return (
    PERIOD_PRESETS.find((preset) => {
      const candidate = presetRange(preset, today);
      return candidate.from === range.from && candidate.to === range.to;
    }) ?? 'custom'
  );
}

/** Why a range cannot be used, or `null` when it can. */
export type RangeProblem = 'invalid_month' | 'start_after_end' | 'too_long';

/** Checks a range: both ends months, the start not after the end, at most {@link MAX_RANGE_MONTHS}. */
export function checkRange(range: MonthRange): RangeProblem | null {
  const from = parseMonthId(range.from);
  const to = parseMonthId(range.to);
  if (from === null || to === null) {
    return 'invalid_month';
  }
  const length = monthIndex(to) - monthIndex(from) + 1;
  if (length < 1) {
    return 'start_after_end';
  }
  if (length > MAX_RANGE_MONTHS) {
    return 'too_long';
  }
  return null;
}
