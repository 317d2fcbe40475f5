/**
 * Aggregation of a data element's values over org units and periods by its DHIS2 aggregation
 * type. The database sums over the org-unit subtree per stored period (`PeriodAggregate`); this
 * combines the stored periods that fall inside one reported period.
 *
 * | type | across org units | across periods |
 * |---|---|---|
 * | SUM (default, also NONE and unknown types) | sum | sum |
 * | AVERAGE | mean of all values | (same mean) |
 * | AVERAGE_SUM_ORG_UNIT | sum | mean of the per-period sums |
 * | LAST | sum | the latest period's sum |
 * | LAST_AVERAGE_ORG_UNIT | mean | the latest period's mean |
 * | MIN / MAX | min / max | min / max |
 * | COUNT | count of values | count |
 */

/** One stored period's values over an org-unit subtree. */
export interface PeriodAggregate {
  /** Start date of the stored period (YYYY-MM-DD), to find the latest. */
  readonly startDate: string;
  readonly sum: number;
  readonly count: number;
  readonly min: number;
  readonly max: number;
}

/** Combines stored periods into one value; null when there are none. */
export function aggregateValues(
  aggregationType: string,
  periods: readonly PeriodAggregate[],
): number | null {
  const present = periods.filter((p) => p.count > 0);
  if (present.length === 0) {
    return null;
  }
  const total = (f: (p: PeriodAggregate) => number): number =>
    present.reduce((acc, p) => acc + f(p), 0);
  const latest = (): PeriodAggregate =>
    present.reduce((best, p) => (p.startDate > best.startDate ? p : best), present[0]);
  switch (aggregationType) {
    case 'AVERAGE':
      return total((p) => p.sum) / total((p) => p.count);
    case 'AVERAGE_SUM_ORG_UNIT':
      return total((p) => p.sum) / present.length;
    case 'LAST':
      return latest().sum;
    case 'LAST_AVERAGE_ORG_UNIT': {
      const last = latest();
      return last.sum / last.count;
    }
    case 'MIN':
      return Math.min(...present.map((p) => p.min));
    case 'MAX':
      return Math.max(...present.map((p) => p.max));
    case 'COUNT':
      return total((p) => p.count);
    default:
      return total((p) => p.sum);
  }
}
