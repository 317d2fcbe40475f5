/**
 * Every DHIS2 sample data value set (validation-data/dhis2_datavaluesets) through the real
 * readers into a database holding the sample metadata: the exact values stored and the exact
 * conflicts. `skipInvalid` mirrors DHIS2, which imports the valid values of a set.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { validationPath } from '../../../../core/src/validation-data.test-support.ts';
import { openDataValueReader } from '../../interop/readers/index.ts';
import { loadDhis2SampleMetadata } from '../../testing/dhis2-sample/load.ts';
import {
  createTestDatabase,
  testDialects,
  type TestDatabase,
} from '../../testing/test-database.ts';
import { importDataValues } from './import-data-values.ts';
import type { DataValueImportOptions } from './import-options.ts';

interface SampleCase {
  readonly file: [string, string];
  readonly options?: Partial<DataValueImportOptions>;
  readonly count: { imported: number; updated: number; ignored: number; deleted: number };
  /** [errorCode, property, object, rows] */
  readonly conflicts?: [string, string, string, number[]][];
  /** `dataElement period orgUnit coc aoc value`, sorted. */
  readonly stored: string[];
  readonly complete?: string;
}

const D = 'HllvX50cXC0';
const NGELEHUN = (coc: string, aoc: string, values: [string, string, string][]) =>
  values.map(([de, pe, v]) => `${de} ${pe} DiszpKrYNg8 ${coc} ${aoc} ${v}`);

