/**
 * Period helpers for signals: ordering, adjacency, and the words a summary uses for periods.
 * Ids that are not DHIS2 period ids still work: they order as strings and are never adjacent.
 */
import { comparePeriods, nextPeriod } from '../periods/period-arithmetic.ts';
import { tryParsePeriodId } from '../periods/period-id-parser.ts';
import type { Period, PeriodType } from '../periods/period-types.ts';

/** Parsed ids, memoised: a scan sorts and labels the same few dozen period ids millions of times. */
const parsed = new Map<string, Period | null>();
const PARSED_MAX = 10_000;

function parse(id: string): Period | null {
  let period = parsed.get(id);
  if (period === undefined) {
    period = tryParsePeriodId(id);
    if (parsed.size >= PARSED_MAX) {
      parsed.clear();
    }
    parsed.set(id, period);
  }
  return period;
}

/** Whether `id` is six ASCII digits, the shape of a monthly period id. */
function isSixDigits(id: string): boolean {
  if (id.length !== 6) {
    return false;
  }
  for (let i = 0; i < 6; i++) {
    const c = id.charCodeAt(i);
    if (c < 48 || c > 57) {
      return false;
    }
  }
  return true;
}

/** Orders two period ids by start date (then end date); unparseable ids order as strings. */
export function comparePeriodIds(a: string, b: string): number {
  if (a === b) {
    return 0;
  }
  if (isSixDigits(a) && isSixDigits(b)) {
    // Two monthly ids (yyyyMM) order by date as strings; six digits that are not a month
    // order as strings anyway.
    return a < b ? -1 : 1;
  }
  const pa = parse(a);
  const pb = parse(b);
  if (pa && pb) {
    const byPeriod = comparePeriods(pa, pb);
    if (byPeriod !== 0) {
      return byPeriod;
    }
  }
  return a < b ? -1 : 1;
}

/** Sorted, without repeats. */
export function sortPeriodIds(ids: Iterable<string>): string[] {
  const list = [...ids];
  // Findings list their periods in order already: no set and no sort then.
  for (let i = 1; i < list.length; i++) {
    if (comparePeriodIds(list[i - 1], list[i]) >= 0) {
      return [...new Set(list)].sort(comparePeriodIds);
    }
  }
  return list;
}

/** True when `b` is the period right after `a` (same type). */
export function isNextPeriod(a: string, b: string): boolean {
  const pa = parse(a);
  const pb = parse(b);
  if (!pa || !pb || pa.type !== pb.type) {
    return false;
  }
  return nextPeriod(pa).id === pb.id;
}

/** `202403` → `2024-03`; `20240315` → `2024-03-15`; other ids as written. */
export function periodLabel(id: string): string {
  const p = parse(id);
  if (p?.type === 'Monthly') {
    return p.startDate.slice(0, 7);
  }
  if (p?.type === 'Daily') {
    return p.startDate;
  }
  return id;
}

const UNIT_WORDS: Partial<Record<PeriodType, readonly [string, string]>> = {
  Daily: ['day', 'days'],
  Weekly: ['week', 'weeks'],
  WeeklyWednesday: ['week', 'weeks'],
  WeeklyThursday: ['week', 'weeks'],
  WeeklySaturday: ['week', 'weeks'],
  WeeklySunday: ['week', 'weeks'],
  BiWeekly: ['fortnight', 'fortnights'],
  Monthly: ['month', 'months'],
  BiMonthly: ['two-month period', 'two-month periods'],
  Quarterly: ['quarter', 'quarters'],
  QuarterlyNov: ['quarter', 'quarters'],
  SixMonthly: ['half-year', 'half-years'],
  SixMonthlyApril: ['half-year', 'half-years'],
  SixMonthlyNov: ['half-year', 'half-years'],
  Yearly: ['year', 'years'],
};

/** "1 month", "9 months", "3 weeks", "2 periods" — the unit comes from the first id. */
export function countPeriods(count: number, anyId: string | undefined): string {
  const type = anyId === undefined ? undefined : parse(anyId)?.type;
  const [one, many] = (type && UNIT_WORDS[type]) ?? ['period', 'periods'];
  return `${count} ${count === 1 ? one : many}`;
}

/** A number for a sentence: at most 3 significant digits, no trailing zeros. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) {
    return String(value);
  }
  if (Number.isInteger(value) && Math.abs(value) < 1e6) {
    return String(value);
  }
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  return String(Number(value.toFixed(digits)));
}
