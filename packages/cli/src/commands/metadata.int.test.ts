/**
 * `sankofa metadata import` end to end on real databases (SQLite and PostgreSQL): in this
 * process, and through the real binary for a file that is not JSON (exit code 1).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DHIS2_SAMPLE_METADATA_PATH } from '../../../server/src/testing/dhis2-sample/load.ts';
import {
  createTestDatabase,
  testDialects,
  type TestDatabase,
} from '../../../server/src/testing/test-database.ts';
import type { MetadataImportReport } from '../../../server/src/services/metadata-import/index.ts';
import { dumpMetadataTables } from '../../../server/src/services/metadata-import/metadata-tables.test-support.ts';
import { runSankofa } from '../run-sankofa.test-support.ts';

const sankofa = (databaseUrl: string, ...args: string[]) => runSankofa(databaseUrl, args);

// The binary starts tsx: seconds on a busy machine.
describe.each(testDialects())('sankofa metadata import on %s', { timeout: 120_000 }, (dialect) => {
  let database: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    dir = mkdtempSync(join(tmpdir(), 'sankofa-metadata-cli-'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await database.drop();
  });
  const file = (name: string, content: unknown) => {
    const path = join(dir, name);
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
    return path;
  };

  it('imports a file and prints a table of counts per object type', async () => {
    const result = await sankofa(database.url, 'metadata', 'import', DHIS2_SAMPLE_METADATA_PATH);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/metadata\.json: OK, imported/);
    expect(result.stdout).toMatch(/^organisationUnit\s+13\s+0\s+0\s+0$/m);
    expect(result.stdout).toMatch(/^total\s+116\s+0\s+0\s+0$/m);
    const unit = await database.adapter.db
      .selectFrom('orgUnits')
      .select('path')
      .where('id', '=', 'DiszpKrYNg8')
      .executeTakeFirstOrThrow();
    expect(unit.path).toBe('/ImspTQPwCqd/O6uvpzGd5pu/YuQRtpLP10I/DiszpKrYNg8');
  });

  it('prints the JSON report with --json', async () => {
    const result = await sankofa(
      database.url,
      'metadata',
      'import',
      DHIS2_SAMPLE_METADATA_PATH,
      '--json',
    );
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as MetadataImportReport;
    expect(report).toMatchObject({ status: 'OK', committed: true, errors: [] });
    expect(report.counts.dataElement).toEqual({ created: 0, updated: 0, unchanged: 19, errors: 0 });
  });

  it('writes nothing with --dry-run', async () => {
    const document = JSON.parse(readFileSync(DHIS2_SAMPLE_METADATA_PATH, 'utf8')) as {
      dataElements: { id: string; name: string }[];
    };
    document.dataElements[0].name = 'Measles (renamed)';
    const before = await dumpMetadataTables(database.adapter.db);
    const result = await sankofa(
      database.url,
      'metadata',
      'import',
      file('renamed.json', document),
      '--dry-run',
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/OK, dry run: nothing was written/);
    expect(result.stdout).toMatch(/^dataElement\s+0\s+1\s+18\s+0$/m);
    expect(await dumpMetadataTables(database.adapter.db)).toEqual(before);
  });

  it('exits non-zero, names the object and field, and writes nothing when the file has an error', async () => {
    const before = await dumpMetadataTables(database.adapter.db);
    const bad = file('bad.json', {
      organisationUnits: [
        { id: 'GoodUnit001', name: 'Good unit', parent: { id: 'YuQRtpLP10I' } },
        { id: 'NewUnit0001', name: 'New unit', parent: { id: 'NoSuchUnit1' } },
      ],
    });
    const result = await sankofa(database.url, 'metadata', 'import', bad);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/ERROR, nothing imported/);
    expect(result.stdout).toMatch(
      /organisationUnit NewUnit0001\s+parent\s+unknown_reference\s+parent of organisationUnit "NewUnit0001" names organisationUnit "NoSuchUnit1"/,
    );
    expect(await dumpMetadataTables(database.adapter.db)).toEqual(before);
  });

  it('exits non-zero on a file that is not JSON, or is not there', async () => {
    const notJson = await runSankofa(
      database.url,
      ['metadata', 'import', file('x.json', '{ nope')],
      { process: true },
    );
    expect(notJson.code).toBe(1);
    expect(notJson.stdout).toMatch(/invalid_json/);
    const missing = await sankofa(database.url, 'metadata', 'import', join(dir, 'missing.json'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/missing\.json does not exist/);
  });
});
