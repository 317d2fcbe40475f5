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
import {
  aggregateValues,
  collectReferences,
  computeIndicatorValue,
  evaluateExpression,
  parseExpression,
  periodDays,
  type DataItemRef,
  type ExpressionInputs,
  type ExpressionNode,
  type Period,
  type PeriodAggregate,
  type SeriesPoint,
} from '@sankofa/core';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { loadConstants, loadOrgUnitGroupCounts } from './query-series-inputs.ts';
import { loadStoredRows, PER_ORG_UNIT_TYPES, type StoredItemRow } from './query-series-rows.ts';

export type SeriesSubject =
  | {
      readonly kind: 'indicator';
      readonly numerator: string;
      readonly denominator: string;
      readonly factor: number;
      readonly annualized: boolean;
    }
  | {
      readonly kind: 'dataElement';
      readonly dataElementId: string;
      readonly categoryOptionComboId?: string;
    };

export interface SeriesQuery {
  readonly subject: SeriesSubject;
  /** The org unit whose subtree is aggregated. */
  readonly orgUnitId: string;
  /** The reported periods, in order, all of one type. */
  readonly periods: readonly Period[];
}

const matches = (ref: DataItemRef, row: StoredItemRow): boolean =>
  row.dataElementId === ref.dataElementId &&
  (ref.categoryOptionComboId === null || row.categoryOptionComboId === ref.categoryOptionComboId) &&
  (ref.attributeOptionComboId === null ||
    row.attributeOptionComboId === ref.attributeOptionComboId);

/** Merges the combos of one stored period (and org unit) into one aggregate. */
function mergeCombos(rows: readonly StoredItemRow[]): PeriodAggregate[] {
  const merged = new Map<string, PeriodAggregate & { orgUnitId?: string }>();
  for (const r of rows) {
    const key = `${r.orgUnitId ?? ''}|${r.startDate}|${r.endDate}`;
    const acc = merged.get(key);
    merged.set(
      key,
      acc === undefined
        ? {
            startDate: r.startDate,
            endDate: r.endDate,
            orgUnitId: r.orgUnitId,
            sum: r.sum,
            count: r.count,
            min: r.min,
            max: r.max,
          }
        : {
            ...acc,
            sum: acc.sum + r.sum,
            count: acc.count + r.count,
            min: Math.min(acc.min, r.min),
            max: Math.max(acc.max, r.max),
          },
    );
  }
  return [...merged.values()];
}

function subjectExpressions(subject: SeriesSubject): [ExpressionNode, ExpressionNode | null] {
  if (subject.kind === 'indicator') {
    return [
      parseExpression(subject.numerator, 'numerator'),
      parseExpression(subject.denominator, 'denominator'),
    ];
  }
  return [
    {
      kind: 'dataItem',
      dataElementId: subject.dataElementId,
      categoryOptionComboId: subject.categoryOptionComboId ?? null,
      attributeOptionComboId: null,
    },
    null,
  ];
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
  const [numerator, denominator] = subjectExpressions(subject);
  const refs = collectReferences(
    ...(denominator === null ? [numerator] : [numerator, denominator]),
  );
  const dataElementIds = [...new Set(refs.dataItems.map((i) => i.dataElementId))];
  const aggregationTypes = new Map(
    dataElementIds.length === 0
      ? []
      : (
          await db
            .selectFrom('dataElements')
            .select(['id', 'aggregationType'])
            .where('id', 'in', dataElementIds)
            .execute()
        ).map((r) => [r.id, r.aggregationType] as const),
  );
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
  const rowsByElement = new Map<string, StoredItemRow[]>();
  for (const r of rows) {
    const list = rowsByElement.get(r.dataElementId);
    if (list === undefined) {
      rowsByElement.set(r.dataElementId, [r]);
    } else {
      list.push(r);
    }
  }
  const constants = await loadConstants(db, refs.constantIds);
  const groupCounts = await loadOrgUnitGroupCounts(db, query.orgUnitId, refs.orgUnitGroupIds);

  return periods.map((period) => {
    const days = periodDays(period);
    const cache = new Map<string, number | null>();
    const inputs: ExpressionInputs = {
      dataItem: (ref) => {
        const key = `${ref.dataElementId}.${ref.categoryOptionComboId}.${ref.attributeOptionComboId}`;
        if (!cache.has(key)) {
          const matching = mergeCombos(
            (rowsByElement.get(ref.dataElementId) ?? []).filter((r) => matches(ref, r)),
          );
          cache.set(key, aggregateValues(typeOf(ref.dataElementId), matching, period));
        }
        return cache.get(key) ?? null;
      },
      constant: (id) => constants.get(id),
      orgUnitGroupCount: (id) => groupCounts.get(id),
      days,
    };
    const base = { period: period.id, startDate: period.startDate, endDate: period.endDate };
    const num = evaluateExpression(numerator, inputs);
    if (denominator === null || subject.kind !== 'indicator') {
      return { ...base, value: num };
    }
    const den = evaluateExpression(denominator, inputs);
    const value = computeIndicatorValue({
      numerator: num,
      denominator: den,
      factor: subject.factor,
      annualized: subject.annualized,
      periodDays: days,
    });
    return { ...base, value, numerator: num, denominator: den };
  });
}
