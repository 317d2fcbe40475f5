/**
 * The DHIS2 period that exactly covers a date range: what ADX (`start/duration`) and FHIR
 * (`period.start`/`period.end`) periods become. Other formats name periods by dates; DHIS2 names
 * them by id, and a range that is not exactly one DHIS2 period has no id.
 */
import { parseIsoDate } from '../periods/civil-date.ts';
import { PERIOD_TYPES, periodContaining, type Period } from '../periods/index.ts';

/**
 * The period whose first and last days are `start` and `end`.
 *
 * Every period type is tried (finest first). At most one matches, because types that share a
 * length start on different days (Weekly vs WeeklyWednesday, Quarterly vs QuarterlyNov, …).
 *
 * @param start - First day, `YYYY-MM-DD`.
 * @param end - Last day (inclusive), `YYYY-MM-DD`.
 * @returns The period, or null when the dates are invalid, reversed, outside years 0000–9999 or
 *   not exactly one DHIS2 period.
 *
 * @example
 * periodFromDates('2024-01-01', '2024-03-31')?.id; // '2024Q1'
 * periodFromDates('2023-11-01', '2024-01-31')?.id; // '2024NovQ1'
 * periodFromDates('2017-09-01', '2017-11-30');      // null: no DHIS2 quarter runs Sep–Nov
 */
export function periodFromDates(start: string, end: string): Period | null {
  const first = parseIsoDate(start);
  const last = parseIsoDate(end);
  if (first === null || last === null || last < first) {
    return null;
  }
  for (const type of PERIOD_TYPES) {
    const period = tryPeriodContaining(type, start);
    if (period !== null && period.startDate === start && period.endDate === end) {
      return period;
    }
  }
  return null;
}

function tryPeriodContaining(type: Period['type'], date: string): Period | null {
  try {
    return periodContaining(type, date);
  } catch {
    // Only `period_out_of_range` can happen here (the date is valid): the period has no id.
    return null;
  }
}
