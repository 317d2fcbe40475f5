/** Reporting completeness on the fixture country; the data set is in completeness.test-support.ts. */
import { parsePeriodId, periodRange, ValidationError } from '@sankofa/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE as F, seedFixtureCountry } from '../../testing/fixture-country.ts';
import {
  createTestDatabase,
  testDialects,
  type TestDatabase,
} from '../../testing/test-database.ts';
import { DATA_SET, seedCompletenessFixture } from './completeness.test-support.ts';
import { reportingCompleteness } from './reporting-completeness.ts';

describe.each(testDialects())('reportingCompleteness on %s', (dialect) => {
  let database: TestDatabase;
  const run = (orgUnitId: string, first: string, last = first) =>
    reportingCompleteness(database.adapter.db, {
      dataSetId: DATA_SET,
      orgUnitId,
      periods: periodRange(parsePeriodId(first), parsePeriodId(last)),
    });

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    await seedFixtureCountry(database.adapter.db);
    await seedCompletenessFixture(database.adapter.db);
  });
  afterAll(async () => {
    await database.drop();
  });

  it('counts expected, complete, on-time and reported per month for North and its districts', async () => {
    const result = await run(F.north, '202401', '202403');
    expect(result.dataSet).toEqual({
      id: DATA_SET,
      name: 'Monthly report',
      periodType: 'Monthly',
      timelyDays: 15,
    });
    const pick = (orgUnitId: string) =>
      result.rows
        .filter((r) => r.orgUnitId === orgUnitId)
        .map((r) => [r.period, r.expected, r.actual, r.actualOnTime, r.reported]);
    // North: A1, A2, B1 assigned → 3 expected a month. Jan: A1 (twice, counted once) and A2,
    // both on time; Feb: A1 late (03-20 > 03-15); Mar: B1 on time. Every unit has ANC1 values.
    expect(pick(F.north)).toEqual([
      ['202401', 3, 2, 2, 3],
      ['202402', 3, 1, 0, 3],
      ['202403', 3, 1, 1, 3],
    ]);
    // District A (A1, A2) then District B (B1), by name.
    expect(pick(F.districtA)).toEqual([
      ['202401', 2, 2, 2, 2],
      ['202402', 2, 1, 0, 2],
      ['202403', 2, 0, 0, 2],
    ]);
    expect(pick(F.districtB)).toEqual([
      ['202401', 1, 0, 0, 1],
      ['202402', 1, 0, 0, 1],
      ['202403', 1, 1, 1, 1],
    ]);
    expect(result.rows.map((r) => r.orgUnitId)).toEqual([
      ...Array<string>(3).fill(F.north),
      ...Array<string>(3).fill(F.districtA),
      ...Array<string>(3).fill(F.districtB),
    ]);
    const jan = result.rows[0];
    expect(jan.completeness).toBeCloseTo((2 / 3) * 100, 10);
    expect(jan.timeliness).toBeCloseTo((2 / 3) * 100, 10);
    expect(jan.reportedRate).toBe(100);
  });

  it('sums a quarter of monthly reports and ignores units not assigned the data set', async () => {
    const result = await run(F.country, '2024Q1');
    // Country: 3 assigned units × 3 months = 9 expected; 4 complete (A1 Jan, A1 Feb, A2 Jan,
    // B1 Mar), 3 on time; 9 unit-months with values. C1's registration and values do not count.
    const [country, north, south] = result.rows;
    expect([country.orgUnitId, country.expected, country.actual, country.actualOnTime]).toEqual([
      F.country,
      9,
      4,
      3,
    ]);
    expect(country.reported).toBe(9);
    expect(country.completeness).toBeCloseTo((4 / 9) * 100, 10);
    expect(country.timeliness).toBeCloseTo((3 / 9) * 100, 10);
    expect(north.orgUnitId).toBe(F.north);
    expect(north.expected).toBe(9);
    // South has no unit assigned: nothing expected, no rate.
    expect(south).toMatchObject({
      orgUnitId: F.south,
      expected: 0,
      actual: 0,
      reported: 0,
      completeness: null,
      timeliness: null,
      reportedRate: null,
    });
  });

  it('expects reports only while a unit is open (opening and closing dates)', async () => {
    const dates = (id: string, openingDate: string | null, closedDate: string | null) =>
      database.adapter.db
        .updateTable('orgUnits')
        .set({ openingDate, closedDate })
        .where('id', '=', id)
        .execute();
    // A unit is expected for a month only when open all month. A2 opens on 2024-02-10: expected
    // from March. B1 closes on 2024-02-01: expected in January only. A2's January report and
    // B1's March report were made while they were not expected, so they do not count.
    await dates(F.facilityA2, '2024-02-10T00:00:00.000', null);
    await dates(F.facilityB1, null, '2024-02-01T00:00:00.000');
    try {
      const result = await run(F.north, '202401', '202403');
      const north = result.rows
        .filter((r) => r.orgUnitId === F.north)
        .map((r) => [r.period, r.expected, r.actual, r.actualOnTime, r.reported]);
      expect(north).toEqual([
        ['202401', 2, 1, 1, 2],
        ['202402', 1, 1, 0, 1],
        ['202403', 2, 0, 0, 2],
      ]);
      // 2 + 1 + 2 unit-months expected; A1's January and February reports count.
      const quarter = await run(F.north, '2024Q1');
      expect(quarter.rows[0]).toMatchObject({ expected: 5, actual: 2, reported: 5 });
    } finally {
      await dates(F.facilityA2, null, null);
      await dates(F.facilityB1, null, null);
    }
  });

  it('refuses periods shorter than the data set’s, and unknown data sets', async () => {
    await expect(run(F.north, '2024W3')).rejects.toThrow(ValidationError);
    await expect(
      reportingCompleteness(database.adapter.db, {
        dataSetId: 'DsUnknown01',
        orgUnitId: F.north,
        periods: [parsePeriodId('202401')],
      }),
    ).rejects.toThrow(/Data set DsUnknown01 was not found/);
  });
});
