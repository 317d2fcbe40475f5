/**
 * A large import through `/api/imports` on a SQLite database file runs in a worker thread with
 * its own connection: the server keeps answering reads while it runs, writes wait for the
 * import's transaction and then succeed, progress shows while it runs, and a failed import
 * leaves nothing. Ordering is asserted through the database's state, never with a stopwatch.
 * (PostgreSQL imports run in process on the pool: routes.int.test.ts covers them.)
 */
import type { ImportJob, ImportJobListResponse } from '@sankofa/core';
import { sql } from 'kysely';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE as F } from '../../testing/fixture-country.ts';
import {
  createTestServer,
  TEST_PASSWORD,
  type TestClient,
  type TestServer,
} from '../../testing/test-context.ts';
import { writeLargeDhis2Csv } from './large-csv.test-support.ts';
import { multipartBody } from './multipart.test-support.ts';

const VALUES = 100_000;

async function upload(client: TestClient, fields: Record<string, string>, content: Buffer) {
  const { payload, headers } = await multipartBody(fields, { name: 'values.csv', content });
  const response = await client.request({ method: 'POST', url: '/api/imports', payload, headers });
  expect(response.statusCode, response.body).toBe(202);
  return response.json<{ id: string }>().id;
}

async function getJob(client: TestClient, id: string): Promise<ImportJob> {
  const response = await client.get(`/api/imports/${id}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<ImportJob>();
}

/** Polls the job until `done` says so (or it ends, which `done` may accept). */
async function pollJob(
  client: TestClient,
  id: string,
  done: (job: ImportJob) => boolean,
): Promise<ImportJob> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const job = await getJob(client, id);
    if (done(job)) {
      return job;
    }
    if (Date.now() > deadline) {
      throw new Error(`import ${id} is ${job.status}: ${JSON.stringify(job.progress)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const ended = (job: ImportJob) => job.status !== 'queued' && job.status !== 'running';

/** A promise and whether it has settled yet. */
function track<T>(promise: Promise<T>) {
  const tracked = { settled: false, promise };
  void promise.then(
    () => (tracked.settled = true),
    () => (tracked.settled = true),
  );
  return tracked;
}

describe.each(['sqlite'] as const)('a large import through the API on %s', (dialect) => {
  let server: TestServer;
  let admin: TestClient;
  beforeAll(async () => {
    server = await createTestServer(dialect);
    admin = await server.as([{ role: 'admin', orgUnitId: F.country }]);
  });
  afterAll(() => server.close());

  /** Values with daily periods in the years given (the fixture country has none). */
  const countDaily = async (fromYear: number, toYear: number) =>
    Number(
      (
        await server.database.adapter.db
          .selectFrom('dataValues')
          .select((eb) => eb.fn.countAll().as('n'))
          .where(sql`length(period_id)`, '=', 8)
          .where('periodId', '>=', `${fromYear}0101`)
          .where('periodId', '<=', `${toYear}1231`)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it(
    'answers reads while it runs, makes writes wait for its commit, shows progress, and lands the summary',
    { timeout: 180_000 },
    async () => {
      const file = writeLargeDhis2Csv(VALUES, { startYear: 2000, storedBy: 'big-import' });
      rmSync(file.dir, { recursive: true, force: true });
      const id = await upload(admin, {}, file.content);

      // Progress shows while it runs, in the job and in the list.
      const running = await pollJob(
        admin,
        id,
        (job) => ended(job) || (job.progress?.rows ?? 0) > 0,
      );
      expect(running.status).toBe('running');
      expect(running.format).toBe('dhis2-csv');
      expect(running.progress!.totalBytes).toBe(file.content.length);
      const listed = (await admin.get('/api/imports')).json<ImportJobListResponse>().jobs[0];
      expect(listed).toMatchObject({ id, status: 'running' });
      expect(listed.progress!.rows).toBeGreaterThan(0);

      // Writes issued now (a login: a transaction; a single update) wait for the import.
      const login = track(
        server.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email: admin.email, password: TEST_PASSWORD },
        }),
      );
      const rename = track(
        server.database.adapter.db
          .updateTable('users')
          .set({ name: 'Renamed during the import' })
          .where('id', '=', admin.userId!)
          .execute(),
      );
      // Reads answer at once: these come back while none of the import is committed yet.
      const orgUnits = await admin.get('/api/org-units');
      expect(orgUnits.statusCode, orgUnits.body).toBe(200);
      const me = await admin.get('/api/me');
      expect(me.statusCode, me.body).toBe(200);
      const progressed = await getJob(admin, id);
      const pending = { login: login.settled, rename: rename.settled };
      expect(await countDaily(2000, 2039)).toBe(0);
      expect(pending).toEqual({ login: false, rename: false });
      expect(progressed.status).toBe('running');

      // The writes then succeed, after the import committed.
      const loggedIn = await login.promise;
      expect(loggedIn.statusCode, loggedIn.body).toBe(200);
      expect(await countDaily(2000, 2039)).toBe(VALUES);
      await rename.promise;
      expect(
        (
          await server.database.adapter.db
            .selectFrom('users')
            .select('name')
            .where('id', '=', admin.userId!)
            .executeTakeFirstOrThrow()
        ).name,
      ).toBe('Renamed during the import');

      const job = await pollJob(admin, id, ended);
      expect(job).toMatchObject({ status: 'succeeded', format: 'dhis2-csv', error: null });
      expect(job.summary).toMatchObject({
        status: 'SUCCESS',
        importCount: { imported: VALUES, updated: 0, ignored: 0, deleted: 0 },
      });
      expect(job.progress).toMatchObject({ rows: VALUES, totalBytes: file.content.length });
      const audit = await server.database.adapter.db
        .selectFrom('auditEvents')
        .select('actor')
        .where('action', '=', 'import')
        .execute();
      expect(audit).toContainEqual({ actor: admin.email });
    },
  );

  it('fails a file broken at its last line with the reason, and leaves nothing of it', async () => {
    const file = writeLargeDhis2Csv(20_000, {
      startYear: 2040,
      storedBy: 'broken-import',
      brokenLastLine: true,
    });
    rmSync(file.dir, { recursive: true, force: true });
    const id = await upload(admin, {}, file.content);
    const job = await pollJob(admin, id, ended);
    expect(job.status).toBe('failed');
    expect(job.error).toMatch(/line 20002/);
    expect(job.summary).toBeNull();
    expect(await countDaily(2040, 2099)).toBe(0);
    // The server writes again once the worker's transaction rolled back.
    const user = await server.as([{ role: 'viewer', orgUnitId: F.districtA }]);
    expect((await user.get('/api/me')).statusCode).toBe(200);
  });
});
