/**
 * Period labels for charts and tables, computed when shown so a language switch applies at once.
 */

/** The parts of a period id the labels need; other period types are shown as their id. */
export type PeriodParts =
  | { readonly type: 'monthly'; readonly year: number; readonly month: number }
  | { readonly type: 'quarterly'; readonly year: number; readonly quarter: number }
  | { readonly type: 'yearly'; readonly year: number }
  | { readonly type: 'other'; readonly id: string };

/** Splits a monthly (`202401`), quarterly (`2024Q1`) or yearly (`2024`) DHIS2 period id. */
export function periodParts(id: string): PeriodParts {
  let match = /^(\d{4})-?(0[1-9]|1[0-2])$/.exec(id);
  if (match) {
    return { type: 'monthly', year: Number(match[1]), month: Number(match[2]) };
  }
  match = /^(\d{4})Q([1-4])$/.exec(id);
  if (match) {
    return { type: 'quarterly', year: Number(match[1]), quarter: Number(match[2]) };
  }
  match = /^(\d{4})$/.exec(id);
  if (match) {
    return { type: 'yearly', year: Number(match[1]) };
  }
  return { type: 'other', id };
}

const monthFormats = new Map<string, Intl.DateTimeFormat>();

/** "Jan 2024" in English, "janv. 2024" in French…: a month in the given language. */
export function formatMonth(year: number, month: number, locale: string): string {
  let format = monthFormats.get(locale);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' });
    monthFormats.set(locale, format);
  }
  return format.format(new Date(Date.UTC(year, month - 1, 1)));
}

/**
 * Labels a period in the given language.
 *
 * @param id - A DHIS2 period id.
 * @param locale - A BCP 47 language tag, e.g. `fr`.
 * @param quarterLabel - The translated quarter label, e.g. `(1, 2024) => 'T1 2024'`.
 */
export function formatPeriod(
  id: string,
  locale: string,
  quarterLabel: (quarter: number, year: number) => string,
): string {
  const parts = periodParts(id);
  switch (parts.type) {
    case 'monthly':
      return formatMonth(parts.year, parts.month, locale);
    case 'quarterly':
      return quarterLabel(parts.quarter, parts.year);
    case 'yearly':
      return String(parts.year);
    case 'other':
      return parts.id;
  }
}
