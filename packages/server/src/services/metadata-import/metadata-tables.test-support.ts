/**
 * Test support: a full, sorted dump of every table the metadata importer writes, to prove an
 * import changed nothing (or exactly what it should), and small builders of DHIS2 documents.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

/** Every table a metadata import may write, audit events excluded. */
export const METADATA_TABLES = [
  'orgUnits',
  'orgUnitClosure',
  'orgUnitGroups',
  'orgUnitGroupMembers',
  'categoryOptions',
  'categories',
  'categoryCategoryOptions',
  'categoryCombos',
  'categoryComboCategories',
  'categoryOptionCombos',
  'attributeOptionCombos',
  'optionComboOptions',
  'dataElements',
  'dataElementGroups',
  'dataElementGroupMembers',
  'dataSets',
  'dataSetElements',
  'dataSetOrgUnits',
  'indicatorTypes',
  'indicators',
  'constants',
] as const satisfies readonly (keyof Database)[];

/** Each metadata table's rows as JSON strings, sorted: equal dumps mean identical tables. */
export async function dumpMetadataTables(db: Kysely<Database>): Promise<Record<string, string[]>> {
  const dump: Record<string, string[]> = {};
  for (const table of METADATA_TABLES) {
    const rows = await db.selectFrom(table).selectAll().execute();
    dump[table] = rows.map((r) => JSON.stringify(r)).sort();
  }
  return dump;
}

/** The audit events recorded so far, oldest first. */
export async function auditEvents(db: Kysely<Database>) {
  return db.selectFrom('auditEvents').selectAll().orderBy('id').execute();
}

/** The closure rows of one unit as `ancestor:depth`, nearest first. */
export async function ancestorsOf(db: Kysely<Database>, id: string): Promise<string[]> {
  const rows = await db
    .selectFrom('orgUnitClosure')
    .select(['ancestorId', 'depth'])
    .where('descendantId', '=', id)
    .orderBy('depth')
    .execute();
  return rows.map((r) => `${r.ancestorId}:${Number(r.depth)}`);
}

/** A DHIS2 org unit as an export writes it. */
export function orgUnit(id: string, name: string, parent?: string) {
  return { id, name, shortName: name, ...(parent === undefined ? {} : { parent: { id: parent } }) };
}
