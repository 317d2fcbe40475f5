/** Full ordered dumps of what an import may touch, to prove a database unchanged. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

/** data_values, periods, audit_events and complete_registrations, every column, in key order. */
export async function dumpImportTables(db: Kysely<Database>): Promise<string> {
  const values = await db
    .selectFrom('dataValues')
    .selectAll()
    .orderBy('dataElementId')
    .orderBy('periodId')
    .orderBy('orgUnitId')
    .orderBy('categoryOptionComboId')
    .orderBy('attributeOptionComboId')
    .execute();
  const periods = await db.selectFrom('periods').selectAll().orderBy('id').execute();
  const audit = await db.selectFrom('auditEvents').selectAll().orderBy('id').execute();
  const registrations = await db
    .selectFrom('completeRegistrations')
    .selectAll()
    .orderBy('dataSetId')
    .orderBy('periodId')
    .orderBy('orgUnitId')
    .orderBy('attributeOptionComboId')
    .execute();
  return JSON.stringify({ values, periods, audit, registrations });
}

/** One stored value by its key (default combos), or undefined. */
export async function storedValue(
  db: Kysely<Database>,
  dataElementId: string,
  periodId: string,
  orgUnitId: string,
  categoryOptionComboId = 'HllvX50cXC0',
) {
  return db
    .selectFrom('dataValues')
    .selectAll()
    .where('dataElementId', '=', dataElementId)
    .where('periodId', '=', periodId)
    .where('orgUnitId', '=', orgUnitId)
    .where('categoryOptionComboId', '=', categoryOptionComboId)
    .where('attributeOptionComboId', '=', 'HllvX50cXC0')
    .executeTakeFirst();
}
