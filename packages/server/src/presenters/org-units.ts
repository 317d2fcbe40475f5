import type { OrgUnit } from '@sankofa/core';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, OrgUnitTable } from '../db/schema.ts';

type OrgUnitRow = Pick<
  OrgUnitTable,
  'id' | 'code' | 'name' | 'shortName' | 'parentId' | 'level' | 'path'
> & {
  childCount: number | string;
};

/** A query of org units with their child counts, ready for `where` clauses. */
export function selectOrgUnits(db: Kysely<Database> | Transaction<Database>) {
  return db
    .selectFrom('orgUnits')
    .select([
      'orgUnits.id',
      'orgUnits.code',
      'orgUnits.name',
      'orgUnits.shortName',
      'orgUnits.parentId',
      'orgUnits.level',
      'orgUnits.path',
      sql<number>`(select count(*) from org_units c where c.parent_id = org_units.id)`.as(
        'childCount',
      ),
    ]);
}

/** The API form of an org unit. */
export function presentOrgUnit(row: OrgUnitRow): OrgUnit {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    shortName: row.shortName,
    parentId: row.parentId,
    level: row.level,
    path: row.path,
    childCount: Number(row.childCount),
  };
}
