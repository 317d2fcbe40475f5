/**
 * `sankofa export` end to end on SQLite and PostgreSQL, in this process except the export to
 * stdout, which runs the real binary (a pipe, not a buffer). Exports of the fixture
 * country to stdout and to a file, the required selections, and exports that the import engine
 * lands unchanged in a second database (DHIS2 JSON, DHIS2 CSV and FHIR MeasureReports, on the
 * DHIS2 sample metadata).
 */
import { parsePeriodId, type DataValueFormat } from '@sankofa/core';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDataValueReader } from '../../../server/src/interop/readers/index.ts';
import { importDataValues } from '../../../server/src/services/data-value-import/index.ts';
import { loadDhis2SampleMetadata } from '../../../server/src/testing/dhis2-sample/load.ts';
import { FIXTURE as F, seedFixtureCountry } from '../../../server/src/testing/fixture-country.ts';
import {
  createTestDatabase,
  testDialects,
  type TestDatabase,
} from '../../../server/src/testing/test-database.ts';
import { ensurePeriods } from '../../../server/src/services/write-data-value.ts';
import { runSankofa } from '../run-sankofa.test-support.ts';

const T0 = '2024-02-01T00:00:00.000Z';

const sankofa = (databaseUrl: string, ...args: string[]) => runSankofa(databaseUrl, args);
/** The same through bin/sankofa.mjs in a child process. */
const sankofaProcess = (databaseUrl: string, ...args: string[]) =>
  runSankofa(databaseUrl, args, { process: true, maxBuffer: 64 * 1024 * 1024 });

// The binary starts tsx: slow on a busy machine.
describe.each(testDialects())('sankofa export on %s', { timeout: 120_000 }, (dialect) => {
  let fixture: TestDatabase;
  let source: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sankofa-export-'));
    fixture = await createTestDatabase(dialect);
    await seedFixtureCountry(fixture.adapter.db);
    await fixture.adapter.db
      .updateTable('dataValues')
      .set({ createdAt: T0, lastUpdated: T0 })
      .execute();
    source = await createTestDatabase(dialect);
    await loadDhis2SampleMetadata(source.adapter.db);
    await ensurePeriods(source.adapter.db, [parsePeriodId('202401'), parsePeriodId('2024Q1')]);
    const value = (de: string, period: string, ou: string, coc: string, v: string) => ({
      dataElementId: de,
      periodId: period,
      orgUnitId: ou,
      categoryOptionComboId: coc,
      attributeOptionComboId: 'HllvX50cXC0',
      value: v,
      numericValue: Number(v),
      storedBy: 'admin',
      createdAt: T0,
      lastUpdated: T0,
      comment: null,
      followUp: 0 as const,
      deleted: 0 as const,
    });
    await source.adapter.db
      .insertInto('dataValues')
      .values([
        value('DUSpd8Jq3M7', '202401', 'gP6hn503KUX', 'Prlt0C1RF0s', '7'),
        value('DUSpd8Jq3M7', '202401', 'gP6hn503KUX', 'V6L425pT3A0', '10'),
        value('DUSpd8Jq3M7', '202401', 'OjTS752GbZE', 'V6L425pT3A0', '9'),
        value('f7n9E0hX8qk', '202401', 'DiszpKrYNg8', 'HllvX50cXC0', '12'),
        value('f7n9E0hX8qk', '2024Q1', 'DiszpKrYNg8', 'HllvX50cXC0', '30'),
      ])
      .execute();
  });
  afterAll(async () => {
    await fixture.drop();
    await source.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes DHIS2 CSV to stdout for an org unit and its subtree (the binary)', async () => {
    const result = await sankofaProcess(
      fixture.url,
      'export',
      '--format',
      'dhis2-csv',
      '--data-element',
      F.anc1,
      '--org-unit',
      F.districtA,
      '--children',
      '--start',
      '2024-01-01',
      '--end',
      '2024-01-31',
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(
      'dataelement,period,orgunit,catoptcombo,attroptcombo,value,storedby,lastupdated,comment,flwup\n' +
        `${F.anc1},202401,${F.facilityA1},${F.defaultCombo},${F.defaultCombo},10,fixture,${T0},,false\n` +
        `${F.anc1},202401,${F.facilityA2},${F.defaultCombo},${F.defaultCombo},5,fixture,${T0},,false\n`,
    );
    expect(result.stderr).toMatch(/Exported 2 data values as dhis2-csv to stdout/);
  });

  it('writes DHIS2 JSON to --output', async () => {
    const output = join(dir, 'anc.json');
    const result = await sankofa(
      fixture.url,
      'export',
      '--data-element',
      `${F.anc1},${F.anc4}`,
      '--org-unit',
      F.country,
      '--children',
      '--period',
      '202403',
      '--output',
      output,
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('');
    const body = JSON.parse(readFileSync(output, 'utf8')) as { dataValues: { value: string }[] };
    // ANC1 A1, A2, B1, C1 and ANC4 A1, B1, C1 in March (A2 reported no ANC4).
    expect(body.dataValues.map((v) => Number(v.value)).reduce((a, b) => a + b)).toBe(
      30 + 5 + 8 + 40 + 15 + 4 + 30,
    );
  });

  it('exits 2 naming the flags when no data or org unit is selected', async () => {
    const result = await sankofa(fixture.url, 'export', '--period', '202401');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--data-element: Give at least one dataSet/);
    expect(result.stderr).toMatch(/--org-unit: Give at least one orgUnit/);
    const unknown = await sankofa(
      fixture.url,
      'export',
      '--data-element',
      'Xxxxxxxxxxx',
      '--org-unit',
      F.country,
    );
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/--data-element: Data element Xxxxxxxxxxx does not exist/);
  });

  it.each(['dhis2-json', 'dhis2-csv', 'fhir'])(
    'exports %s that the import engine lands unchanged in another database',
    async (format) => {
      const file = join(dir, `sample.${format}`);
      const exported = await sankofa(
        source.url,
        'export',
        '--format',
        format,
        '--data-element',
        'DUSpd8Jq3M7,f7n9E0hX8qk',
        '--org-unit',
        'ImspTQPwCqd',
        '--children',
        '--output',
        file,
      );
      expect(exported.code, exported.stderr).toBe(0);
      const target = await createTestDatabase(dialect);
      try {
        await loadDhis2SampleMetadata(target.adapter.db);
        // Imported in this process (the import command has its own tests): one process less.
        const summary = await importDataValues(
          target.adapter.db,
          await openDataValueReader(file, { format: format as DataValueFormat }),
          { actor: { userId: null, actor: 'test' }, writableOrgUnitPaths: null },
        );
        expect(summary.conflicts).toEqual([]);
        expect(summary.importCount.imported).toBe(5);
        const rows = (db: TestDatabase) =>
          db.adapter.db
            .selectFrom('dataValues')
            .select([
              'dataElementId',
              'periodId',
              'orgUnitId',
              'categoryOptionComboId',
              'attributeOptionComboId',
              'value',
            ])
            .orderBy('dataElementId')
            .orderBy('periodId')
            .orderBy('orgUnitId')
            .orderBy('categoryOptionComboId')
            .execute();
        expect(await rows(target)).toEqual(await rows(source));
      } finally {
        await target.drop();
      }
    },
  );
});
