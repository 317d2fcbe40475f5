/**
 * Indicator series on the fixture country, every expected value computed by hand in comments.
 *
 * Fixture (monthly 202401–202403): ANC1 A1 = 10, 20, 30; A2 = 5, 5, 5; B1 = 8, 8, 8;
 * C1 = 40, 40, 40. ANC4 A1 = 5, 10, 15; A2 = 5, 0, —; B1 = 4, 4, 4; C1 = 10, 20, 30.
 * Staff present (AVERAGE) A1 = 4, A2 = 2 in 202401. North = District A (A1, A2) + District B (B1).
 */
import { parsePeriodId, periodRange } from '@sankofa/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nowIso } from '../ids.ts';
import { FIXTURE as F, seedFixtureCountry } from '../testing/fixture-country.ts';
import { createTestDatabase, testDialects, type TestDatabase } from '../testing/test-database.ts';
import { querySeries, type SeriesSubject } from './query-series.ts';
import { querySeriesForOrgUnits } from './query-series-batch.ts';
import { ensurePeriods } from './write-data-value.ts';

const HOSPITALS = 'OugHospit01';
const EMPTY_GROUP = 'OugEmpty001';
const TARGET = 'CnstTarget1';
const POPULATION = 'DePopul0001'; // AVERAGE_SUM_ORG_UNIT, yearly
const YEARLY_SUM = 'DeYearSum01'; // SUM, yearly
const STOCK = 'DeStock0001'; // LAST, monthly
const LOWEST = 'DeLowest001'; // MIN, monthly
const HIGHEST = 'DeHighest01'; // MAX, monthly

const ratio = (numerator: string, denominator: string, factor = 100, annualized = false) =>
  ({ kind: 'indicator', numerator, denominator, factor, annualized }) as SeriesSubject;

