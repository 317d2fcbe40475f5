import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestDatabase,
  testDialects,
  type TestDatabase,
} from '../../testing/test-database.ts';
import {
  createImportJob,
  failInterruptedImportJobs,
  findImportJob,
  presentImportJob,
} from './job-store.ts';

describe.each(testDialects())('import job rows on %s', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
  });
  afterAll(() => database.drop());

  it('marks jobs cut short by a restart as failed, and leaves finished ones alone', async () => {
    const { db } = database.adapter;
    const options = {
      format: 'auto' as const,
      importStrategy: 'CREATE_AND_UPDATE' as const,
      dryRun: false,
      skipInvalid: false,
    };
    const queued = await createImportJob(db, {
      userId: null,
      actor: 'test',
      fileName: 'a.json',
      options,
    });
    const running = await createImportJob(db, {
      userId: null,
      actor: 'test',
      fileName: null,
      options,
    });
    const done = await createImportJob(db, {
      userId: null,
      actor: 'test',
      fileName: null,
      options,
    });
    await db
      .updateTable('importJobs')
      .set({ status: 'running' })
      .where('id', '=', running)
      .execute();
    await db.updateTable('importJobs').set({ status: 'done' }).where('id', '=', done).execute();

    expect(await failInterruptedImportJobs(db)).toBe(2);
    for (const id of [queued, running]) {
      const job = presentImportJob((await findImportJob(db, id))!);
      expect(job.status).toBe('failed');
      expect(job.error).toMatch(/server stopped/);
      expect(job.finishedAt).not.toBeNull();
    }
    expect(presentImportJob((await findImportJob(db, done))!).status).toBe('succeeded');
    expect(await failInterruptedImportJobs(db)).toBe(0);
  });
});
