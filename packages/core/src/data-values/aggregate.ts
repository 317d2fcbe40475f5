/**
 * Aggregation of a data element's values over org units and periods by its DHIS2 aggregation
 * type, as DHIS2 analytics does it (dhis2-core `JdbcAnalyticsManager.getAggregateClause`,
 * `AnalyticsAggregationType`, `DataQueryParams.getDaysForAvgSumIntAggregation`). The database
 * sums values per stored period (and per org unit where the type needs it); this combines those
 * rows into the value of one asked period P.
 *
 * | type | across org units | across periods inside P |
 * |---|---|---|
 * | SUM (default, also unknown types) | sum | sum |
 * | AVERAGE | mean of all values | (same mean) |
 * | AVERAGE_SUM_ORG_UNIT | sum | Σ(value × days of its period) / days of P: a missing period counts 0 |
 * | LAST | sum of each org unit's latest value in P | — |
 * | LAST_AVERAGE_ORG_UNIT | mean of each org unit's latest value in P | — |
 * | MIN / MAX | min / max | min / max |
 * | COUNT | count of values | count |
 * | NONE | no aggregation: the value when exactly one value is in scope, else none | — |
 *
 * Time: values of stored periods lying wholly inside P are aggregated (months make a quarter).
 * DHIS2 never splits a value in time: a yearly SUM value gives no monthly value, and a stored
 * period straddling P's boundary (a week across two months) does not count. The exception is
 * DHIS2's "disaggregation" for the average types (AVERAGE, AVERAGE_SUM_ORG_UNIT, e.g. a yearly
 * population): when no value lies inside P, the value of the shortest stored period containing
 * P is used as it is (the yearly population is the population of each of its months).
 */
import { parseIsoDate } from '../periods/civil-date.ts';

/** A start and end date (YYYY-MM-DD, both included). */
export interface DateSpan {
  readonly startDate: string;
  readonly endDate: string;
}

/** One stored period's values over an org-unit subtree, or over one org unit. */
export interface PeriodAggregate extends DateSpan {
  /** The org unit, when rows are per org unit (LAST types need it); absent for subtree totals. */
  readonly orgUnitId?: string;
  readonly sum: number;
  readonly count: number;
  readonly min: number;
  readonly max: number;
}

/** Aggregation types whose values are reused for shorter periods inside theirs (DHIS2 disaggregation). */
export const TIME_DISAGGREGATED_TYPES: readonly string[] = ['AVERAGE', 'AVERAGE_SUM_ORG_UNIT'];

const day = (date: string): number => {
  const d = parseIsoDate(date);
  if (d === null) {
    throw new RangeError(`"${date}" is not a YYYY-MM-DD date`);
  }
  return d;
};

/** Days in a span, both ends included. */
export function spanDays(span: DateSpan): number {
  return day(span.endDate) - day(span.startDate) + 1;
}

const within = (s: DateSpan, p: DateSpan): boolean =>
  s.startDate >= p.startDate && s.endDate <= p.endDate;
const containing = (s: DateSpan, p: DateSpan): boolean =>
  s.startDate <= p.startDate && s.endDate >= p.endDate;

/**
 * Picks the stored rows that make the value of period `asked`: those inside it, or, for the
 * average types when there are none, those of the shortest stored period containing it.
 */
export function rowsForPeriod<T extends PeriodAggregate>(
  aggregationType: string,
  rows: readonly T[],
  asked: DateSpan,
): { readonly rows: T[]; readonly disaggregated: boolean } {
  const inside = rows.filter((r) => r.count > 0 && within(r, asked));
  if (inside.length > 0 || !TIME_DISAGGREGATED_TYPES.includes(aggregationType)) {
    return { rows: inside, disaggregated: false };
  }
  const around = rows.filter((r) => r.count > 0 && containing(r, asked));
  if (around.length === 0) {
    return { rows: [], disaggregated: false };
  }
  const shortest = Math.min(...around.map(spanDays));
  const best = around.filter((r) => spanDays(r) === shortest);
  // Several stored periods of the same length may contain P (e.g. two overlapping week types):
  // keep the latest-starting one so the answer does not depend on row order.
  const start = best.reduce((s, r) => (r.startDate > s ? r.startDate : s), best[0].startDate);
  return { rows: best.filter((r) => r.startDate === start), disaggregated: true };
}

function lastPerOrgUnit(rows: readonly PeriodAggregate[]): number[] {
  const latest = new Map<string, { startDate: string; sum: number }>();
  for (const r of rows) {
    const key = r.orgUnitId ?? '';
    const seen = latest.get(key);
    if (seen === undefined || r.startDate > seen.startDate) {
      latest.set(key, { startDate: r.startDate, sum: r.sum });
    } else if (r.startDate === seen.startDate) {
      seen.sum += r.sum;
    }
  }
  return [...latest.values()].map((v) => v.sum);
}

/**
 * The value of period `asked` from the stored rows (any rows: those outside `asked` are ignored
 * as described above); null when no value applies.
 *
 * @example aggregateValues('SUM', monthlyRowsOfQ1, { startDate: '2024-01-01', endDate: '2024-03-31' })
 */
export function aggregateValues(
  aggregationType: string,
  rows: readonly PeriodAggregate[],
  asked: DateSpan,
): number | null {
  const { rows: present, disaggregated } = rowsForPeriod(aggregationType, rows, asked);
  if (present.length === 0) {
    return null;
  }
  const total = (f: (p: PeriodAggregate) => number): number =>
    present.reduce((acc, p) => acc + f(p), 0);
  switch (aggregationType) {
    case 'AVERAGE':
      return total((p) => p.sum) / total((p) => p.count);
    case 'AVERAGE_SUM_ORG_UNIT':
      return disaggregated
        ? total((p) => p.sum)
        : total((p) => p.sum * spanDays(p)) / spanDays(asked);
    case 'LAST':
      return lastPerOrgUnit(present).reduce((a, b) => a + b, 0);
    case 'LAST_AVERAGE_ORG_UNIT': {
      const last = lastPerOrgUnit(present);
      return last.reduce((a, b) => a + b, 0) / last.length;
    }
    case 'MIN':
      return Math.min(...present.map((p) => p.min));
    case 'MAX':
      return Math.max(...present.map((p) => p.max));
    case 'COUNT':
      return total((p) => p.count);
    case 'NONE':
      return total((p) => p.count) === 1 ? total((p) => p.sum) : null;
    default:
      return total((p) => p.sum);
  }
}
