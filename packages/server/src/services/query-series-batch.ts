/**
 * Many series at once: one subject (an indicator or a data element) for every given org unit,
 * over the same periods, from **one read** of its data elements' values. The values are summed
 * up the hierarchy in memory (each unit's totals added into its parent's, deepest level first)
 * instead of one subtree query per org unit, then each unit is evaluated with the same
 * `evaluateSeries` as `querySeries`, so both give the same numbers (tested on every case of
 * `query-series.int.test.ts` and on the demo). The signal scan reads with this.
 */
import type { Period, SeriesPoint } from '@sankofa/core';
import type { Kysely } from 'kysely';
import { sqliteConnectionOf } from '../db/dialects/sqlite/raw-connection.ts';
import type { Database } from '../db/schema.ts';
import { compileSubject, evaluateSeries, type SeriesSubject } from './query-series-evaluate.ts';
import { loadAggregationTypes, loadConstants } from './query-series-inputs.ts';
import { PER_ORG_UNIT_TYPES, type StoredItemRow } from './query-series-rows.ts';

/** An org unit of the batch; every ancestor of a unit must be in the batch too. */
export interface BatchOrgUnit {
  readonly id: string;
  readonly parentId: string | null;
  readonly level: number;
}

export interface BatchSeriesQuery {
  readonly subject: SeriesSubject;
  /** The units to evaluate, with all their ancestors. */
  readonly orgUnits: readonly BatchOrgUnit[];
  /** The reported periods, in order, all of one type. */
  readonly periods: readonly Period[];
  /** Shared by the queries of one run (e.g. a scan): each data element is read once. */
  readonly cache?: ElementValuesCache;
}

interface Accumulator {
  dataElementId: string;
  categoryOptionComboId: string;
  attributeOptionComboId: string;
  startDate: string;
  endDate: string;
  sum: number;
  count: number;
  min: number;
  max: number;
}

/** Adds `row` into `totals` under its item and stored period. */
function addInto(totals: Map<string, Accumulator>, key: string, row: Accumulator): void {
  const acc = totals.get(key);
  if (acc === undefined) {
    totals.set(key, { ...row });
  } else {
    acc.sum += row.sum;
    acc.count += row.count;
    acc.min = Math.min(acc.min, row.min);
    acc.max = Math.max(acc.max, row.max);
  }
}

/**
 * One stored period's values of one data element at one org unit: org unit, category option
 * combo, attribute option combo, period, sum, count, min, max. Tuples, not objects: a batch
 * carries a million of them.
 */
export type ValueTuple = [string, string, string, string, number, number, number, number];

/** Values already read in this batch run, by data element, shape and periods (see `cache`). */
export type ElementValuesCache = Map<string, Promise<ValueTuple[]>>;

const TOTALS_SQL = `SELECT org_unit_id, '', '', period_id, sum(numeric_value), count(numeric_value),
    min(numeric_value), max(numeric_value)
  FROM data_values
  WHERE data_element_id = ? AND period_id IN (SELECT value FROM json_each(?))
    AND deleted = 0 AND numeric_value IS NOT NULL
  GROUP BY period_id, org_unit_id`;
const ITEMS_SQL = `SELECT org_unit_id, category_option_combo_id, attribute_option_combo_id,
    period_id, numeric_value, 1, numeric_value, numeric_value
  FROM data_values
  WHERE data_element_id = ? AND period_id IN (SELECT value FROM json_each(?))
    AND deleted = 0 AND numeric_value IS NOT NULL`;

/**
 * The stored values of one data element in the stored periods, per org unit. An element
 * referenced only as a total (`#{de}`) comes summed over its combos (combo ids `''`): fewer rows
 * to carry into JavaScript, where each row costs far more than in SQL. On SQLite the statement
 * runs on the raw connection and returns arrays, skipping the query builder's per-row work.
 */