const CASES: SampleCase[] = [
  {
    file: ['dhis2-docs', 'bulk.json'],
    count: { imported: 3, updated: 0, ignored: 1, deleted: 0 },
    conflicts: [['E7612', 'orgUnit', 'Jkhdsf8sdf4', [4]]],
    stored: [
      `f7n9E0hX8qk 201401 DiszpKrYNg8 ${D} ${D} 12`,
      `f7n9E0hX8qk 201401 FNnj3jKGS7i ${D} ${D} 14`,
      `f7n9E0hX8qk 201402 DiszpKrYNg8 ${D} ${D} 16`,
    ],
  },
  {
    file: ['dhis2-docs', 'bulk.xml'],
    count: { imported: 3, updated: 0, ignored: 1, deleted: 0 },
    conflicts: [['E7612', 'orgUnit', 'Jkhdsf8sdf4', [4]]],
    stored: [
      `f7n9E0hX8qk 201401 DiszpKrYNg8 ${D} ${D} 12`,
      `f7n9E0hX8qk 201401 FNnj3jKGS7i ${D} ${D} 14`,
      `f7n9E0hX8qk 201402 DiszpKrYNg8 ${D} ${D} 16`,
    ],
  },
  {
    file: ['dhis2-docs', 'bulk.csv'],
    count: { imported: 3, updated: 0, ignored: 0, deleted: 0 },
    stored: NGELEHUN('bRowv6yZOF2', 'bRowv6yZOF2', [
      ['Ix2HsbDMLea', '201401', '2'],
      ['eY5ehpbEsB7', '201401', '3'],
      ['f7n9E0hX8qk', '201401', '1'],
    ]),
  },
  {
    file: ['dhis2-docs', 'send_ngelehun_201401.xml'],
    count: { imported: 3, updated: 0, ignored: 0, deleted: 0 },
    complete: '2014-02-03',
    stored: NGELEHUN(D, D, [
      ['Ix2HsbDMLea', '201401', '14'],
      ['eY5ehpbEsB7', '201401', '16'],
      ['f7n9E0hX8qk', '201401', '12'],
    ]),
  },
  {
    file: ['dhis2-docs', 'send_ngelehun_201401.json'],
    count: { imported: 3, updated: 0, ignored: 0, deleted: 0 },
    complete: '2014-02-03',
    stored: NGELEHUN(D, D, [
      ['Ix2HsbDMLea', '201401', '2'],
      ['eY5ehpbEsB7', '201401', '3'],
      ['f7n9E0hX8qk', '201401', '1'],
    ]),
  },
  {
    file: ['dhis2-docs', 'export_response.xml'],
    count: { imported: 3, updated: 0, ignored: 0, deleted: 0 },
    complete: '2014-01-02',
    stored: NGELEHUN('bRowv6yZOF2', D, [
      ['Ix2HsbDMLea', '201401', '10002'],
      ['eY5ehpbEsB7', '201401', '10003'],
      ['f7n9E0hX8qk', '201401', '10001'],
    ]),
  },
  {
    file: ['dhis2-docs', 'export_response.json'],
    count: { imported: 3, updated: 0, ignored: 0, deleted: 0 },
    complete: '2014-02-03',
    stored: NGELEHUN('bRowv6yZOF2', D, [
      ['Ix2HsbDMLea', '201401', '10002'],
      ['eY5ehpbEsB7', '201401', '10003'],
      ['f7n9E0hX8qk', '201401', '10001'],
    ]),
  },
  {
    file: ['dhis2-docs', 'export_response.csv'],
    count: { imported: 4, updated: 0, ignored: 0, deleted: 0 },
    stored: NGELEHUN('bRowv6yZOF2', 'bRowv6yZOF2', [
      ['FTRrcoaog83', '201401', '12'],
      ['Ix2HsbDMLea', '201401', '14'],
      ['eY5ehpbEsB7', '201401', '16'],
      ['f7n9E0hX8qk', '201401', '12'],
    ]),
  },
  {
    file: ['dhis2-docs', 'csv_format_example.csv'],
    count: { imported: 3, updated: 0, ignored: 0, deleted: 0 },
    stored: [
      `DUSpd8Jq3M7 201202 OjTS752GbZE V6L425pT3A0 ${D} 9`,
      `DUSpd8Jq3M7 201202 gP6hn503KUX Prlt0C1RF0s ${D} 7`,
      `DUSpd8Jq3M7 201202 gP6hn503KUX V6L425pT3A0 ${D} 10`,
    ],
  },
  {
    file: ['dhis2-docs', 'adx_tb_hiv_vcct.adx.xml'],
    count: { imported: 20, updated: 0, ignored: 0, deleted: 0 },
    complete: '2015-07-01',
    stored: ['GHF0014xxxC', 'GHF1524xxxC', 'GHM0014xxxC', 'GHM1524xxxC']
      .flatMap((coc) =>
        [
          ['DEPLHIVTB0x', '10'],
          ['DEPLHIVTB1x', '10'],
          ['DEVCCT0xxxx', '32'],
          ['DEVCCT1xxxx', '20'],
          ['DEVCCT2xxxx', '10'],
        ].map(([de, v]) => `${de} 201506 DiszpKrYNg8 ${coc} ${D} ${v}`),
      )
      .sort(),
  },
  {
    file: ['dhis2-core', 'dataValueSetJ.json'],
    count: { imported: 1, updated: 0, ignored: 0, deleted: 0 },
    stored: [`f7n9E0hX8qk 201201 DiszpKrYNg8 ${D} ${D} 10`],
  },
  {
    file: ['dhis2-core', 'dataValueSetA.xml'],
    count: { imported: 3, updated: 0, ignored: 0, deleted: 0 },
    stored: [
      `f7n9E0hX8qk 201201 BdfsJfj87js ${D} ${D} 10002`,
      `f7n9E0hX8qk 201201 DiszpKrYNg8 ${D} ${D} 10001`,
      `f7n9E0hX8qk 201202 DiszpKrYNg8 ${D} ${D} 10003`,
    ],
  },
  {
    file: ['dhis2-core', 'dataValueSetB.xml'],
    count: { imported: 12, updated: 0, ignored: 0, deleted: 0 },
    stored: ['f7n9E0hX8qk', 'Ix2HsbDMLea', 'eY5ehpbEsB7']
      .flatMap((de, i) =>
        [
          ['201201', 'DiszpKrYNg8'],
          ['201201', 'BdfsJfj87js'],
          ['201202', 'DiszpKrYNg8'],
          ['201202', 'BdfsJfj87js'],
        ].map(([pe, ou], j) => `${de} ${pe} ${ou} ${D} ${D} ${10001 + i * 4 + j}`),
      )
      .sort(),
  },
  {
    // Applied in file order: 201202 ends false (row 10 "0"), T/t/1 spellings normalised.
    file: ['dhis2-core', 'dataValueSetBooleanTest.csv'],
    count: { imported: 4, updated: 2, ignored: 12, deleted: 0 },
    conflicts: [
      ['E7619', 'value', 'test', [11]],
      ['E7619', 'value', 'not true', [12]],
      ['E7619', 'value', 'false', [17]],
      ['E7619', 'value', 'test', [18]],
    ],
    stored: [
      `jH26dja2f30 201201 BdfsJfj87js ${D} ${D} true`,
      `jH26dja2f30 201201 DiszpKrYNg8 ${D} ${D} true`,
      `jH26dja2f30 201202 DiszpKrYNg8 ${D} ${D} false`,
      `jH26dja2f31 201202 DiszpKrYNg8 ${D} ${D} true`,
    ],
  },
  {
    // DHIS2's AdxDataServiceIntegrationTest.testGetAllDataValuesA: the same nine values.
    file: ['dhis2-core', 'importA.adx.xml'],
    options: {
      idSchemes: {
        idScheme: 'code',
        dataElement: 'name',
        category: 'name',
        categoryOption: 'uid',
        categoryOptionCombo: 'uid',
        attributeOptionCombo: 'uid',
      },
    },
    count: { imported: 9, updated: 0, ignored: 0, deleted: 0 },
    stored: [
      `MalNummmmmm 202001 P1233333333 FOver555555 ${D} 3`,
      `MalNummmmmm 202001 P1233333333 FUnder55555 ${D} 1`,
      `MalNummmmmm 202001 P1233333333 MOver555555 ${D} 4`,
      `MalNummmmmm 202001 P1233333333 MUnder55555 ${D} 2`,
      `MalNummmmmm 202002 D4566666666 FUnder55555 ${D} 6`,
      'MalNummmmmm 2021Q1 D4566666666 FOver555555 cocMcDonald 20',
      'MalNummmmmm 2021Q1 D4566666666 FUnder55555 cocPEPFARRR 10',
      'MalNummmmmm 2021Q1 D4566666666 MUnder55555 cocMcDonald 30',
      `MalTexttttt 202001 P1233333333 ${D} ${D} Text data value`,
    ],
  },
  {
    // Group 1 names its attribute combo by code and is complete; MAL04 repeats (one stored,
    // the repeats unchanged); "McDonalds" is no category option combo.
    file: ['dhis2-core', 'adx_data_sample1.xml'],
    count: { imported: 7, updated: 0, ignored: 6, deleted: 0 },
    conflicts: [['E7613', 'categoryOptionCombo', 'McDonalds', [6]]],
    complete: '2015-06-17',
    stored: [
      `MalariaDE01 201501 Fac342Adx01 ${D} ${D} 32`,
      `MalariaDE01 201501 Fac342Adx01 ${D} McDonaldAOC 32`,
      `MalariaDE02 201501 Fac342Adx01 ${D} ${D} 20`,
      `MalariaDE02 201501 Fac342Adx01 ${D} McDonaldAOC 20`,
      `MalariaDE03 201501 Fac342Adx01 ${D} ${D} 0`,
      `MalariaDE04 201501 Fac342Adx01 ${D} ${D} 10`,
      `MalariaDE04 201501 Fac342Adx01 ${D} McDonaldAOC 10`,
    ],
  },
];

