/**
 * The non-data inputs of an indicator expression for one query: the data elements' aggregation
 * types, constants `C{…}` from the
 * constants table, and org-unit group counts `OUG{…}` = the number of members of the group in
 * the evaluated org unit's subtree (itself included), as DHIS2 analytics counts them.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/** Each data element's aggregation type; unknown ids are absent (read as SUM). */
export async function loadAggregationTypes(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) {
    return new Map();
  }
  const rows = await db
    .selectFrom('dataElements')
    .select(['id', 'aggregationType'])
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r.aggregationType]));
}

/** Values of the given constants; unknown ids are absent. */
export async function loadConstants(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<Map<string, number>> {
  if (ids.length === 0) {
    return new Map();
  }
  const rows = await db
    .selectFrom('constants')
    .select(['id', 'value'])
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, Number(r.value)]));
}

/**
 * Members of each group within the subtree of `orgUnitId`; a known group with no member there
 * counts 0, an unknown group is absent.
 */
export async function loadOrgUnitGroupCounts(
  db: Kysely<Database>,
  orgUnitId: string,
  ids: readonly string[],
): Promise<Map<string, number>> {
  if (ids.length === 0) {
    return new Map();
  }
  const known = await db.selectFrom('orgUnitGroups').select('id').where('id', 'in', ids).execute();
  const counts = await db
    .selectFrom('orgUnitGroupMembers as m')
    .innerJoin('orgUnitClosure as c', 'c.descendantId', 'm.orgUnitId')
    .select((eb) => ['m.orgUnitGroupId', eb.fn.count<number>('m.orgUnitId').distinct().as('n')])
    .where('c.ancestorId', '=', orgUnitId)
    .where('m.orgUnitGroupId', 'in', ids)
    .groupBy('m.orgUnitGroupId')
    .execute();
  const byGroup = new Map(counts.map((r) => [r.orgUnitGroupId, Number(r.n)]));
  return new Map(known.map((g) => [g.id, byGroup.get(g.id) ?? 0]));
}