async function readElement(
  db: Kysely<Database>,
  dataElementId: string,
  totalsOnly: boolean,
  periodIds: readonly string[],
): Promise<ValueTuple[]> {
  if (periodIds.length === 0) {
    return [];
  }
  const connection = sqliteConnectionOf(db);
  if (connection !== undefined) {
    return connection
      .prepare(totalsOnly ? TOTALS_SQL : ITEMS_SQL)
      .raw()
      .all(dataElementId, JSON.stringify(periodIds)) as ValueTuple[];
  }
  const base = db
    .selectFrom('dataValues as dv')
    .where('dv.dataElementId', '=', dataElementId)
    .where('dv.periodId', 'in', periodIds)
    .where('dv.deleted', '=', 0)
    .where('dv.numericValue', 'is not', null);
  if (totalsOnly) {
    const rows = await base
      .select((eb) => [
        'dv.orgUnitId',
        'dv.periodId',
        eb.fn.sum<number>('dv.numericValue').as('sum'),
        eb.fn.count<number>('dv.numericValue').as('count'),
        eb.fn.min<number>('dv.numericValue').as('min'),
        eb.fn.max<number>('dv.numericValue').as('max'),
      ])
      .groupBy(['dv.periodId', 'dv.orgUnitId'])
      .execute();
    return rows.map((r) => [
      r.orgUnitId,
      '',
      '',
      r.periodId,
      Number(r.sum),
      Number(r.count),
      Number(r.min),
      Number(r.max),
    ]);
  }
  const rows = await base
    .select([
      'dv.orgUnitId',
      'dv.categoryOptionComboId',
      'dv.attributeOptionComboId',
      'dv.periodId',
      'dv.numericValue',
    ])
    .execute();
  return rows.map((r) => {
    const value = Number(r.numericValue);
    return [
      r.orgUnitId,
      r.categoryOptionComboId,
      r.attributeOptionComboId,
      r.periodId,
      value,
      1,
      value,
      value,
    ];
  });
}

/** Counts each group's members in every unit's subtree (itself included). */
async function groupCountsByUnit(
  db: Kysely<Database>,
  groupIds: readonly string[],
  parentOf: ReadonlyMap<string, string | null>,
): Promise<(orgUnitId: string) => Map<string, number>> {
  if (groupIds.length === 0) {
    return () => new Map();
  }
  const known = (
    await db.selectFrom('orgUnitGroups').select('id').where('id', 'in', groupIds).execute()
  ).map((g) => g.id);
  const members = await db
    .selectFrom('orgUnitGroupMembers')
    .select(['orgUnitGroupId', 'orgUnitId'])
    .where('orgUnitGroupId', 'in', groupIds)
    .execute();
  const counts = new Map<string, Map<string, number>>();
  const seen = new Set<string>();
  for (const m of members) {
    const pair = `${m.orgUnitGroupId}|${m.orgUnitId}`;
    if (seen.has(pair)) {
      continue;
    }
    seen.add(pair);
    for (
      let unit: string | null | undefined = m.orgUnitId;
      unit != null;
      unit = parentOf.get(unit)
    ) {
      const byGroup = counts.get(unit) ?? new Map<string, number>();
      byGroup.set(m.orgUnitGroupId, (byGroup.get(m.orgUnitGroupId) ?? 0) + 1);
      counts.set(unit, byGroup);
    }
  }
  return (orgUnitId) => {
    const byGroup = counts.get(orgUnitId);
    return new Map(known.map((g) => [g, byGroup?.get(g) ?? 0]));
  };
}

/**
 * Computes the subject's series for every unit of `orgUnits`: a map from org unit id to its
 * points (periods without data have `value: null`).
 */
