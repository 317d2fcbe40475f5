/**
 * FHIR `Period` (`start`, `end`: FHIR dateTimes) ↔ DHIS2 periods. A MeasureReport's period maps
 * to the DHIS2 period whose first and last days are exactly its start and end dates
 * (shared/research/anchors.md §1.10, §2.4); anything else is an error, not a guess.
 */
import { ValidationError } from '../errors.ts';
import { daysInMonth } from '../periods/civil-date.ts';
import type { Period } from '../periods/index.ts';
import { periodFromDates } from './period-from-dates.ts';

/** A FHIR `Period`: both ends are FHIR dateTimes (`2018`, `2018-01`, `2018-01-31`, `…T23:59:59Z`). */
export interface FhirPeriod {
  readonly start?: string;
  readonly end?: string;
}

// FHIR dateTime: YYYY, YYYY-MM, YYYY-MM-DD, or a full date with a time and zone.
const FHIR_DATE_TIME = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T[0-9:.]+(?:Z|[+-]\d{2}:\d{2})?)?)?)?$/;

/**
 * The calendar date a FHIR dateTime names: its own date part (the time and zone are ignored, so
 * `2018-01-31T23:59:59+02:00` is 31 January). A partial date stands for its first day when it
 * starts a period and its last day when it ends one (`2018-02` ends on 2018-02-28).
 */
function dateOf(value: string, edge: 'start' | 'end'): string | null {
  const match = FHIR_DATE_TIME.exec(value);
  if (match === null) {
    return null;
  }
  const [, y, m, d] = match;
  const month = m ?? (edge === 'start' ? '01' : '12');
  if (Number(month) < 1 || Number(month) > 12) {
    return null;
  }
  const last = daysInMonth(Number(y), Number(month));
  if (d !== undefined && (Number(d) < 1 || Number(d) > last)) {
    return null;
  }
  const day = d ?? (edge === 'start' ? '01' : String(last));
  return `${y}-${month}-${day}`;
}

function invalid(field: string, message: string): ValidationError {
  return ValidationError.of(field, 'invalid_fhir_period', message);
}

/**
 * The DHIS2 period that a FHIR period covers exactly.
 *
 * @param period - The FHIR `Period`; both `start` and `end` are needed.
 * @param field - What to name in errors, e.g. `entry[2].resource.period`.
 * @throws ValidationError (`invalid_fhir_period`) when an end is missing or not a FHIR dateTime,
 *   or when no DHIS2 period starts on the start date and ends on the end date.
 *
 * @example
 * periodFromFhir({ start: '2018-01-01', end: '2018-01-31' }).id;    // '201801'
 * periodFromFhir({ start: '2014-01-01', end: '2014-03-31' }).id;    // '2014Q1'
 * periodFromFhir({ start: '2018-01-01', end: '2018-02-15' });       // throws
 */
export function periodFromFhir(period: FhirPeriod, field = 'period'): Period {
  const { start, end } = period;
  if (typeof start !== 'string' || typeof end !== 'string') {
    throw invalid(field, `The ${field} needs both a start and an end to name a DHIS2 period`);
  }
  const first = dateOf(start, 'start');
  const last = dateOf(end, 'end');
  if (first === null || last === null) {
    const bad = first === null ? start : end;
    throw invalid(field, `${field} ${JSON.stringify(bad)} is not a FHIR dateTime`);
  }
  const found = periodFromDates(first, last);
  if (found === null) {
    throw invalid(
      field,
      `${field} ${first}…${last} is not one DHIS2 period: no period type has a period that ` +
        'starts on the start date and ends on the end date (e.g. 2018-01-01…2018-01-31 is 201801)',
    );
  }
  return found;
}

/**
 * A DHIS2 period as a FHIR `Period` (first and last day, as dates).
 *
 * @example toFhirPeriod(parsePeriodId('2024Q1')); // { start: '2024-01-01', end: '2024-03-31' }
 */
export function toFhirPeriod(period: Period): { readonly start: string; readonly end: string } {
  return { start: period.startDate, end: period.endDate };
}
