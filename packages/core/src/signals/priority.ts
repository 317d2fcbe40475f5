/**
 * The stated inbox priority: outbreak alarms first, then sustained shifts, trends, single points,
 * runs and peer outliers; within a kind, the larger population first, then the more recent last
 * period, then the id.
 */
import { comparePeriodIds } from './signal-periods.ts';
import type { SignalKind } from './types.ts';

/** Rank of each kind: lower comes first. */
export const SIGNAL_KIND_RANK: Readonly<Record<SignalKind, number>> = Object.freeze({
  outbreak: 0,
  sustained_shift: 1,
  trend: 2,
  single_point: 3,
  runs: 4,
  peer_outlier: 5,
});

/** What the comparator reads from a signal. */
export interface PrioritisedSignal {
  readonly kind: SignalKind;
  /** Population of the org unit (or the denominator); unknown (`null`/absent) sorts after any number. */
  readonly population?: number | null;
  readonly lastPeriod: string;
  /** Final tie-break, ascending, so the order is total. */
  readonly id?: string;
}

function population(s: PrioritisedSignal): number {
  const p = s.population;
  return p === null || p === undefined || !Number.isFinite(p) ? -Infinity : p;
}

/**
 * Orders signals by priority, for `Array.prototype.sort`.
 * @returns Negative when `a` comes first.
 * @example signals.sort(compareSignalPriority);
 */
export function compareSignalPriority(a: PrioritisedSignal, b: PrioritisedSignal): number {
  const byKind = SIGNAL_KIND_RANK[a.kind] - SIGNAL_KIND_RANK[b.kind];
  if (byKind !== 0) {
    return byKind;
  }
  const pa = population(a);
  const pb = population(b);
  if (pa !== pb) {
    return pa > pb ? -1 : 1;
  }
  const byRecency = comparePeriodIds(b.lastPeriod, a.lastPeriod);
  if (byRecency !== 0) {
    return byRecency;
  }
  const ia = a.id ?? '';
  const ib = b.id ?? '';
  return ia < ib ? -1 : ia > ib ? 1 : 0;
}
