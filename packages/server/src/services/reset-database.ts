/** Empties every table (the schema stays): for `sankofa demo --reset` and tests. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/** Tables in an order that deletes children before the rows they reference. */
const TABLES_CHILD_FIRST: readonly (keyof Database)[] = [
  'signals',
  'signalSeriesState',
  'chartSettings',
  'dhis2Schedules',
  'dhis2SyncRuns',
  'dhis2Connections',
  'importJobs',
  'completeRegistrations',
  'dataSetOrgUnits',
  'dataSetElements',
  'dataSets',
  'constants',
  'sessions',
  'userRoles',
  'users',
  'auditEvents',
  'dataValues',
  'periods',
  'indicators',
  'indicatorTypes',
  'dataElementGroupMembers',
  'dataElementGroups',
  'dataElements',
  'attributeOptionCombos',
  'categoryOptionCombos',
  'optionComboOptions',
  'categoryComboCategories',
  'categoryCategoryOptions',
  'categoryOptions',
  'categories',
  'categoryCombos',
  'orgUnitGroupMembers',
  'orgUnitGroups',
  'orgUnitClosure',
  'settings',
];

/** Deletes all rows in one transaction. */
export async function resetDatabase(db: Kysely<Database>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const table of TABLES_CHILD_FIRST) {
      await trx.deleteFrom(table).execute();
    }
    // Org units reference their parents: delete the deepest first.
    const deepest = async () =>
      (
        await trx
          .selectFrom('orgUnits')
          .select((eb) => eb.fn.max<number>('level').as('l'))
          .executeTakeFirst()
      )?.l;
    for (
      let level = await deepest();
      level !== null && level !== undefined;
      level = await deepest()
    ) {
      await trx.deleteFrom('orgUnits').where('level', '=', level).execute();
    }
  });
}
