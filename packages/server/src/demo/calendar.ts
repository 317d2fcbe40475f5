/**
 * Monthly period ids (`yyyyMM`, as DHIS2 writes them) and the calendar facts the demo needs.
 * Pure arithmetic on the ids: no clock.
 */

const MONTH_ID = /^(\d{4})(0[1-9]|1[0-2])$/;

/** True for a monthly period id such as `202610`. */
export function isMonthId(id: string): boolean {
  return MONTH_ID.test(id);
}

/** The year and 1-based month of a monthly period id. */
export function parseMonthId(id: string): { year: number; month: number } {
  const match = MONTH_ID.exec(id);
  if (match === null) {
    throw new RangeError(`"${id}" is not a monthly period id like 202610`);
  }
  return { year: Number(match[1]), month: Number(match[2]) };
}

/** The monthly period id of a year and 1-based month (months outside 1–12 roll over). */
export function monthId(year: number, month: number): string {
  const index = year * 12 + (month - 1);
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return `${String(y).padStart(4, '0')}${String(m).padStart(2, '0')}`;
}

/** `count` consecutive monthly period ids ending at `end`, oldest first. */
export function monthSeries(end: string, count: number): string[] {
  const { year, month } = parseMonthId(end);
  return Array.from({ length: count }, (_, i) => monthId(year, month - (count - 1 - i)));
}

/** The 1-based calendar month of a monthly period id. */
export function monthOfYear(id: string): number {
  return parseMonthId(id).month;
}

/** Days in the month. */
export function daysInMonth(id: string): number {
  const { year, month } = parseMonthId(id);
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Monday-to-Friday days in the month: a health worker's scheduled working days. */
export function weekdaysInMonth(id: string): number {
  const { year, month } = parseMonthId(id);
  const days = daysInMonth(id);
  const firstWeekday = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  let count = 0;
  for (let d = 0; d < days; d++) {
    const weekday = (firstWeekday + d) % 7;
    if (weekday !== 0 && weekday !== 6) {
      count++;
    }
  }
  return count;
}