describe.each(testDialects())('querySeries on %s', (dialect) => {
  let database: TestDatabase;
  // Every case is computed by the one-series query and by the batch reader of the scan (all org
  // units from one read; by its columns where they apply, and by its general path), and all
  // must agree.
  const series = async (subject: SeriesSubject, orgUnitId: string, first: string, last = first) => {
    const db = database.adapter.db;
    const periods = periodRange(parsePeriodId(first), parsePeriodId(last));
    const one = await querySeries(db, { subject, orgUnitId, periods });
    const orgUnits = await db.selectFrom('orgUnits').select(['id', 'parentId', 'level']).execute();
    const batch = await querySeriesForOrgUnits(db, { subject, orgUnits, periods });
    expect(batch.get(orgUnitId)).toEqual(one);
    // The batch reader's general path too, where its columns (fast path) were taken above.
    const general = await querySeriesForOrgUnits(db, {
      subject,
      orgUnits,
      periods,
      path: 'general',
    });
    expect(general.get(orgUnitId)).toEqual(one);
    return one.map((p) => p.value);
  };

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    const db = database.adapter.db;
    await seedFixtureCountry(db);
    const stamp = { createdAt: nowIso(), updatedAt: nowIso() };
    const named = (id: string) => ({ id, code: id, name: id, shortName: id, ...stamp });
    await db
      .insertInto('constants')
      .values({ ...named(TARGET), value: 2 })
      .execute();
    await db
      .insertInto('orgUnitGroups')
      .values([named(HOSPITALS), named(EMPTY_GROUP)])
      .execute();
    await db
      .insertInto('orgUnitGroupMembers')
      .values(
        [F.facilityA1, F.facilityB1, F.facilityC1].map((orgUnitId) => ({
          orgUnitGroupId: HOSPITALS,
          orgUnitId,
        })),
      )
      .execute();
    const de = (id: string, aggregationType: string) => ({
      ...named(id),
      description: null,
      valueType: 'NUMBER',
      aggregationType,
      domainType: 'AGGREGATE',
      categoryComboId: F.defaultCategoryCombo,
      zeroIsSignificant: 1 as const,
    });
    await db
      .insertInto('dataElements')
      .values([
        de(POPULATION, 'AVERAGE_SUM_ORG_UNIT'),
        de(YEARLY_SUM, 'SUM'),
        de(STOCK, 'LAST'),
        de(LOWEST, 'MIN'),
        de(HIGHEST, 'MAX'),
      ])
      .execute();
    await ensurePeriods(db, [parsePeriodId('2024')]);
    const value = (dataElementId: string, periodId: string, orgUnitId: string, v: number) => ({
      dataElementId,
      periodId,
      orgUnitId,
      categoryOptionComboId: F.defaultCombo,
      attributeOptionComboId: F.defaultCombo,
      value: String(v),
      numericValue: v,
      storedBy: 'test',
      createdAt: stamp.createdAt,
      lastUpdated: stamp.createdAt,
      comment: null,
      followUp: 0 as const,
      deleted: 0 as const,
    });
    await db
      .insertInto('dataValues')
      .values([
        value(POPULATION, '2024', F.facilityA1, 1200),
        value(POPULATION, '2024', F.facilityA2, 600),
        value(YEARLY_SUM, '2024', F.facilityA1, 365),
        value(STOCK, '202401', F.facilityA1, 7),
        value(STOCK, '202402', F.facilityA1, 9),
        value(STOCK, '202401', F.facilityA2, 3),
        ...[LOWEST, HIGHEST].flatMap((id) => [
          value(id, '202401', F.facilityA1, 6.5),
          value(id, '202402', F.facilityA1, 4.25),
          value(id, '202401', F.facilityA2, 9),
          value(id, '202402', F.facilityB1, 11),
        ]),
      ])
      .execute();
  });
  afterAll(async () => {
    await database.drop();
  });

  it('aggregates an indicator up the nested hierarchy and over a quarter', async () => {
    const anc4Rate = ratio(`#{${F.anc4}}`, `#{${F.anc1}}`);
    // North 2024Q1: ANC4 = A1 (5+10+15) + A2 (5+0) + B1 (4+4+4) = 30 + 5 + 12 = 47;
    // ANC1 = A1 (10+20+30) + A2 (5+5+5) + B1 (8+8+8) = 60 + 15 + 24 = 99 → 47/99 × 100.
    expect((await series(anc4Rate, F.north, '2024Q1'))[0]).toBeCloseTo((47 / 99) * 100, 10);
    // Country 2024Q1: ANC4 = 47 + C1 (10+20+30) = 107; ANC1 = 99 + C1 120 = 219.
    expect((await series(anc4Rate, F.country, '2024Q1'))[0]).toBeCloseTo((107 / 219) * 100, 10);
    // District A by month: Jan (5+5)/(10+5) = 66.67; Feb (10+0)/(20+5) = 40; Mar 15/(30+5) = 42.86.
    const districtA = await series(anc4Rate, F.districtA, '202401', '202403');
    expect(districtA[0]).toBeCloseTo((10 / 15) * 100, 10);
    expect(districtA[1]).toBeCloseTo(40, 10);
    expect(districtA[2]).toBeCloseTo((15 / 35) * 100, 10);
    // Facility A2 in March: no ANC4 at all → numerator skipped → no value (not 0).
    expect(await series(anc4Rate, F.facilityA2, '202403')).toEqual([null]);
    // A2 in February reported ANC4 = 0: a value, 0 / 5.
    expect(await series(anc4Rate, F.facilityA2, '202402')).toEqual([0]);
    // No data in April at all.
    expect(await series(anc4Rate, F.country, '202404')).toEqual([null]);
  });

  it('evaluates C{} from the constants table and OUG{} within the subtree', async () => {
    // #{ANC1} × C{target = 2} / OUG{hospitals = A1, B1, C1}, factor 1, January:
    const perHospital = ratio(`#{${F.anc1}}*C{${TARGET}}`, `OUG{${HOSPITALS}}`, 1);
    // Country: (10+5+8+40) × 2 / 3 = 126 / 3 = 42.
    expect(await series(perHospital, F.country, '202401')).toEqual([42]);
    // North: (10+5+8) × 2 / 2 (A1, B1) = 23.
    expect(await series(perHospital, F.north, '202401')).toEqual([23]);
    // District A: (10+5) × 2 / 1 (A1) = 30; District B: 8 × 2 / 1 = 16.
    expect(await series(perHospital, F.districtA, '202401')).toEqual([30]);
    expect(await series(perHospital, F.districtB, '202401')).toEqual([16]);
    // Facility A2 is in no hospital: the denominator is 0 → no value.
    expect(await series(perHospital, F.facilityA2, '202401')).toEqual([null]);
    // A known group with no member in the subtree counts 0; an unknown one has no value.
    expect(await series(ratio(`OUG{${EMPTY_GROUP}}+1`, '1', 1), F.north, '202401')).toEqual([1]);
    expect(await series(ratio(`OUG{OugUnknown1}+1`, '1', 1), F.north, '202401')).toEqual([null]);
  });

  it('annualises monthly and quarterly values by 365 / days in the period', async () => {
    // ANC1 per 1,000 of a population of 1,000, annualised (factor 1000).
    const annual = ratio(`#{${F.anc1}}`, '1000', 1000, true);
    // North January: 23 / 1000 × 1000 × 365 / 31 = 270.806…
    expect((await series(annual, F.north, '202401'))[0]).toBeCloseTo((23 * 365) / 31, 10);
    // North February 2024 (29 days): (20+5+8) = 33 → 33 × 365 / 29.
    expect((await series(annual, F.north, '202402'))[0]).toBeCloseTo((33 * 365) / 29, 10);
    // North 2024Q1 (31+29+31 = 91 days): 99 × 365 / 91 = 397.087…
    expect((await series(annual, F.north, '2024Q1'))[0]).toBeCloseTo((99 * 365) / 91, 10);
  });

  it('aggregates by the data element’s aggregation type, in space and time', async () => {
    const element = (dataElementId: string): SeriesSubject => ({
      kind: 'dataElement',
      dataElementId,
    });
    // Staff present (AVERAGE): District A January = (4 + 2) / 2 = 3; the quarter holds the same.
    expect(await series(element(F.staff), F.districtA, '202401')).toEqual([3]);
    expect(await series(element(F.staff), F.districtA, '2024Q1')).toEqual([3]);
    // Population (AVERAGE_SUM_ORG_UNIT) stored yearly: sum over units, reused for each month.
    // District A: 1200 + 600 = 1800 in every month; B has none → no value.
    expect(await series(element(POPULATION), F.districtA, '202401', '202403')).toEqual([
      1800, 1800, 1800,
    ]);
    expect(await series(element(POPULATION), F.districtB, '202401')).toEqual([null]);
    // A yearly SUM value is never split into months, but makes the year.
    expect(await series(element(YEARLY_SUM), F.country, '202401')).toEqual([null]);
    expect(await series(element(YEARLY_SUM), F.country, '2024')).toEqual([365]);
    // Stock (LAST): each unit's latest value in the quarter, summed: A1 Feb 9 + A2 Jan 3 = 12.
    expect(await series(element(STOCK), F.districtA, '2024Q1')).toEqual([12]);
    expect(await series(element(STOCK), F.districtA, '202402')).toEqual([9]);
    // MIN and MAX over the subtree's values (read as totals with their minima and maxima):
    // District A January min(6.5, 9) = 6.5, max 9; the quarter adds A1's 4.25 in February.
    expect(await series(element(LOWEST), F.districtA, '202401', '202402')).toEqual([6.5, 4.25]);
    expect(await series(element(LOWEST), F.districtA, '2024Q1')).toEqual([4.25]);
    expect(await series(element(HIGHEST), F.districtA, '202401', '202402')).toEqual([9, 4.25]);
    // North adds B1's 11 in February.
    expect(await series(element(HIGHEST), F.north, '2024Q1')).toEqual([11]);
    expect(await series(element(LOWEST), F.north, '202402')).toEqual([4.25]);
    // A category option combo alone: OPD male at A1 = 3, both sexes = 3 + 7.
    expect(
      await series(
        { kind: 'dataElement', dataElementId: F.opd, categoryOptionComboId: F.male },
        F.country,
        '202401',
      ),
    ).toEqual([3]);
    expect(await series(element(F.opd), F.country, '202401')).toEqual([10]);
    // A yearly population as a monthly denominator: District A January ANC1 (10+5) per 1,000 of 1800.
    const perPopulation = ratio(`#{${F.anc1}}`, `#{${POPULATION}}`, 1000);
    expect((await series(perPopulation, F.districtA, '202401'))[0]).toBeCloseTo(
      (15 / 1800) * 1000,
      10,
    );
  });
});