export async function querySeriesForOrgUnits(
  db: Kysely<Database>,
  query: BatchSeriesQuery,
): Promise<Map<string, SeriesPoint[]>> {
  const { periods, orgUnits } = query;
  const result = new Map<string, SeriesPoint[]>();
  if (periods.length === 0 || orgUnits.length === 0) {
    return result;
  }
  const compiled = compileSubject(query.subject);
  const { dataElementIds } = compiled;
  const aggregationTypes = await loadAggregationTypes(db, dataElementIds);
  const perUnitTypes = new Set(
    dataElementIds.filter((id) => PER_ORG_UNIT_TYPES.includes(aggregationTypes.get(id) ?? 'SUM')),
  );
  const stored = await db
    .selectFrom('periods')
    .select(['id', 'startDate', 'endDate'])
    .where('startDate', '<=', periods[periods.length - 1].endDate)
    .where('endDate', '>=', periods[0].startDate)
    .execute();
  const periodById = new Map(stored.map((p) => [p.id, p]));
  const storedIds = stored.map((p) => p.id);
  const read = (dataElementId: string): Promise<ValueTuple[]> => {
    const totalsOnly = compiled.totalsOnlyIds.includes(dataElementId);
    const key = `${dataElementId}|${totalsOnly}|${storedIds.join(',')}`;
    let values = query.cache?.get(key);
    if (values === undefined) {
      values = readElement(db, dataElementId, totalsOnly, storedIds);
      query.cache?.set(key, values);
    }
    return values;
  };

  const parentOf = new Map(orgUnits.map((u) => [u.id, u.parentId]));
  // Subtree totals per unit (summed types) and each unit's own rows (LAST types, kept per unit).
  const totals = new Map<string, Map<string, Accumulator>>();
  const perUnitRows = new Map<string, StoredItemRow[]>();
  const totalsOf = (id: string) => {
    let t = totals.get(id);
    if (t === undefined) {
      t = new Map();
      totals.set(id, t);
    }
    return t;
  };
  for (const dataElementId of dataElementIds) {
    const perUnit = perUnitTypes.has(dataElementId);
    for (const [orgUnitId, coc, aoc, periodId, sum, count, min, max] of await read(dataElementId)) {
      const period = periodById.get(periodId);
      if (period === undefined || !parentOf.has(orgUnitId)) {
        continue;
      }
      const row: Accumulator = {
        dataElementId,
        categoryOptionComboId: coc,
        attributeOptionComboId: aoc,
        startDate: period.startDate,
        endDate: period.endDate,
        sum,
        count,
        min,
        max,
      };
      if (perUnit) {
        // Each ancestor sees this unit's row as it is: LAST takes each unit's latest value.
        const own: StoredItemRow = { ...row, orgUnitId };
        for (
          let unit: string | null | undefined = orgUnitId;
          unit != null;
          unit = parentOf.get(unit)
        ) {
          const list = perUnitRows.get(unit) ?? [];
          list.push(own);
          perUnitRows.set(unit, list);
        }
      } else {
        addInto(totalsOf(orgUnitId), `${dataElementId}|${coc}|${aoc}|${periodId}`, row);
      }
    }
  }
  // Deepest level first, each unit's totals into its parent's.
  const deepestFirst = [...orgUnits].sort((a, b) => b.level - a.level);
  for (const unit of deepestFirst) {
    const own = totals.get(unit.id);
    if (own === undefined || unit.parentId === null || !parentOf.has(unit.parentId)) {
      continue;
    }
    const parent = totalsOf(unit.parentId);
    for (const [key, acc] of own) {
      addInto(parent, key, acc);
    }
  }

  const constants = await loadConstants(db, compiled.constantIds);
  const groupCounts = await groupCountsByUnit(db, compiled.orgUnitGroupIds, parentOf);
  for (const [index, unit] of orgUnits.entries()) {
    if (index > 0 && index % 200 === 0) {
      // A server answers other requests between batches of org units.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    const rows: StoredItemRow[] = [
      ...(totals.get(unit.id)?.values() ?? []),
      ...(perUnitRows.get(unit.id) ?? []),
    ];
    result.set(
      unit.id,
      evaluateSeries(compiled, periods, {
        rows,
        aggregationTypes,
        constants,
        orgUnitGroupCounts: groupCounts(unit.id),
      }),
    );
  }
  return result;
}
