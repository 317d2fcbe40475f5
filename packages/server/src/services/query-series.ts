/**
 * A time series of an indicator or a data element for one org unit (its whole subtree) over a
 * range of periods, evaluated as DHIS2 analytics does:
 *
 * - Each data item `#{de…}` is aggregated over the subtree and into each asked period by its
 *   data element's aggregation type (core `aggregateValues`: SUM, AVERAGE, AVERAGE_SUM_ORG_UNIT,
 *   LAST, LAST_AVERAGE_ORG_UNIT, MIN, MAX, COUNT, NONE). Stored periods inside the asked one
 *   roll up (months make a quarter); a coarser stored value is never split for SUM types (a
 *   yearly value gives no monthly value) but is reused as is for AVERAGE types (DHIS2
 *   disaggregation, e.g. a yearly population for each month).
 * - `C{…}` comes from the constants table; `OUG{…}` counts the group's members in the subtree;
 *   `[days]` is the days of the asked period.
 * - Numerator and denominator each follow SKIP_IF_ALL_VALUES_MISSING; the value is
 *   `numerator / denominator × factor` (× 365 / days when annualised), none when the
 *   denominator is 0 or missing (core `computeIndicatorValue`).
 */
import type { Period, SeriesPoint } from '@sankofa/core';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { compileSubject, evaluateSeries, type SeriesSubject } from './query-series-evaluate.ts';
import {
  loadAggregationTypes,
  loadConstants,
  loadOrgUnitGroupCounts,
} from './query-series-inputs.ts';
import { loadStoredRows, PER_ORG_UNIT_TYPES } from './query-series-rows.ts';

export type { SeriesSubject } from './query-series-evaluate.ts';

export interface SeriesQuery {
  readonly subject: SeriesSubject;
  /** The org unit whose subtree is aggregated. */
  readonly orgUnitId: string;
  /** The reported periods, in order, all of one type. */
  readonly periods: readonly Period[];
}

/** Computes the series; points without data have `value: null`. */
export async function querySeries(
  db: Kysely<Database>,
  query: SeriesQuery,
): Promise<SeriesPoint[]> {
  const { subject, periods } = query;
  if (periods.length === 0) {
    return [];
  }
  const compiled = compileSubject(subject);
  const { dataElementIds } = compiled;
  const aggregationTypes = await loadAggregationTypes(db, dataElementIds);
  const typeOf = (id: string): string => aggregationTypes.get(id) ?? 'SUM';
  const range = {
    orgUnitId: query.orgUnitId,
    startDate: periods[0].startDate,
    endDate: periods[periods.length - 1].endDate,
  };
  const perUnit = dataElementIds.filter((id) => PER_ORG_UNIT_TYPES.includes(typeOf(id)));
  const rows = [
    ...(await loadStoredRows(db, {
      ...range,
      dataElementIds: dataElementIds.filter((id) => !perUnit.includes(id)),
      perOrgUnit: false,
    })),
    ...(await loadStoredRows(db, { ...range, dataElementIds: perUnit, perOrgUnit: true })),
  ];
  return evaluateSeries(compiled, periods, {
    rows,
    aggregationTypes,
    constants: await loadConstants(db, compiled.constantIds),
    orgUnitGroupCounts: await loadOrgUnitGroupCounts(db, query.orgUnitId, compiled.orgUnitGroupIds),
  });
}
