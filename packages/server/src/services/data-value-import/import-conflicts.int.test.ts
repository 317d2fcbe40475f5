import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DataValueFormat, DataValueSetHeader } from '@sankofa/core';
import { FIXTURE as F, seedFixtureCountry } from '../../testing/fixture-country.ts';
import {
  createTestDatabase,
  testDialects,
  type TestDatabase,
} from '../../testing/test-database.ts';
import { storedValue } from './dump.test-support.ts';
import { importDataValues } from './import-data-values.ts';
import type { DataValueImportOptions } from './import-options.ts';
import { memoryReader, type MemoryValue } from './memory-reader.test-support.ts';

const CLI = { actor: { userId: null, actor: 'cli' }, writableOrgUnitPaths: null } as const;
import { BOOL, seedExtras, TEXT, ZERO } from './extra-metadata.test-support.ts';

describe.each(testDialects())('importDataValues conflicts and identifiers on %s', (dialect) => {
  let database: TestDatabase;
  const db = () => database.adapter.db;
  const run = (
    values: MemoryValue[],
    options: Partial<DataValueImportOptions> = {},
    header: DataValueSetHeader = {},
    format: DataValueFormat = 'dhis2-json',
  ) => importDataValues(db(), memoryReader(values, header, format), { ...CLI, ...options });

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    await seedFixtureCountry(db());
    await seedExtras(database);
  });
  afterAll(async () => {
    await database.drop();
  });
  beforeEach(async () => {
    await db().deleteFrom('dataValues').execute();
  });

  it('reports each kind of conflict with its DHIS2 code, field, object and rows', async () => {
    const ok = { dataElement: F.anc1, period: '202401', orgUnit: F.facilityA1, value: '1' };
    const summary = await run(
      [
        { ...ok, dataElement: 'NoSuchDe001' },
        { ...ok, period: '2024M13' },
        { ...ok, orgUnit: 'NoSuchOu001' },
        { ...ok, categoryOptionCombo: 'NoSuchCoc01' },
        { ...ok, attributeOptionCombo: 'NoSuchAoc01' },
        { ...ok, orgUnit: F.facilityC1 },
        { ...ok, value: 'ten' },
        { ...ok, value: '-1' },
        { ...ok, dataElement: BOOL, value: 'not true' },
        { ...ok, comment: 'x'.repeat(50_001) },
        { ...ok, categoryOptionCombo: F.male },
        { ...ok, orgUnit: 'NoSuchOu001' },
        {
          ...ok,
          conflicts: [
            {
              object: '2015-01-01/P7Q',
              property: 'period',
              errorCode: 'E7611',
              value: 'Period not valid: `2015-01-01/P7Q`',
            },
          ],
        },
        ok,
      ],
      { skipInvalid: true, writableOrgUnitPaths: [`/${F.country}/${F.north}`] },
    );
    expect(summary.status).toBe('WARNING');
    expect(summary.importCount).toEqual({ imported: 1, updated: 0, ignored: 13, deleted: 0 });
    expect(summary.conflicts.map((c) => [c.errorCode, c.property, c.object, c.indexes])).toEqual([
      ['E7610', 'dataElement', 'NoSuchDe001', [1]],
      ['E7611', 'period', '2024M13', [2]],
      ['E7612', 'orgUnit', 'NoSuchOu001', [3, 12]],
      ['E7613', 'categoryOptionCombo', 'NoSuchCoc01', [4]],
      ['E7615', 'attributeOptionCombo', 'NoSuchAoc01', [5]],
      ['E7617', 'orgUnit', F.facilityC1, [6]],
      ['E7619', 'value', 'ten', [7]],
      ['E7619', 'value', '-1', [8]],
      ['E7619', 'value', 'not true', [9]],
      ['E7620', 'comment', F.anc1, [10]],
      ['E7634', 'categoryOptionCombo', F.male, [11]],
      ['E7611', 'period', '2015-01-01/P7Q', [13]],
    ]);
    expect(summary.conflicts[0].value).toBe(
      'Data element not found or not accessible: `NoSuchDe001`',
    );
    expect(summary.conflicts[6].value).toMatch(
      /Value must match data element's `DeAnc100001` type constraints: Value is not an integer/,
    );
    expect(summary.conflicts[5].value).toBe(
      'Organisation unit: `OuFacC10001` not in hierarchy of current user: `cli`',
    );
  });

  it('checks the period type against the data set the payload names', async () => {
    const summary = await run(
      [{ dataElement: F.anc1, period: '202401', orgUnit: F.facilityA1, value: '1' }],
      {},
      { dataSet: 'DsWeekly001' },
    );
    expect(summary.status).toBe('ERROR');
    expect(summary.conflicts.map((c) => [c.errorCode, c.property, c.object, c.indexes])).toEqual([
      ['E7632', 'period', '202401', [1]],
    ]);
  });

  it("normalises DHIS2's boolean spellings and ignores or deletes insignificant zeros", async () => {
    const values = ['T', 'f', '1', 'False'].map((value, i) => ({
      dataElement: BOOL,
      period: `20240${i + 1}`,
      orgUnit: F.facilityA1,
      value,
    }));
    await run([
      ...values,
      { dataElement: ZERO, period: '202401', orgUnit: F.facilityA1, value: '5' },
    ]);
    const stored = await db()
      .selectFrom('dataValues')
      .select(['periodId', 'value', 'numericValue'])
      .where('dataElementId', '=', BOOL)
      .orderBy('periodId')
      .execute();
    expect(stored).toEqual([
      { periodId: '202401', value: 'true', numericValue: 1 },
      { periodId: '202402', value: 'false', numericValue: 0 },
      { periodId: '202403', value: 'true', numericValue: 1 },
      { periodId: '202404', value: 'false', numericValue: 0 },
    ]);
    const zeros = await run([
      { dataElement: ZERO, period: '202401', orgUnit: F.facilityA1, value: '0' },
      { dataElement: ZERO, period: '202402', orgUnit: F.facilityA1, value: '0' },
    ]);
    expect(zeros.importCount).toEqual({ imported: 0, updated: 0, ignored: 1, deleted: 1 });
    expect((await storedValue(db(), ZERO, '202401', F.facilityA1))?.deleted).toBe(1);
  });

  it('resolves identifiers by code and by name; the payload id scheme wins over the options', async () => {
    const byCode = await run(
      [
        {
          dataElement: 'OPD_VISITS',
          period: '202402',
          orgUnit: 'FX_N_A_1',
          categoryOptionCombo: 'MALE',
          value: '4',
        },
      ],
      { idSchemes: { idScheme: 'uid' } },
      { idSchemes: { idScheme: 'code' } },
    );
    expect(byCode.status).toBe('SUCCESS');
    expect(byCode.importOptions.idSchemes.dataElement).toBe('code');
    const byName = await run(
      [
        {
          dataElement: 'OPD visits',
          period: '202402',
          orgUnit: 'Facility A2',
          categoryOptionCombo: 'Female',
          value: '6',
        },
      ],
      { idSchemes: { idScheme: 'name' } },
    );
    expect(byName.importCount.imported).toBe(1);
    const mixed = await run(
      [{ dataElement: F.anc1, period: '202402', orgUnit: 'FX_N_B_1', value: '2' }],
      { idSchemes: { orgUnit: 'code' } },
    );
    expect(mixed.importCount.imported).toBe(1);
    expect((await storedValue(db(), F.opd, '202402', F.facilityA1, F.male))?.value).toBe('4');
    expect((await storedValue(db(), F.opd, '202402', F.facilityA2, F.female))?.value).toBe('6');
    expect((await storedValue(db(), F.anc1, '202402', F.facilityB1))?.value).toBe('2');
  });

  it('resolves ADX/FHIR category option maps to the combo with exactly those options', async () => {
    const adx = await run(
      [
        {
          dataElement: 'OPD_VISITS',
          period: '202403',
          orgUnit: 'FX_N_A_1',
          categoryOptions: { SEX_CAT: 'M' },
          value: '9',
        },
        {
          dataElement: 'OPD_VISITS',
          period: '202403',
          orgUnit: 'FX_N_A_1',
          categoryOptions: { SEX_CAT: 'X' },
          value: '9',
        },
        {
          dataElement: 'OPD_VISITS',
          period: '202403',
          orgUnit: 'FX_N_A_1',
          categoryOptions: { AGE: 'M' },
          value: '9',
        },
      ],
      { skipInvalid: true },
      {},
      'adx',
    );
    expect(adx.importCount.imported).toBe(1);
    expect(adx.conflicts.map((c) => [c.errorCode, c.property, c.object, c.indexes])).toEqual([
      ['E7613', 'categoryOptionCombo', 'X', [2]],
      ['E7613', 'categoryOptionCombo', 'M', [3]],
    ]);
    expect((await storedValue(db(), F.opd, '202403', F.facilityA1, F.male))?.value).toBe('9');
    const fhir = await run(
      [
        {
          dataElement: F.opd,
          period: '202403',
          orgUnit: F.facilityA1,
          categoryOptions: { CatSex00001: 'CoFemale001' },
          value: '11',
        },
      ],
      {},
      {},
      'fhir',
    );
    expect(fhir.importCount.imported).toBe(1);
    expect((await storedValue(db(), F.opd, '202403', F.facilityA1, F.female))?.value).toBe('11');
  });

  it('uses an ADX annotation as the value of a text data element', async () => {
    await run([
      {
        dataElement: TEXT,
        period: '202401',
        orgUnit: F.facilityA1,
        value: '0',
        annotation: 'stock-out',
        comment: 'stock-out',
      },
    ]);
    expect(await storedValue(db(), TEXT, '202401', F.facilityA1)).toMatchObject({
      value: 'stock-out',
      comment: null,
    });
  });

  it('caps nothing below the limits: every bad row of one kind is listed under one conflict', async () => {
    const values = Array.from({ length: 50 }, (_, i) => ({
      dataElement: F.anc1,
      period: '202401',
      orgUnit: 'Missing0001',
      value: String(i),
    }));
    const summary = await run(values);
    expect(summary.status).toBe('ERROR');
    expect(summary.importCount).toEqual({ imported: 0, updated: 0, ignored: 50, deleted: 0 });
    expect(summary.conflicts).toHaveLength(1);
    expect(summary.conflicts[0].indexes).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });
});
