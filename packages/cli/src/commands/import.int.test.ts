/**
 * `sankofa import` end to end: the command importing the vendored DHIS2 samples into a database
 * holding the DHIS2 sample metadata, on SQLite and PostgreSQL. In this process, except a refused
 * import through the real binary (its exit code 1); commands.int.test.ts runs a usage error
 * (exit code 2) through the binary.
 */
import type { ImportSummary } from '@sankofa/core';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validationPath } from '../../../core/src/validation-data.test-support.ts';
import { loadDhis2SampleMetadata } from '../../../server/src/testing/dhis2-sample/load.ts';
import {
  createTestDatabase,
  testDialects,
  type TestDatabase,
} from '../../../server/src/testing/test-database.ts';
import { runSankofa } from '../run-sankofa.test-support.ts';

const sample = (...parts: string[]) => validationPath('dhis2_datavaluesets', ...parts);

const sankofa = (databaseUrl: string, ...args: string[]) => runSankofa(databaseUrl, args);
/** The same through bin/sankofa.mjs in a child process. */
const sankofaProcess = (databaseUrl: string, ...args: string[]) =>
  runSankofa(databaseUrl, args, { process: true });

describe.each(testDialects())('sankofa import on %s', (dialect) => {
  let database: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    await loadDhis2SampleMetadata(database.adapter.db);
    dir = mkdtempSync(join(tmpdir(), 'sankofa-import-cli-'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await database.drop();
  });

  const value = (dataElementId: string, orgUnitId: string, periodId: string) =>
    database.adapter.db
      .selectFrom('dataValues')
      .select(['value', 'storedBy'])
      .where('dataElementId', '=', dataElementId)
      .where('orgUnitId', '=', orgUnitId)
      .where('periodId', '=', periodId)
      .executeTakeFirst();

  it(
    'imports a DHIS2 JSON data value set, detecting the format, and prints the summary as JSON',
    { timeout: 60_000 },
    async () => {
      const result = await sankofa(
        database.url,
        'import',
        sample('dhis2-docs', 'send_ngelehun_201401.json'),
        '--json',
      );
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toContain('as dhis2-json');
      const summary = JSON.parse(result.stdout) as ImportSummary;
      expect(summary).toMatchObject({
        responseType: 'ImportSummary',
        status: 'SUCCESS',
        importCount: { imported: 3, updated: 0, ignored: 0, deleted: 0 },
        conflicts: [],
      });
      expect(await value('eY5ehpbEsB7', 'DiszpKrYNg8', '201401')).toMatchObject({ value: '3' });
      // The values landed: a signal scan followed, its line on stderr.
      expect(result.stderr).toMatch(/Scanned \d+ series/);
      const again = await sankofa(
        database.url,
        'import',
        sample('dhis2-docs', 'send_ngelehun_201401.json'),
        '--json',
        '--no-scan',
      );
      expect(again.code, again.stderr).toBe(0);
      expect(again.stderr).not.toMatch(/Scanned/);
    },
  );

  it(
    'exits 1 when a value is invalid, and imports the rest with --skip-invalid',
    { timeout: 120_000 },
    async () => {
      const file = sample('dhis2-docs', 'bulk.json');
      const [refused, readable] = await Promise.all([
        sankofaProcess(database.url, 'import', file, '--json'),
        sankofa(database.url, 'import', file, '--dry-run'),
      ]);
      expect(refused.code).toBe(1);
      const error = JSON.parse(refused.stdout) as ImportSummary;
      expect(error.status).toBe('ERROR');
      expect(error.conflicts).toEqual([
        expect.objectContaining({ object: 'Jkhdsf8sdf4', property: 'orgUnit', indexes: [4] }),
      ]);
      expect(await value('f7n9E0hX8qk', 'FNnj3jKGS7i', '201401')).toBeUndefined();

      expect(readable.code).toBe(1);
      expect(readable.stderr).not.toMatch(/Scanned/);
      expect(readable.stdout).toMatch(/: ERROR/);
      expect(readable.stdout).toContain('Conflicts (1):');
      expect(readable.stdout).toMatch(/row\s+field\s+object\s+code\s+message/);
      expect(readable.stdout).toMatch(/4\s+orgUnit\s+Jkhdsf8sdf4\s+E\w+/);

      const landed = await sankofa(database.url, 'import', file, '--skip-invalid', '--json');
      expect(landed.code, landed.stderr).toBe(0);
      const warning = JSON.parse(landed.stdout) as ImportSummary;
      expect(warning.status).toBe('WARNING');
      expect(warning.importCount.imported + warning.importCount.updated).toBe(3);
      expect(await value('f7n9E0hX8qk', 'FNnj3jKGS7i', '201401')).toMatchObject({
        value: '14',
        storedBy: 'cli',
      });
    },
  );

  it('reads DHIS2 CSV and XML as dry runs and writes nothing', { timeout: 60_000 }, async () => {
    const csv = await sankofa(
      database.url,
      'import',
      sample('dhis2-docs', 'bulk.csv'),
      '--dry-run',
      '--strategy',
      'CREATE_AND_UPDATE',
    );
    const xml = await sankofa(
      database.url,
      'import',
      sample('dhis2-docs', 'send_ngelehun_201401.xml'),
      '--dry-run',
    );
    expect(csv.code, csv.stderr).toBe(0);
    expect(csv.stdout).toMatch(/bulk\.csv \(dhis2-csv; dry run, CREATE_AND_UPDATE\): SUCCESS/);
    expect(csv.stdout).toMatch(/nothing was saved|nothing was written/);
    expect(xml.code, xml.stderr).toBe(0);
    expect(xml.stdout).toMatch(/\(dhis2-xml; dry run, CREATE_AND_UPDATE\): SUCCESS/);
    // The XML sends 14 for Dysentery; the dry run leaves the 2 imported from JSON above.
    expect(await value('Ix2HsbDMLea', 'DiszpKrYNg8', '201401')).toMatchObject({ value: '2' });
  });

  it(
    'exits 1 naming the problem when the file is not the format named',
    { timeout: 60_000 },
    async () => {
      const broken = join(dir, 'broken.json');
      writeFileSync(broken, '{"dataValues": [ {"dataElement": ');
      const result = await sankofa(database.url, 'import', broken, '--format', 'dhis2-json');
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^sankofa: .+/m);
    },
  );

  it(
    'imports a generic CSV mapped by --map and --fixed flags, dates read as months',
    { timeout: 60_000 },
    async () => {
      const file = join(dir, 'generic.csv');
      writeFileSync(
        file,
        'element;facility;visit_date;n;note\nf7n9E0hX8qk;DiszpKrYNg8;2014-03-15;21;first\nIx2HsbDMLea;DiszpKrYNg8;2014-03-03;8;\n',
      );
      const result = await sankofa(
        database.url,
        'import',
        file,
        '--map',
        'dataElement=element',
        '--map',
        'orgUnit=facility',
        '--map',
        'period=visit_date',
        '--map',
        'value=n',
        '--map',
        'comment=note',
        '--map',
        'periodFormat=date',
        '--map',
        'periodType=Monthly',
        '--map',
        'delimiter=;',
        '--fixed',
        'attributeOptionCombo=HllvX50cXC0',
        '--json',
      );
      expect(result.code, result.stderr).toBe(0);
      const summary = JSON.parse(result.stdout) as ImportSummary;
      expect(summary.status).toBe('SUCCESS');
      expect(summary.importCount.imported).toBe(2);
      expect(await value('f7n9E0hX8qk', 'DiszpKrYNg8', '201403')).toMatchObject({ value: '21' });
      expect(await value('Ix2HsbDMLea', 'DiszpKrYNg8', '201403')).toMatchObject({ value: '8' });

      const bad = await sankofa(database.url, 'import', file, '--map', 'dataElement=element');
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(/--map: .*(orgUnit|period|value)/s);
    },
  );

  it('exits 2 on usage errors (before opening the database)', { timeout: 120_000 }, async () => {
    const file = sample('dhis2-docs', 'bulk.json');
    const mapping = join(dir, 'mapping.json');
    writeFileSync(mapping, '{}');
    const [badFormat, noFile, missing, mixed, badMapping] = await Promise.all([
      sankofa(database.url, 'import', file, '--format', 'xlsx'),
      sankofa(database.url, 'import'),
      sankofa(database.url, 'import', join(dir, 'nothing.json')),
      sankofa(database.url, 'import', file, '--mapping', mapping, '--format', 'adx'),
      sankofa(database.url, 'import', file, '--mapping', mapping),
    ]);
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toMatch(/--format.*xlsx.*invalid/);
    expect(noFile.code).toBe(2);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nothing.json: no such file');
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toContain('--mapping reads a generic CSV');
    expect(badMapping.code).toBe(2);
    expect(badMapping.stderr).toContain(`--mapping ${mapping}`);
  });
});
