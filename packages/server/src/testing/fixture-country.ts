/**
 * A small, fixed country for server tests, with values chosen so results can be computed by
 * hand. Hierarchy:
 *
 *   Fixtureland (OuCountry01)
 *   ├─ North (OuRegionN01)
 *   │  ├─ District A (OuDistA0001): Facility A1 (OuFacA10001), Facility A2 (OuFacA20001)
 *   │  └─ District B (OuDistB0001): Facility B1 (OuFacB10001)
 *   └─ South (OuRegionS01)
 *      └─ District C (OuDistC0001): Facility C1 (OuFacC10001)
 *
 * Monthly values for 202401–202403 (ANC1, ANC4 per facility; OPD by sex; staff present):
 *   ANC1: A1 = 10, 20, 30   A2 = 5, 5, 5   B1 = 8, 8, 8   C1 = 40, 40, 40
 *   ANC4: A1 = 5, 10, 15    A2 = 5, 0, —   B1 = 4, 4, 4   C1 = 10, 20, 30
 *   OPD (male / female) at A1: 202401 = 3 / 7
 *   Staff present (AVERAGE): A1 = 4, A2 = 2 in 202401
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { nowIso } from '../ids.ts';
import { insertOrgUnit } from '../services/org-unit-hierarchy.ts';
import { DEFAULT_COMBO_ID, ensurePeriods } from '../services/write-data-value.ts';
import { parsePeriodId } from '@sankofa/core';

export const FIXTURE = {
  country: 'OuCountry01',
  north: 'OuRegionN01',
  south: 'OuRegionS01',
  districtA: 'OuDistA0001',
  districtB: 'OuDistB0001',
  districtC: 'OuDistC0001',
  facilityA1: 'OuFacA10001',
  facilityA2: 'OuFacA20001',
  facilityB1: 'OuFacB10001',
  facilityC1: 'OuFacC10001',
  anc1: 'DeAnc100001',
  anc4: 'DeAnc400001',
  opd: 'DeOpd000001',
  staff: 'DeStaff0001',
  sexCombo: 'CcSex000001',
  male: 'CocMale0001',
  female: 'CocFemale01',
  defaultCombo: DEFAULT_COMBO_ID,
  defaultCategoryCombo: 'bjDvmb4bfuf',
  percent: 'ItPercent01',
  number: 'ItNumber001',
  anc4Rate: 'InAnc4Rate1',
  anc1Count: 'InAnc1Cnt01',
} as const;

const F = FIXTURE;

/** Inserts the fixture country into an empty, migrated database. */
export async function seedFixtureCountry(db: Kysely<Database>): Promise<void> {
  const now = nowIso();
  const stamp = { createdAt: now, updatedAt: now };
  await db.transaction().execute(async (trx) => {
    const units: [string, string, string | null, string][] = [
      [F.country, 'Fixtureland', null, 'FX'],
      [F.north, 'North', F.country, 'FX_N'],
      [F.south, 'South', F.country, 'FX_S'],
      [F.districtA, 'District A', F.north, 'FX_N_A'],
      [F.districtB, 'District B', F.north, 'FX_N_B'],
      [F.districtC, 'District C', F.south, 'FX_S_C'],
      [F.facilityA1, 'Facility A1', F.districtA, 'FX_N_A_1'],
      [F.facilityA2, 'Facility A2', F.districtA, 'FX_N_A_2'],
      [F.facilityB1, 'Facility B1', F.districtB, 'FX_N_B_1'],
      [F.facilityC1, 'Facility C1', F.districtC, 'FX_S_C_1'],
    ];
    for (const [id, name, parentId, code] of units) {
      await insertOrgUnit(trx, { id, name, parentId, code });
    }

    await trx
      .insertInto('categoryCombos')
      .values([
        {
          id: F.defaultCategoryCombo,
          code: 'default',
          name: 'default',
          dataDimensionType: 'disaggregation',
          ...stamp,
        },
        { id: F.sexCombo, code: 'SEX', name: 'Sex', dataDimensionType: 'disaggregation', ...stamp },
      ])
      .execute();
    await trx
      .insertInto('categoryOptionCombos')
      .values([
        {
          id: F.defaultCombo,
          code: 'default',
          name: 'default',
          categoryComboId: F.defaultCategoryCombo,
          ...stamp,
        },
        { id: F.male, code: 'MALE', name: 'Male', categoryComboId: F.sexCombo, ...stamp },
        { id: F.female, code: 'FEMALE', name: 'Female', categoryComboId: F.sexCombo, ...stamp },
      ])
      .execute();
    await trx
      .insertInto('attributeOptionCombos')
      .values({
        id: F.defaultCombo,
        code: 'default',
        name: 'default',
        categoryComboId: F.defaultCategoryCombo,
        ...stamp,
      })
      .execute();
    const de = (
      id: string,
      name: string,
      valueType: string,
      aggregationType: string,
      categoryComboId: string = F.defaultCategoryCombo,
    ) => ({
      id,
      code: name.toUpperCase().replace(/\W+/g, '_'),
      name,
      shortName: name,
      description: null,
      valueType,
      aggregationType,
      domainType: 'AGGREGATE',
      categoryComboId,
      zeroIsSignificant: 1 as const,
      ...stamp,
    });
    await trx
      .insertInto('dataElements')
      .values([
        de(F.anc1, 'ANC 1st visit', 'INTEGER_ZERO_OR_POSITIVE', 'SUM'),
        de(F.anc4, 'ANC 4th visit', 'INTEGER_ZERO_OR_POSITIVE', 'SUM'),
        de(F.opd, 'OPD visits', 'INTEGER_ZERO_OR_POSITIVE', 'SUM', F.sexCombo),
        de(F.staff, 'Staff present', 'NUMBER', 'AVERAGE'),
      ])
      .execute();
    await trx
      .insertInto('indicatorTypes')
      .values([
        { id: F.percent, name: 'Per cent', factor: 100, number: 0, ...stamp },
        { id: F.number, name: 'Number', factor: 1, number: 1, ...stamp },
      ])
      .execute();
    const indicator = (
      id: string,
      name: string,
      numerator: string,
      denominator: string,
      typeId: string,
      kind: string,
    ) => ({
      id,
      code: id,
      name,
      shortName: name,
      description: null,
      numerator,
      numeratorDescription: null,
      denominator,
      denominatorDescription: null,
      indicatorTypeId: typeId,
      annualized: 0 as const,
      decimals: 1,
      kind,
      desiredDirection: 'up',
      target: null,
      defaultChartType: 'p',
      notifiable: 0 as const,
      source: 'local',
      ...stamp,
    });
    await trx
      .insertInto('indicators')
      .values([
        indicator(
          F.anc4Rate,
          'ANC4 to ANC1 ratio',
          `#{${F.anc4}}`,
          `#{${F.anc1}}`,
          F.percent,
          'proportion',
        ),
        indicator(F.anc1Count, 'ANC1 visits', `#{${F.anc1}}`, '1', F.number, 'count'),
      ])
      .execute();

    const months = ['202401', '202402', '202403'];
    await ensurePeriods(
      trx,
      months.map((m) => parsePeriodId(m)),
    );
    const rows: [string, string, string, (number | null)[]][] = [
      [F.anc1, F.facilityA1, F.defaultCombo, [10, 20, 30]],
      [F.anc1, F.facilityA2, F.defaultCombo, [5, 5, 5]],
      [F.anc1, F.facilityB1, F.defaultCombo, [8, 8, 8]],
      [F.anc1, F.facilityC1, F.defaultCombo, [40, 40, 40]],
      [F.anc4, F.facilityA1, F.defaultCombo, [5, 10, 15]],
      [F.anc4, F.facilityA2, F.defaultCombo, [5, 0, null]],
      [F.anc4, F.facilityB1, F.defaultCombo, [4, 4, 4]],
      [F.anc4, F.facilityC1, F.defaultCombo, [10, 20, 30]],
      [F.opd, F.facilityA1, F.male, [3, null, null]],
      [F.opd, F.facilityA1, F.female, [7, null, null]],
      [F.staff, F.facilityA1, F.defaultCombo, [4, null, null]],
      [F.staff, F.facilityA2, F.defaultCombo, [2, null, null]],
    ];
    const values = rows.flatMap(([dataElementId, orgUnitId, coc, series]) =>
      series.flatMap((v, i) =>
        v === null
          ? []
          : [
              {
                dataElementId,
                periodId: months[i],
                orgUnitId,
                categoryOptionComboId: coc,
                attributeOptionComboId: F.defaultCombo,
                value: String(v),
                numericValue: v,
                storedBy: 'fixture',
                createdAt: now,
                lastUpdated: now,
                comment: null,
                followUp: 0 as const,
                deleted: 0 as const,
              },
            ],
      ),
    );
    await trx.insertInto('dataValues').values(values).execute();
  });
}
