import { afterEach, describe, expect, it } from 'vitest';
import { FIXTURE as F, seedFixtureCountry } from '../../testing/fixture-country.ts';
import {
  createTestDatabase,
  testDialects,
  type TestDatabase,
} from '../../testing/test-database.ts';
import { dumpImportTables } from './dump.test-support.ts';
import { importDataValues } from './import-data-values.ts';
import { memoryReader, type MemoryValue } from './memory-reader.test-support.ts';

const CLI = { actor: { userId: null, actor: 'cli' }, writableOrgUnitPaths: null } as const;
const UNITS = [
  F.country,
  F.north,
  F.south,
  F.districtA,
  F.districtB,
  F.districtC,
  F.facilityA1,
  F.facilityA2,
  F.facilityB1,
  F.facilityC1,
];

/** 1,000 values: 2 data elements × 10 org units × 50 months from 202001 (some overlap the fixture's). */
function thousandValues(bad?: { row: number; value: MemoryValue }): MemoryValue[] {
  const values: MemoryValue[] = [];
  for (const dataElement of [F.anc1, F.anc4]) {
    for (const orgUnit of UNITS) {
      for (let m = 0; m < 50; m++) {
        const period = `${2020 + Math.floor(m / 12)}${String((m % 12) + 1).padStart(2, '0')}`;
        values.push({ dataElement, period, orgUnit, value: String((m * 7) % 23) });
      }
    }
  }
  if (bad !== undefined) {
    values[bad.row - 1] = bad.value;
  }
  return values;
}

describe.each(testDialects())('importDataValues all-or-nothing on %s', (dialect) => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.drop();
    database = undefined;
  });
  const setUp = async () => {
    database = await createTestDatabase(dialect);
    await seedFixtureCountry(database.adapter.db);
    return database.adapter.db;
  };

  it('a 1,000-value import with one bad row in the middle leaves the database unchanged', async () => {
    const db = await setUp();
    const before = await dumpImportTables(db);
    const bad = { dataElement: F.anc1, period: '202002', orgUnit: F.facilityA1, value: '4.5' };
    const summary = await importDataValues(
      db,
      memoryReader(thousandValues({ row: 500, value: bad })),
      CLI,
    );
    expect(summary.status).toBe('ERROR');
    expect(summary.importCount).toEqual({ imported: 0, updated: 0, ignored: 1000, deleted: 0 });
    expect(summary.conflicts.map((c) => [c.errorCode, c.property, c.indexes])).toEqual([
      ['E7619', 'value', [500]],
    ]);
    expect(await dumpImportTables(db)).toBe(before);
  });

  it('with skipInvalid the 999 valid values land and the bad one is reported', async () => {
    const db = await setUp();
    const bad = { dataElement: F.anc1, period: '202002', orgUnit: 'NotAUnit001', value: '4' };
    const summary = await importDataValues(
      db,
      memoryReader(thousandValues({ row: 500, value: bad })),
      { ...CLI, skipInvalid: true },
    );
    expect(summary.status).toBe('WARNING');
    const { imported, updated, ignored, deleted } = summary.importCount;
    expect(imported + updated + ignored + deleted).toBe(1000);
    expect(ignored).toBeGreaterThanOrEqual(1);
    expect(summary.conflicts.map((c) => [c.errorCode, c.indexes])).toEqual([['E7612', [500]]]);
  });

  it('a second identical import changes nothing in data_values and periods (idempotent)', async () => {
    const db = await setUp();
    const first = await importDataValues(db, memoryReader(thousandValues()), CLI);
    expect(first.status).toBe('SUCCESS');
    expect(first.importCount.imported + first.importCount.updated + first.importCount.ignored).toBe(
      1000,
    );
    const valuesOnly = async () => {
      const dump = JSON.parse(await dumpImportTables(db)) as { values: unknown; periods: unknown };
      return JSON.stringify([dump.values, dump.periods]);
    };
    const before = await valuesOnly();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = await importDataValues(db, memoryReader(thousandValues()), CLI);
    expect(second.importCount).toEqual({ imported: 0, updated: 0, ignored: 1000, deleted: 0 });
    expect(await valuesOnly()).toBe(before);
  });

  it('a user may only write under their org units: the whole import fails on one value outside', async () => {
    const db = await setUp();
    const before = await dumpImportTables(db);
    const north = { ...CLI, writableOrgUnitPaths: [`/${F.country}/${F.north}`] };
    const values = [
      { dataElement: F.anc1, period: '202405', orgUnit: F.facilityA1, value: '1' },
      { dataElement: F.anc1, period: '202405', orgUnit: F.facilityC1, value: '1' },
      { dataElement: F.anc1, period: '202405', orgUnit: F.country, value: '1' },
    ];
    const summary = await importDataValues(db, memoryReader(values), north);
    expect(summary.status).toBe('ERROR');
    expect(summary.conflicts.map((c) => [c.errorCode, c.object, c.indexes])).toEqual([
      ['E7617', F.facilityC1, [2]],
      ['E7617', F.country, [3]],
    ]);
    expect(await dumpImportTables(db)).toBe(before);
    const ok = await importDataValues(db, memoryReader(values.slice(0, 1)), north);
    expect(ok.status).toBe('SUCCESS');
  });

  it('a file that cannot be read part-way rejects and leaves the database unchanged', async () => {
    const db = await setUp();
    const before = await dumpImportTables(db);
    const broken = memoryReader(function* () {
      yield* thousandValues().slice(0, 600);
      throw new Error('line 601: malformed JSON');
    });
    await expect(importDataValues(db, broken, CLI)).rejects.toThrow(/line 601/);
    expect(await dumpImportTables(db)).toBe(before);
  });
});
