import type { ImportJobOptions } from '@sankofa/core';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE as F, seedFixtureCountry } from '../../testing/fixture-country.ts';
import {
  createTestDatabase,
  testDialects,
  type TestDatabase,
} from '../../testing/test-database.ts';
import { createImportJobRunner } from './job-runner.ts';
import { createImportJob, findImportJob, presentImportJob } from './job-store.ts';

const options: ImportJobOptions = {
  format: 'auto',
  importStrategy: 'CREATE_AND_UPDATE',
  dryRun: false,
  skipInvalid: false,
};

describe.each(testDialects())('the import job runner on %s', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    await seedFixtureCountry(database.adapter.db);
  });
  afterAll(() => database.drop());

  async function queue(content: string) {
    const tempDir = mkdtempSync(join(tmpdir(), 'sankofa-import-test-'));
    const filePath = join(tempDir, 'upload.json');
    writeFileSync(filePath, content);
    const id = await createImportJob(database.adapter.db, {
      userId: null,
      actor: 'test',
      fileName: 'upload.json',
      options,
    });
    return { id, filePath, tempDir };
  }

  it('runs jobs one after the other, stores their outcome, and deletes every temporary file', async () => {
    const { db } = database.adapter;
    const good = await queue(
      JSON.stringify({
        dataValues: [{ dataElement: F.anc1, period: '202409', orgUnit: F.facilityB1, value: '7' }],
      }),
    );
    const bad = await queue('{"dataValues": [ {');
    const errors: unknown[] = [];
    const runner = createImportJobRunner(db, (error) => errors.push(error));
    for (const job of [good, bad]) {
      runner.enqueue({
        ...job,
        options,
        actor: { userId: null, actor: 'test' },
        writableOrgUnitPaths: null,
      });
    }
    await runner.idle();

    const done = presentImportJob((await findImportJob(db, good.id))!);
    expect(done).toMatchObject({ status: 'succeeded', format: 'dhis2-json', error: null });
    expect(done.summary?.importCount.imported).toBe(1);
    const failed = presentImportJob((await findImportJob(db, bad.id))!);
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(/\S/);
    expect(failed.summary).toBeNull();
    expect(Date.parse(failed.finishedAt!)).toBeGreaterThanOrEqual(Date.parse(done.finishedAt!));
    expect(existsSync(good.tempDir)).toBe(false);
    expect(existsSync(bad.tempDir)).toBe(false);
    expect(errors).toEqual([]);
  });
});
