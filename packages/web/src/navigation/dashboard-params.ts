/**
 * The selected org unit and period range live in the URL (`?ou=…&from=202401&to=202412`), so
 * every page can be linked to and bookmarked.
 */
import { checkRange, defaultRange, type MonthRange } from '../periods/period-presets.ts';

export interface DashboardParams {
  /** The selected org unit, or `null` for the user's default. */
  readonly ou: string | null;
  /** The period range; the default range when the URL has none or an invalid one. */
  readonly range: MonthRange;
  /** `true` when the URL itself named a valid range. */
  readonly rangeFromUrl: boolean;
}

const UID = /^[A-Za-z][A-Za-z0-9]{10}$/;

/** Reads the params from a URL query, falling back to defaults for anything missing or invalid. */
export function readDashboardParams(search: URLSearchParams, today: Date): DashboardParams {
  const ou = search.get('ou');
  const range = { from: search.get('from') ?? '', to: search.get('to') ?? '' };
  const valid = checkRange(range) === null;
  return {
    ou: ou !== null && UID.test(ou) ? ou : null,
    range: valid ? range : defaultRange(today),
    rangeFromUrl: valid,
  };
}

/** A copy of `search` with the given params set (other params are kept). */
export function withDashboardParams(
  search: URLSearchParams,
  patch: { readonly ou?: string; readonly range?: MonthRange },
): URLSearchParams {
  const next = new URLSearchParams(search);
  if (patch.ou !== undefined) {
    next.set('ou', patch.ou);
  }
  if (patch.range !== undefined) {
    next.set('from', patch.range.from);
    next.set('to', patch.range.to);
  }
  return next;
}

/** The query string for links that carry the current selection, e.g. `?ou=…&from=…&to=…`. */
export function dashboardSearch(ou: string | null, range: MonthRange): string {
  const params = new URLSearchParams();
  if (ou !== null) {
    params.set('ou', ou);
  }
  params.set('from', range.from);
  params.set('to', range.to);
  return `?${params.toString()}`;
}
