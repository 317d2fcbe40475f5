/**
 * Monthly DHIS2 period ids (`yyyyMM`) as the period-range picker needs them. The full period
 * grammar lives in core; the picker only works in months.
 */

/** A calendar month; `month` is 1–12. */
export interface YearMonth {
  readonly year: number;
  readonly month: number;
}

const MONTH_ID = /^(\d{4})(0[1-9]|1[0-2])$/;

/** Reads `202401` as January 2024; `null` for anything else. */
export function parseMonthId(id: string): YearMonth | null {
  const match = MONTH_ID.exec(id);
  if (match === null) {
    return null;
  }
  return { year: Number(match[1]), month: Number(match[2]) };
}

/** Writes a month as its DHIS2 id, e.g. `202401`. */
export function toMonthId({ year, month }: YearMonth): string {
  return `${String(year).padStart(4, '0')}${String(month).padStart(2, '0')}`;
}

/** Months since year 0, so months compare and subtract as integers. */
export function monthIndex({ year, month }: YearMonth): number {
  return year * 12 + (month - 1);
}

function fromIndex(index: number): YearMonth {
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** The month `count` months after (or, if negative, before) `ym`. */
export function addMonths(ym: YearMonth, count: number): YearMonth {
  return fromIndex(monthIndex(ym) + count);
}

/** The month `today` falls in, by the local calendar. */
export function monthOf(today: Date): YearMonth {
  return { year: today.getFullYear(), month: today.getMonth() + 1 };
}

/** The last month that has ended before `today`. */
export function lastCompleteMonth(today: Date): YearMonth {
  return addMonths(monthOf(today), -1);
}

/** Every month id from `first` to `last`, newest first (empty when `first` is after `last`). */
export function monthIdsNewestFirst(first: YearMonth, last: YearMonth): string[] {
  const ids: string[] = [];
  for (let i = monthIndex(last); i >= monthIndex(first); i -= 1) {
    ids.push(toMonthId(fromIndex(i)));
  }
  return ids;
}
