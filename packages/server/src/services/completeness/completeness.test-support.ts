/**
 * A monthly data set on the fixture country for completeness tests (timely days 15):
 *
 * - elements ANC1 and ANC4; assigned to facilities A1, A2 and B1 (not C1);
 * - complete registrations: A1 202401 on 2024-02-10 (on time: 01-31 + 15 = 02-15), again for a
 *   second attribute option combo; A1 202402 on 2024-03-20 (late: 02-29 + 15 = 03-15); A2 202401
 *   on 2024-02-15 (on time, the last day); B1 202403 on 2024-04-01 (on time); C1 202401 (not
 *   assigned: ignored);
 * - values: the fixture's ANC1 rows give A1, A2, B1 and C1 a value in each of 202401–202403.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { FIXTURE as F } from '../../testing/fixture-country.ts';

export const DATA_SET = 'DsMonthly01';
export const PARTNER_AOC = 'AocPartner1';

/** Adds the data set, its assignments and registrations to a database seeded with the fixture. */
export async function seedCompletenessFixture(db: Kysely<Database>): Promise<void> {
  const stamp = { createdAt: '2024-01-01T00:00:00.000Z', updatedAt: '2024-01-01T00:00:00.000Z' };
  await db
    .insertInto('attributeOptionCombos')
    .values({
      id: PARTNER_AOC,
      code: 'PARTNER',
      name: 'Partner',
      categoryComboId: F.defaultCategoryCombo,
      ...stamp,
    })
    .execute();
  await db
    .insertInto('dataSets')
    .values({
      id: DATA_SET,
      code: 'MONTHLY',
      name: 'Monthly report',
      shortName: 'Monthly',
      periodType: 'Monthly',
      categoryComboId: null,
      openFuturePeriods: 0,
      expiryDays: 0,
      timelyDays: 15,
      ...stamp,
    })
    .execute();
  await db
    .insertInto('dataSetElements')
    .values(
      [F.anc1, F.anc4].map((dataElementId) => ({
        dataSetId: DATA_SET,
        dataElementId,
        categoryComboId: null,
      })),
    )
    .execute();
  await db
    .insertInto('dataSetOrgUnits')
    .values(
      [F.facilityA1, F.facilityA2, F.facilityB1].map((orgUnitId) => ({
        dataSetId: DATA_SET,
        orgUnitId,
      })),
    )
    .execute();
  const registration = (
    orgUnitId: string,
    periodId: string,
    completedAt: string,
    attributeOptionComboId: string = F.defaultCombo,
  ) => ({
    dataSetId: DATA_SET,
    periodId,
    orgUnitId,
    attributeOptionComboId,
    completedAt,
    storedBy: 'test',
    lastUpdated: completedAt,
  });
  await db
    .insertInto('completeRegistrations')
    .values([
      registration(F.facilityA1, '202401', '2024-02-10T09:00:00.000Z'),
      registration(F.facilityA1, '202401', '2024-02-11T09:00:00.000Z', PARTNER_AOC),
      registration(F.facilityA1, '202402', '2024-03-20T09:00:00.000Z'),
      registration(F.facilityA2, '202401', '2024-02-15T23:59:00.000Z'),
      registration(F.facilityB1, '202403', '2024-04-01T08:00:00.000Z'),
      registration(F.facilityC1, '202401', '2024-02-01T08:00:00.000Z'),
    ])
    .execute();
}
