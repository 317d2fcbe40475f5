import type { ImportJobOptions } from '@sankofa/core';
import { sql } from 'kysely';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeLargeDhis2Csv } from '../../routes/imports/large-csv.test-support.ts';
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

  it.each([
    { inProcess: false, name: 'where the database says' },
    { inProcess: true, name: 'in process' },
  ])(
    'runs jobs one after the other ($name), stores their outcome, and deletes every temporary file',
    async ({ inProcess }) => {
      const { db } = database.adapter;
      const good = await queue(
        JSON.stringify({
          dataValues: [
            {
              dataElement: F.anc1,
              period: inProcess ? '202410' : '202409',
              orgUnit: F.facilityB1,
              value: '7',
            },
          ],
        }),
      );
      const bad = await queue('{"dataValues": [ {');
      const errors: unknown[] = [];
      const runner = createImportJobRunner(db, (error) => errors.push(error), { inProcess });
      expect(runner.inWorker).toBe(dialect === 'sqlite' && !inProcess);
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
    },
  );

  it.runIf(dialect === 'sqlite')(
    'fails a job whose worker is stopped part-way, leaves none of its values, and writes again',
    { timeout: 120_000 },
    async () => {
      const { db } = database.adapter;
      const file = writeLargeDhis2Csv(100_000, { startYear: 2000, storedBy: 'stopped' });
      const id = await createImportJob(db, {
        userId: null,
        actor: 'test',
        fileName: 'values.csv',
        options,
      });
      const errors: unknown[] = [];
      const runner = createImportJobRunner(db, (error) => errors.push(error));
      runner.enqueue({
        id,
        filePath: file.path,
        tempDir: file.dir,
        options,
        actor: { userId: null, actor: 'test' },
        writableOrgUnitPaths: null,
      });
      while ((runner.progressOf(id)?.rows ?? 0) === 0) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await runner.stop();
      await runner.idle();

      const job = presentImportJob((await findImportJob(db, id))!);
      expect(job.status).toBe('failed');
      expect(job.error).toMatch(/stopped unexpectedly/);
      expect(runner.progressOf(id)).toBeUndefined();
      expect(errors).toHaveLength(1);
      expect(existsSync(file.dir)).toBe(false);
      const daily = await db
        .selectFrom('dataValues')
        .select((eb) => eb.fn.countAll().as('n'))
        .where(sql`length(period_id)`, '=', 8)
        .executeTakeFirstOrThrow();
      expect(Number(daily.n)).toBe(0);
      // The gate is open again: this process writes.
      await expect(
        createImportJob(db, { userId: null, actor: 'test', fileName: null, options }),
      ).resolves.toMatch(/\S/);
    },
  );
});
