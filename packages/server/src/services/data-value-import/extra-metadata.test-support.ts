/**
 * What the fixture country lacks for the conflict tests: the sex category with its options
 * (so ADX/FHIR option maps resolve to CocMale0001/CocFemale01), BOOLEAN, TEXT and
 * zero-insignificant INTEGER data elements, and a weekly data set.
 */
import { FIXTURE as F } from '../../testing/fixture-country.ts';
import type { TestDatabase } from '../../testing/test-database.ts';

export const BOOL = 'DeBool00001';
export const TEXT = 'DeText00001';
export const ZERO = 'DeZero00001';

/** Adds what the fixture lacks: the sex category and its options, and a few more value types. */
export async function seedExtras(database: TestDatabase): Promise<void> {
  const db = database.adapter.db;
  const now = new Date().toISOString();
  const stamp = { createdAt: now, updatedAt: now };
  await db
    .insertInto('categories')
    .values({
      id: 'CatSex00001',
      code: 'SEX_CAT',
      name: 'Sex',
      shortName: null,
      dataDimensionType: 'disaggregation',
      ...stamp,
    })
    .execute();
  await db
    .insertInto('categoryOptions')
    .values([
      {
        id: 'CoMale00001',
        code: 'M',
        name: 'Male',
        shortName: null,
        startDate: null,
        endDate: null,
        ...stamp,
      },
      {
        id: 'CoFemale001',
        code: 'F',
        name: 'Female',
        shortName: null,
        startDate: null,
        endDate: null,
        ...stamp,
      },
    ])
    .execute();
  await db
    .insertInto('optionComboOptions')
    .values([
      { optionComboId: F.male, categoryOptionId: 'CoMale00001' },
      { optionComboId: F.female, categoryOptionId: 'CoFemale001' },
    ])
    .execute();
  const de = (id: string, valueType: string, zeroIsSignificant: 0 | 1) => ({
    id,
    code: id,
    name: id,
    shortName: null,
    description: null,
    valueType,
    aggregationType: 'SUM',
    domainType: 'AGGREGATE',
    categoryComboId: F.defaultCategoryCombo,
    zeroIsSignificant,
    ...stamp,
  });
  await db
    .insertInto('dataElements')
    .values([de(BOOL, 'BOOLEAN', 1), de(TEXT, 'TEXT', 1), de(ZERO, 'INTEGER', 0)])
    .execute();
  await db
    .insertInto('dataSets')
    .values({
      id: 'DsWeekly001',
      code: 'WEEKLY',
      name: 'Weekly',
      shortName: null,
      periodType: 'Weekly',
      categoryComboId: null,
      openFuturePeriods: 0,
      expiryDays: 0,
      timelyDays: 15,
      ...stamp,
    })
    .execute();
}