describe.each(testDialects())('DHIS2 sample data value sets on %s', (dialect) => {
  let database: TestDatabase;
  const db = () => database.adapter.db;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    await loadDhis2SampleMetadata(db());
  }, 60_000);
  afterAll(async () => {
    await database.drop();
  });
  beforeEach(async () => {
    await db().deleteFrom('dataValues').execute();
    await db().deleteFrom('completeRegistrations').execute();
  });

  it.each(CASES)('$file.1', async (c) => {
    const reader = await openDataValueReader(validationPath('dhis2_datavaluesets', ...c.file));
    const summary = await importDataValues(db(), reader, {
      actor: { userId: null, actor: 'test' },
      writableOrgUnitPaths: null,
      skipInvalid: true,
      ...c.options,
    });
    expect(summary.importCount).toEqual(c.count);
    expect(summary.conflicts.map((x) => [x.errorCode, x.property, x.object, x.indexes])).toEqual(
      c.conflicts ?? [],
    );
    expect(summary.status).toBe(c.conflicts === undefined ? 'SUCCESS' : 'WARNING');
    expect(summary.dataSetComplete).toBe(c.complete ?? false);
    const rows = await db()
      .selectFrom('dataValues')
      .select([
        'dataElementId',
        'periodId',
        'orgUnitId',
        'categoryOptionComboId',
        'attributeOptionComboId',
        'value',
      ])
      .where('deleted', '=', 0)
      .execute();
    expect(rows.map((r) => Object.values(r).join(' ')).sort()).toEqual([...c.stored].sort());
  });

  it('bulk.json without skipInvalid: the bad org unit fails the whole set and nothing is stored', async () => {
    const reader = await openDataValueReader(
      validationPath('dhis2_datavaluesets', 'dhis2-docs', 'bulk.json'),
    );
    const summary = await importDataValues(db(), reader, {
      actor: { userId: null, actor: 'test' },
      writableOrgUnitPaths: null,
    });
    expect(summary.status).toBe('ERROR');
    expect(summary.conflicts).toEqual([
      {
        object: 'Jkhdsf8sdf4',
        property: 'orgUnit',
        errorCode: 'E7612',
        value: 'Organisation unit not found or not accessible: `Jkhdsf8sdf4`',
        indexes: [4],
      },
    ]);
    expect(await db().selectFrom('dataValues').select('value').execute()).toEqual([]);
  });
});
