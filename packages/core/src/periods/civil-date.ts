/**
 * Proleptic Gregorian calendar arithmetic on day numbers (days since 1970-01-01). It is integer
 * math only, so no time zone, clock or `Date` quirk (such as years 0–99 mapping to 1900–1999)
 * can leak into period ids.
 *
 * Algorithms: Howard Hinnant, "chrono-Compatible Low-Level Date Algorithms" (public domain),
 * https://howardhinnant.github.io/date_algorithms.html (`days_from_civil`, `civil_from_days`).
 */

/** A calendar date split into parts. */
export interface CivilDate {
  readonly year: number;
  /** 1 = January … 12 = December. */
  readonly month: number;
  /** 1-based day of the month. */
  readonly day: number;
}

/** The day number of 0000-01-01, the first day a 4-digit year (and so a DHIS2 id) can name. */
export const FIRST_DAY = daysFromCivil(0, 1, 1);

/** The day number of 9999-12-31, the last day a 4-digit year can name. */
export const LAST_DAY = daysFromCivil(9999, 12, 31);

/**
 * The day number of a calendar date.
 *
 * @param year - Any integer year; 0 is 1 BC in the proleptic calendar.
 * @param month - 1–12.
 * @param day - 1–31; not checked against the month.
 * @returns Days since 1970-01-01 (negative before it).
 */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/**
 * The calendar date of a day number.
 *
 * @param days - Days since 1970-01-01.
 * @returns Its year, month and day.
 */
export function civilFromDays(days: number): CivilDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36524) -
      Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/**
 * The ISO-8601 weekday of a day number.
 *
 * @returns 1 = Monday … 7 = Sunday.
 */
export function isoWeekday(days: number): number {
  // 1970-01-01 was a Thursday (4).
  return ((((days + 3) % 7) + 7) % 7) + 1;
}

/** Whether `year` has a 29 February. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The number of days in `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    return isLeapYear(year) ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Two-digit zero padding for months, days and bi-month numbers. */
export function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** Four-digit zero padding for years 0–9999. */
export function pad4(n: number): string {
  return String(n).padStart(4, '0');
}

/**
 * A day number as `YYYY-MM-DD`.
 *
 * @param days - A day in years 0000–9999.
 */
export function formatIsoDate(days: number): string {
  const { year, month, day } = civilFromDays(days);
  return `${pad4(year)}-${pad2(month)}-${pad2(day)}`;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Reads a strict `YYYY-MM-DD` date.
 *
 * @returns Its day number, or null when the text is not a real calendar date.
 */
export function parseIsoDate(text: string): number | null {
  const match = ISO_DATE.exec(text);
  if (match === null) {
    return null;
  }
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return null;
  }
  return daysFromCivil(year, month, day);
}
