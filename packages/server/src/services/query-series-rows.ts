/**
 * The stored values a series needs, summed in SQL per data item and stored period over an
 * org-unit subtree (and per org unit for the LAST types, which take each unit's latest value).
 * Every stored period overlapping the range is returned; core `aggregateValues` decides which
 * count for each asked period.
 */
import type { PeriodAggregate } from '@sankofa/core';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/** Aggregation types that need one row per org unit rather than subtree totals. */
export const PER_ORG_UNIT_TYPES: readonly string[] = ['LAST', 'LAST_AVERAGE_ORG_UNIT'];

/** One stored period's values of one data item (de × coc × aoc). */
export interface StoredItemRow extends PeriodAggregate {
  readonly dataElementId: string;
  readonly categoryOptionComboId: string;
  readonly attributeOptionComboId: string;
}

export interface StoredRowsQuery {
  readonly orgUnitId: string;
  readonly dataElementIds: readonly string[];
  /** Group per org unit too (LAST types). */
  readonly perOrgUnit: boolean;
  /** The range asked: stored periods overlapping it are read. */
  readonly startDate: string;
  readonly endDate: string;
}

/** Reads the stored sums, counts, minima and maxima; numbers come back as numbers. */
export async function loadStoredRows(
  db: Kysely<Database>,
  query: StoredRowsQuery,
): Promise<StoredItemRow[]> {
  if (query.dataElementIds.length === 0) {
    return [];
  }
  const base = db
    .selectFrom('dataValues as dv')
    .innerJoin('periods as p', 'p.id', 'dv.periodId')
    .innerJoin('orgUnitClosure as c', 'c.descendantId', 'dv.orgUnitId')
    .select((eb) => [
      'dv.dataElementId',
      'dv.categoryOptionComboId',
      'dv.attributeOptionComboId',
      'p.startDate',
      'p.endDate',
      eb.fn.sum<number>('dv.numericValue').as('sum'),
      eb.fn.count<number>('dv.numericValue').as('count'),
      eb.fn.min<number>('dv.numericValue').as('min'),
      eb.fn.max<number>('dv.numericValue').as('max'),
    ])
    .where('c.ancestorId', '=', query.orgUnitId)
    .where('dv.dataElementId', 'in', query.dataElementIds)
    .where('p.startDate', '<=', query.endDate)
    .where('p.endDate', '>=', query.startDate)
    .where('dv.deleted', '=', 0)
    .where('dv.numericValue', 'is not', null)
    .groupBy([
      'dv.dataElementId',
      'dv.categoryOptionComboId',
      'dv.attributeOptionComboId',
      'p.id',
      'p.startDate',
      'p.endDate',
    ]);
  const rows = query.perOrgUnit
    ? await base.select('dv.orgUnitId').groupBy('dv.orgUnitId').execute()
    : await base.execute();
  return rows.map((r) => ({
    ...r,
    sum: Number(r.sum),
    count: Number(r.count),
    min: Number(r.min),
    max: Number(r.max),
  }));
}
