/**
 * The signal inbox's filters and the `GET /api/signals` query string they make (`kind` and
 * `status` repeat), plus the chart link for one signal.
 */
import type { Signal } from '@sankofa/core';
import { dashboardSearch } from '../navigation/dashboard-params.ts';
import type { MonthRange } from '../periods/period-presets.ts';

export type SignalKind = Signal['kind'];
export type SignalStatus = Signal['status'];

/**
 * Every kind, in the inbox's priority order (core's `SIGNAL_KINDS`, repeated here: importing the
 * value from core pulls the statistics into this page's chunk, 29 kB → 96 kB).
 */
export const SIGNAL_KINDS: readonly SignalKind[] = [
  'outbreak',
  'sustained_shift',
  'trend',
  'single_point',
  'runs',
  'peer_outlier',
];

export const SIGNAL_STATUSES: readonly SignalStatus[] = [
  'new',
  'acknowledged',
  'under_review',
  'actioned',
  'dismissed',
];

/** The statuses the inbox shows at first: the ones still waiting for someone. */
export const OPEN_STATUSES: readonly SignalStatus[] = ['new', 'acknowledged', 'under_review'];

/** How many signals one page shows. */
export const SIGNALS_PAGE_SIZE = 50;

export interface SignalFilters {
  /** The org unit whose subtree is shown; `null` for the whole scope. */
  readonly orgUnit: string | null;
  /** Empty: every kind. */
  readonly kinds: readonly SignalKind[];
  /** Empty: every status. */
  readonly statuses: readonly SignalStatus[];
  readonly offset: number;
  readonly limit: number;
}

/**
 * The query string (without `?`) for `GET /api/signals`. Kinds and statuses are sent in the
 * fixed order above, so the same filters always make the same string (and cache key).
 */
export function signalListSearch(filters: SignalFilters): string {
  const params = new URLSearchParams();
  if (filters.orgUnit !== null) {
    params.set('orgUnit', filters.orgUnit);
  }
  for (const kind of SIGNAL_KINDS.filter((k) => filters.kinds.includes(k))) {
    params.append('kind', kind);
  }
  for (const status of SIGNAL_STATUSES.filter((s) => filters.statuses.includes(s))) {
    params.append('status', status);
  }
  params.set('limit', String(filters.limit));
  if (filters.offset > 0) {
    params.set('offset', String(filters.offset));
  }
  return params.toString();
}

/** `true` for a monthly period id such as `202403`. */
function isMonthId(period: string): boolean {
  return /^\d{4}(0[1-9]|1[0-2])$/.test(period);
}

/**
 * The indicator page for the signal's indicator and org unit. The range is the one shown now,
 * widened to take in the signal's periods when they are months.
 */
export function signalChartLink(
  signal: Pick<Signal, 'indicator' | 'orgUnit' | 'firstPeriod' | 'lastPeriod'>,
  range: MonthRange,
): { pathname: string; search: string } {
  let { from, to } = range;
  if (isMonthId(signal.firstPeriod) && isMonthId(signal.lastPeriod)) {
    from = signal.firstPeriod < from ? signal.firstPeriod : from;
    to = signal.lastPeriod > to ? signal.lastPeriod : to;
  }
  return {
    pathname: `/indicators/${encodeURIComponent(signal.indicator.id)}`,
    search: dashboardSearch(signal.orgUnit.id, { from, to }),
  };
}

/** The selected ids that are still on the page (a refetch may have dropped some). */
export function keepVisible(
  selected: ReadonlySet<string>,
  signals: readonly Pick<Signal, 'id'>[],
): Set<string> {
  return new Set(signals.map((s) => s.id).filter((id) => selected.has(id)));
}
