import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DataValueSetHeader } from '@sankofa/core';
import { FIXTURE as F, seedFixtureCountry } from '../../testing/fixture-country.ts';
import {
  createTestDatabase,
  testDialects,
  type TestDatabase,
} from '../../testing/test-database.ts';
import { dumpImportTables, storedValue } from './dump.test-support.ts';
import { importDataValues } from './import-data-values.ts';
import type { DataValueImportOptions } from './import-options.ts';
import { memoryReader, type MemoryValue } from './memory-reader.test-support.ts';

const CLI = { actor: { userId: null, actor: 'cli' }, writableOrgUnitPaths: null } as const;

describe.each(testDialects())('importDataValues strategies on %s', (dialect) => {
  let database: TestDatabase;
  const db = () => database.adapter.db;
  const run = (
    values: MemoryValue[],
    options: Partial<DataValueImportOptions> = {},
    header: DataValueSetHeader = {},
  ) => importDataValues(db(), memoryReader(values, header), { ...CLI, ...options });

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    await seedFixtureCountry(db());
  });
  afterAll(async () => {
    await database.drop();
  });
  beforeEach(async () => {
    await db().deleteFrom('dataValues').execute();
    await db().deleteFrom('auditEvents').execute();
    await db().deleteFrom('completeRegistrations').execute();
    await db().deleteFrom('dataSetElements').execute();
    await db().deleteFrom('dataSets').execute();
  });

  const anc1 = (
    orgUnit: string,
    period: string,
    value: string | null,
    extra: Partial<MemoryValue> = {},
  ): MemoryValue => ({
    dataElement: F.anc1,
    period,
    orgUnit,
    value,
    ...extra,
  });

  it('CREATE_AND_UPDATE imports new values, updates changed ones and ignores unchanged ones', async () => {
    await run([anc1(F.facilityA1, '202401', '10'), anc1(F.facilityA2, '202401', '5')]);
    const before = await storedValue(db(), F.anc1, '202401', F.facilityA1);
    const summary = await run([
      anc1(F.facilityA1, '202401', '10'),
      anc1(F.facilityA2, '202401', '6', { comment: 'recount' }),
      anc1(F.facilityB1, '202401', '8'),
    ]);
    expect(summary.status).toBe('SUCCESS');
    expect(summary.importCount).toEqual({ imported: 1, updated: 1, ignored: 1, deleted: 0 });
    expect(summary.importOptions.importStrategy).toBe('CREATE_AND_UPDATE');
    expect(await storedValue(db(), F.anc1, '202401', F.facilityA1)).toEqual(before);
    expect(await storedValue(db(), F.anc1, '202401', F.facilityA2)).toMatchObject({
      value: '6',
      numericValue: 6,
      comment: 'recount',
      storedBy: 'cli',
      deleted: 0,
    });
    expect(await storedValue(db(), F.anc1, '202401', F.facilityB1)).toMatchObject({ value: '8' });
  });

  it('CREATE ignores values that exist; UPDATE ignores values that do not', async () => {
    await run([anc1(F.facilityA1, '202401', '10')]);
    const create = await run(
      [anc1(F.facilityA1, '202401', '11'), anc1(F.facilityA2, '202401', '5')],
      { importStrategy: 'CREATE' },
    );
    expect(create.importCount).toEqual({ imported: 1, updated: 0, ignored: 1, deleted: 0 });
    expect((await storedValue(db(), F.anc1, '202401', F.facilityA1))?.value).toBe('10');
    const update = await run(
      [anc1(F.facilityA1, '202401', '12'), anc1(F.facilityB1, '202401', '5')],
      { importStrategy: 'UPDATE' },
    );
    expect(update.importCount).toEqual({ imported: 0, updated: 1, ignored: 1, deleted: 0 });
    expect((await storedValue(db(), F.anc1, '202401', F.facilityA1))?.value).toBe('12');
    expect(await storedValue(db(), F.anc1, '202401', F.facilityB1)).toBeUndefined();
  });

  it('DELETE soft-deletes existing values and ignores missing ones; a deleted value comes back as imported', async () => {
    await run([anc1(F.facilityA1, '202401', '10')]);
    const summary = await run(
      [anc1(F.facilityA1, '202401', '10'), anc1(F.facilityA2, '202401', '3')],
      { importStrategy: 'DELETE' },
    );
    expect(summary.importCount).toEqual({ imported: 0, updated: 0, ignored: 1, deleted: 1 });
    expect(await storedValue(db(), F.anc1, '202401', F.facilityA1)).toMatchObject({
      value: '10',
      deleted: 1,
    });
    const again = await run([anc1(F.facilityA1, '202401', '14')]);
    expect(again.importCount).toEqual({ imported: 1, updated: 0, ignored: 0, deleted: 0 });
    expect(await storedValue(db(), F.anc1, '202401', F.facilityA1)).toMatchObject({
      value: '14',
      deleted: 0,
    });
  });

  it('deletes on `deleted: true` and on an empty value without comment; a missing value without comment is a conflict', async () => {
    await run([anc1(F.facilityA1, '202401', '10'), anc1(F.facilityA2, '202401', '5')]);
    const summary = await run(
      [
        anc1(F.facilityA1, '202401', '10', { deleted: true }),
        anc1(F.facilityA2, '202401', ''),
        anc1(F.facilityB1, '202401', ' '),
        { dataElement: F.anc1, period: '202401', orgUnit: F.facilityC1 },
      ],
      { skipInvalid: true },
    );
    expect(summary.importCount).toEqual({ imported: 0, updated: 0, ignored: 2, deleted: 2 });
    expect(summary.conflicts).toEqual([
      {
        object: F.anc1,
        property: 'value',
        errorCode: 'E7618',
        value: `Data value or comment not specified for data element: \`${F.anc1}\``,
        indexes: [4],
      },
    ]);
    expect((await storedValue(db(), F.anc1, '202401', F.facilityA2))?.deleted).toBe(1);
  });

  it('stores comments and follow-up, and keeps follow-up when the file does not say', async () => {
    await run([anc1(F.facilityA1, '202401', '10', { comment: 'checked', followUp: true })]);
    expect(await storedValue(db(), F.anc1, '202401', F.facilityA1)).toMatchObject({
      comment: 'checked',
      followUp: 1,
    });
    const summary = await run([anc1(F.facilityA1, '202401', '10', { comment: 'checked' })]);
    expect(summary.importCount.ignored).toBe(1);
    expect((await storedValue(db(), F.anc1, '202401', F.facilityA1))?.followUp).toBe(1);
  });

  it('applies a value named twice in file order: the second updates the first', async () => {
    const summary = await run([
      anc1(F.facilityA1, '202401', '1'),
      anc1(F.facilityA2, '202401', '2'),
      anc1(F.facilityA1, '202401', '3'),
    ]);
    expect(summary.importCount).toEqual({ imported: 2, updated: 1, ignored: 0, deleted: 0 });
    expect((await storedValue(db(), F.anc1, '202401', F.facilityA1))?.value).toBe('3');
  });

  it('dry run validates and counts, then leaves the database unchanged', async () => {
    await run([anc1(F.facilityA1, '202401', '10')]);
    const before = await dumpImportTables(db());
    const summary = await run(
      [anc1(F.facilityA1, '202401', '11'), anc1(F.facilityA2, '209912', '5')],
      { dryRun: true },
    );
    expect(summary.status).toBe('SUCCESS');
    expect(summary.importOptions.dryRun).toBe(true);
    expect(summary.importCount).toEqual({ imported: 1, updated: 1, ignored: 0, deleted: 0 });
    expect(await dumpImportTables(db())).toBe(before);
  });

  it('the payload dryRun and importStrategy win over the options', async () => {
    const before = await dumpImportTables(db());
    const summary = await run(
      [anc1(F.facilityA1, '202401', '10')],
      { dryRun: false },
      { dryRun: true, importStrategy: 'UPDATE' },
    );
    expect(summary.importOptions).toMatchObject({ dryRun: true, importStrategy: 'UPDATE' });
    expect(summary.importCount.ignored).toBe(1);
    expect(await dumpImportTables(db())).toBe(before);
  });

  it('records one audit event per import with the counts, and none for a failed one', async () => {
    await run([anc1(F.facilityA1, '202401', '10'), anc1(F.facilityA2, '202401', '5')], {
      actor: { userId: null, actor: 'tester', requestId: 'req-1' },
    });
    await run([anc1(F.facilityA1, '202401', 'ten')]);
    const events = await db().selectFrom('auditEvents').selectAll().execute();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: 'import',
      entityType: 'dataValueImport',
      actor: 'tester',
      orgUnitId: null,
      requestId: 'req-1',
    });
    expect(JSON.parse(events[0].after ?? '{}')).toMatchObject({
      rows: 2,
      importCount: { imported: 2, updated: 0, ignored: 0, deleted: 0 },
    });
  });

  it('header period, org unit and data set fill the values; completeDate registers the set complete', async () => {
    const now = new Date().toISOString();
    await db()
      .insertInto('dataSets')
      .values({
        id: 'DsMonthly01',
        code: 'MONTHLY',
        name: 'Monthly',
        shortName: null,
        periodType: 'Monthly',
        categoryComboId: null,
        openFuturePeriods: 0,
        expiryDays: 0,
        timelyDays: 15,
        createdAt: now,
        updatedAt: now,
      })
      .execute();
    const summary = await run(
      [
        { dataElement: F.anc1, value: '7' },
        { dataElement: F.anc4, value: '3' },
      ],
      {},
      {
        dataSet: 'DsMonthly01',
        period: '202402',
        orgUnit: F.facilityB1,
        completeDate: '2024-03-05',
      },
    );
    expect(summary.status).toBe('SUCCESS');
    expect(summary.importCount.imported).toBe(2);
    expect(summary.dataSetComplete).toBe('2024-03-05');
    expect((await storedValue(db(), F.anc4, '202402', F.facilityB1))?.value).toBe('3');
    expect(await db().selectFrom('completeRegistrations').selectAll().execute()).toMatchObject([
      {
        dataSetId: 'DsMonthly01',
        periodId: '202402',
        orgUnitId: F.facilityB1,
        completedAt: '2024-03-05',
      },
    ]);
  });

  it('aborts when the header names a data set, org unit or attribute option combo that does not exist', async () => {
    const summary = await run(
      [anc1(F.facilityA1, '202401', '1')],
      {},
      { dataSet: 'NoSuchSet01', orgUnit: 'NoSuchOu001' },
    );
    expect(summary.status).toBe('ERROR');
    expect(summary.description).toMatch(/aborted/);
    expect(summary.conflicts.map((c) => [c.errorCode, c.property, c.object])).toEqual([
      ['E7600', 'dataSet', 'NoSuchSet01'],
      ['E7603', 'orgUnit', 'NoSuchOu001'],
    ]);
    expect(await storedValue(db(), F.anc1, '202401', F.facilityA1)).toBeUndefined();
  });
});
