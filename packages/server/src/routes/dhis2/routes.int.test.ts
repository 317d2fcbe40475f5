/**
 * `/api/dhis2` end to end against the recorded DHIS2: save the connection (the secret is never
 * answered nor audited), test it, pull now in the background, one pull at a time, who may, and
 * the scheduler with an injected clock.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDhis2Scheduler } from '../../services/dhis2-pull/index.ts';
import {
  RECORDED_BASIC,
  RECORDED_SERVER_DATE,
  RECORDED_TOKEN,
  startRecordedDhis2,
  type RecordedDhis2,
} from '../../testing/dhis2-recorded/recorded-dhis2.ts';
import { insertOrgUnit } from '../../services/org-unit-hierarchy.ts';
import { createTestServer, type TestClient, type TestServer } from '../../testing/test-context.ts';
import { testDialects } from '../../testing/test-database.ts';
import type { Dhis2ConnectionResponse, Dhis2ConnectionTestResponse, Dhis2Run } from '@sankofa/core';

async function waitForRun(client: TestClient, id: number): Promise<Dhis2Run> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const response = await client.get(`/api/dhis2/pulls/${id}`);
    expect(response.statusCode, response.body).toBe(200);
    const run = response.json<Dhis2Run>();
    if (run.status !== 'running') {
      return run;
    }
    if (Date.now() > deadline) {
      throw new Error(`pull ${id} still running after 30 s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const HOUR = 3_600_000;
/** Org units of an empty database (the fixture country's metadata would clash with DHIS2's). */
const ROOT = 'OuHomeRoot1';
const DISTRICT = 'OuHomeDist1';

describe.each(testDialects())('/api/dhis2 on %s', (dialect) => {
  let server: TestServer;
  let admin: TestClient;
  let dhis2: RecordedDhis2;
  beforeEach(async () => {
    server = await createTestServer(dialect, { seed: false });
    const db = server.database.adapter.db;
    await insertOrgUnit(db, { id: ROOT, name: 'Home', parentId: null });
    await insertOrgUnit(db, { id: DISTRICT, name: 'Home district', parentId: ROOT });
    admin = await server.as([{ role: 'admin', orgUnitId: ROOT }]);
    dhis2 = await startRecordedDhis2();
  });
  afterEach(async () => {
    await server.app.dhis2Pulls.runner.idle();
    await server.close();
    await dhis2.close();
  });

  const db = () => server.database.adapter.db;
  const save = (body: Record<string, unknown>, client = admin) =>
    client.put('/api/dhis2/connection', body);
  const audits = () =>
    db()
      .selectFrom('auditEvents')
      .selectAll()
      .where('entityType', 'in', ['dhis2_connection', 'dhis2_sync_run'])
      .orderBy('id')
      .execute();

  it('saves the connection, answers it without the secret, and audits it without the secret', async () => {
    const empty = await admin.get('/api/dhis2/connection');
    expect(empty.statusCode, empty.body).toBe(200);
    expect(empty.json()).toEqual({ connection: null, pullRunning: false });

    const saved = await save({
      baseUrl: `${dhis2.url}/`,
      token: RECORDED_TOKEN,
      schedule: { kind: 'daily', at: '02:30' },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.body).not.toContain(RECORDED_TOKEN);
    expect(saved.json<Dhis2ConnectionResponse>().connection).toMatchObject({
      baseUrl: dhis2.url,
      auth: { kind: 'token', username: null },
      rootOrgUnitId: null,
      lastUpdatedWatermark: null,
      schedule: { kind: 'daily', at: '02:30' },
      lastRun: null,
    });
    const nextPullAt = saved.json<Dhis2ConnectionResponse>().connection?.nextPullAt ?? '';
    expect(nextPullAt).toMatch(/T02:30:00\.000Z$/);

    const read = await admin.get('/api/dhis2/connection');
    expect(read.body).not.toContain(RECORDED_TOKEN);
    expect(read.json<Dhis2ConnectionResponse>().connection?.baseUrl).toBe(dhis2.url);

    // A PUT without a secret keeps the stored one; switching to Basic needs the password.
    const kept = await save({ baseUrl: dhis2.url, schedule: { kind: 'interval', everyHours: 6 } });
    expect(kept.statusCode, kept.body).toBe(200);
    const row = await db().selectFrom('dhis2Connections').selectAll().executeTakeFirstOrThrow();
    expect(JSON.parse(row.auth)).toEqual({ kind: 'token', token: RECORDED_TOKEN });
    const noPassword = await save({ baseUrl: dhis2.url, username: 'admin' });
    expect(noPassword.statusCode).toBe(422);
    expect(noPassword.json()).toMatchObject({
      error: 'validation_failed',
      issues: [{ field: 'password', code: 'required' }],
    });
    const basic = await save({ baseUrl: dhis2.url, ...RECORDED_BASIC });
    expect(basic.statusCode, basic.body).toBe(200);
    expect(basic.json<Dhis2ConnectionResponse>().connection).toMatchObject({
      auth: { kind: 'basic', username: 'admin' },
      schedule: { kind: 'interval', everyHours: 6 },
    });
    expect(basic.body).not.toContain(RECORDED_BASIC.password);

    const events = await audits();
    expect(events.map((e) => e.action)).toEqual(['create', 'update', 'update']);
    expect(events[0]).toMatchObject({ userId: admin.userId, actor: admin.email });
    expect(JSON.parse(events[0].after ?? '{}')).toMatchObject({
      baseUrl: dhis2.url,
      authKind: 'token',
      credentialsChanged: true,
      schedule: { kind: 'daily', at: '02:30' },
    });
    expect(JSON.parse(events[1].after ?? '{}')).toMatchObject({ credentialsChanged: false });
    for (const e of events) {
      const text = `${e.before ?? ''} ${e.after ?? ''}`;
      expect(text).not.toContain(RECORDED_TOKEN);
      expect(text).not.toContain(RECORDED_BASIC.password);
    }
  });

  it('validates the URL and the credentials', async () => {
    const cases: [Record<string, unknown>, number, string][] = [
      [{ baseUrl: 'ftp://dhis2.example.org', token: 't' }, 422, 'baseUrl'],
      [{ baseUrl: 'not a url', token: 't' }, 422, 'baseUrl'],
      [{ baseUrl: 'https://u:p@dhis2.example.org', token: 't' }, 422, 'baseUrl'],
      [{ baseUrl: dhis2.url }, 422, 'token'],
      [{ baseUrl: dhis2.url, token: 't', username: 'a', password: 'b' }, 422, 'token'],
      [{ baseUrl: dhis2.url, password: 'b' }, 422, 'username'],
      [{ baseUrl: dhis2.url, token: '' }, 400, 'body.token'],
      [{ baseUrl: dhis2.url, token: 't', schedule: { kind: 'daily', at: '25:00' } }, 400, ''],
      [{ baseUrl: dhis2.url, token: 't', extra: 1 }, 400, 'body.extra'],
    ];
    for (const [body, status, field] of cases) {
      const response = await save(body);
      expect(response.statusCode, JSON.stringify(body)).toBe(status);
      const envelope = response.json<{ error: string; issues?: { field: string }[] }>();
      expect(envelope.error).toBe(status === 422 ? 'validation_failed' : 'bad_request');
      if (field !== '') {
        expect(envelope.issues?.map((i) => i.field)).toContain(field);
      }
    }
    // A stored secret is not sent to another host.
    await save({ baseUrl: dhis2.url, token: RECORDED_TOKEN });
    const moved = await save({ baseUrl: 'https://elsewhere.example.org' });
    expect(moved.statusCode).toBe(422);
    expect(moved.json()).toMatchObject({ issues: [{ field: 'token', code: 'required' }] });
    expect(await db().selectFrom('dhis2Connections').select('baseUrl').execute()).toEqual([
      { baseUrl: dhis2.url },
    ]);
  });

  it('tests the stored or given connection: DHIS2’s version and time, or why not', async () => {
    const none = await admin.post('/api/dhis2/connection/test', {});
    expect(none.statusCode).toBe(422);
    await save({ baseUrl: dhis2.url, token: RECORDED_TOKEN });
    const ok = await admin.post('/api/dhis2/connection/test', {});
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<Dhis2ConnectionTestResponse>()).toMatchObject({
      ok: true,
      baseUrl: dhis2.url,
      dhis2: {
        version: expect.stringMatching(/^2\.40/) as unknown,
        serverDate: RECORDED_SERVER_DATE,
      },
      error: null,
    });
    expect(dhis2.requestsTo('/api/system/info').at(-1)?.authorization).toBe(
      `ApiToken ${RECORDED_TOKEN}`,
    );

    const refused = await admin.post('/api/dhis2/connection/test', { token: 'd2pat_wrong' });
    expect(refused.statusCode, refused.body).toBe(200);
    const answer = refused.json<Dhis2ConnectionTestResponse>();
    expect(answer).toMatchObject({ ok: false, dhis2: null, error: { code: 'unauthorized' } });
    expect(answer.error?.message).toMatch(/refused the credentials \(401/);
    expect(refused.body).not.toContain('d2pat_wrong');
    // Testing does not save.
    const row = await db().selectFrom('dhis2Connections').selectAll().executeTakeFirstOrThrow();
    expect(JSON.parse(row.auth)).toEqual({ kind: 'token', token: RECORDED_TOKEN });

    const notDhis2 = await admin.post('/api/dhis2/connection/test', {
      baseUrl: `${dhis2.url}/nothing-here`,
    });
    expect(notDhis2.json<Dhis2ConnectionTestResponse>().error?.code).toBe('not_dhis2');
  });

  it('pulls now in the background: 202 with the run, which ends with the values stored', async () => {
    expect((await admin.post('/api/dhis2/pulls')).statusCode).toBe(404);
    await save({ baseUrl: dhis2.url, token: RECORDED_TOKEN });
    const started = await admin.post('/api/dhis2/pulls');
    expect(started.statusCode, started.body).toBe(202);
    const { id, status } = started.json<{ id: number; status: string }>();
    expect(status).toBe('running');
    const run = await waitForRun(admin, id);
    expect(run).toMatchObject({
      id,
      status: 'done',
      mode: 'full',
      since: null,
      until: RECORDED_SERVER_DATE,
      stepsDone: 4,
      stepsTotal: 4,
      metadata: { created: 33, updated: 0 },
      totals: { imported: 26, updated: 0, deleted: 0, ignored: 0, conflicts: 0 },
      errors: [],
      progress: null,
    });
    const values = await db()
      .selectFrom('dataValues')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('orgUnitId', 'in', ['DiszpKrYNg8', 'Wq3fHbT9aVd'])
      .executeTakeFirstOrThrow();
    expect(Number(values.n)).toBeGreaterThan(0);

    const connection = (await admin.get('/api/dhis2/connection')).json<Dhis2ConnectionResponse>();
    expect(connection.connection).toMatchObject({
      lastUpdatedWatermark: RECORDED_SERVER_DATE,
      lastRun: { id, status: 'done' },
    });
    const list = (await admin.get('/api/dhis2/pulls')).json<{ runs: Dhis2Run[] }>();
    expect(list.runs.map((r) => [r.id, r.status])).toEqual([[id, 'done']]);
    expect((await audits()).map((e) => [e.action, e.actor, e.entityId])).toContainEqual([
      'pull',
      admin.email,
      String(id),
    ]);

    // The next pull is incremental, from DHIS2's time at the start of the first.
    dhis2.serverDate = '2026-11-27T08:00:00.000';
    const second = await admin.post('/api/dhis2/pulls');
    const next = await waitForRun(admin, second.json<{ id: number }>().id);
    expect(next).toMatchObject({
      status: 'done',
      mode: 'incremental',
      since: RECORDED_SERVER_DATE,
    });
    expect((await admin.get('/api/dhis2/pulls/999999')).statusCode).toBe(404);
  });

  it('answers 409 while a pull runs, and shows its progress', async () => {
    await save({ baseUrl: dhis2.url, token: RECORDED_TOKEN });
    dhis2.fail({ path: '/api/dataValueSets.json', hangMs: 800, times: 1 });
    const started = await admin.post('/api/dhis2/pulls');
    expect(started.statusCode, started.body).toBe(202);
    const { id } = started.json<{ id: number }>();
    const again = await admin.post('/api/dhis2/pulls');
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: 'conflict', status: 409 });
    const running = (await admin.get(`/api/dhis2/pulls/${id}`)).json<Dhis2Run>();
    expect(running.status).toBe('running');
    expect(running.progress).not.toBeNull();
    expect((await admin.get('/api/dhis2/connection')).json()).toMatchObject({
      pullRunning: true,
    });
    expect((await waitForRun(admin, id)).status).toBe('done');
    expect((await admin.post('/api/dhis2/pulls')).statusCode).toBe(202);
  });

  it('refuses a pull DHIS2 does not let start, with the reason', async () => {
    await save({ baseUrl: dhis2.url, token: 'd2pat_revoked' });
    const response = await admin.post('/api/dhis2/pulls');
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({
      error: 'validation_failed',
      issues: [{ field: 'connection', code: 'dhis2_unauthorized' }],
    });
    expect(await db().selectFrom('dhis2SyncRuns').selectAll().execute()).toEqual([]);
    expect(server.app.dhis2Pulls.runner.busy).toBe(false);
  });

  it('is for admins of the whole hierarchy only, and writes need the CSRF token', async () => {
    await save({ baseUrl: dhis2.url, token: RECORDED_TOKEN });
    const districtAdmin = await server.as([{ role: 'admin', orgUnitId: DISTRICT }]);
    const manager = await server.as([{ role: 'manager', orgUnitId: ROOT }]);
    for (const client of [districtAdmin, manager]) {
      for (const [method, url] of [
        ['GET', '/api/dhis2/connection'],
        ['PUT', '/api/dhis2/connection'],
        ['POST', '/api/dhis2/connection/test'],
        ['POST', '/api/dhis2/pulls'],
        ['GET', '/api/dhis2/pulls'],
        ['GET', '/api/dhis2/pulls/1'],
      ] as const) {
        const response = await client.request({
          method,
          url,
          ...(method === 'GET' ? {} : { payload: { baseUrl: dhis2.url } }),
        });
        expect(response.statusCode, `${method} ${url}`).toBe(403);
        expect(response.json()).toMatchObject({ error: 'forbidden' });
      }
    }
    expect((await server.anonymous().get('/api/dhis2/connection')).statusCode).toBe(401);
    const noCsrf = await admin.request({
      method: 'PUT',
      url: '/api/dhis2/connection',
      payload: { baseUrl: dhis2.url },
      headers: { 'x-csrf-token': 'wrong' },
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json()).toMatchObject({ error: 'csrf_token_invalid' });
    const pullNoCsrf = await admin.request({
      method: 'POST',
      url: '/api/dhis2/pulls',
      headers: { 'x-csrf-token': 'wrong' },
    });
    expect(pullNoCsrf.statusCode).toBe(403);
    expect(await db().selectFrom('dhis2SyncRuns').selectAll().execute()).toEqual([]);
  });

  it('the scheduler starts a pull when due, not before, and not while one runs', async () => {
    await server.app.dhis2Pulls.scheduler.stop();
    let now = new Date('2026-11-20T10:00:00.000Z');
    const scheduler = createDhis2Scheduler({
      db: db(),
      runner: server.app.dhis2Pulls.runner,
      now: () => now,
    });
    expect(await scheduler.tick()).toEqual({ outcome: 'no_connection' });
    await save({ baseUrl: dhis2.url, token: RECORDED_TOKEN });
    expect(await scheduler.tick()).toEqual({ outcome: 'off' });

    await save({ baseUrl: dhis2.url, schedule: { kind: 'interval', everyHours: 6 } });
    const { updatedAt } = await db()
      .selectFrom('dhis2Schedules')
      .select('updatedAt')
      .executeTakeFirstOrThrow();
    const savedAt = new Date(updatedAt).getTime();
    now = new Date(savedAt + 5 * HOUR);
    expect(await scheduler.tick()).toEqual({
      outcome: 'not_due',
      nextPullAt: new Date(savedAt + 6 * HOUR).toISOString(),
    });
    expect(dhis2.requests).toHaveLength(0);

    now = new Date(savedAt + 6 * HOUR);
    dhis2.fail({ path: '/api/dataValueSets.json', hangMs: 500, times: 1 });
    const started = await scheduler.tick();
    expect(started.outcome).toBe('started');
    const runId = started.outcome === 'started' ? started.runId : 0;
    // Due still (by the injected clock, the run started hours ago) but a pull runs: skipped.
    now = new Date(savedAt + 100 * HOUR);
    expect((await scheduler.tick()).outcome).toBe('busy');
    expect((await admin.post('/api/dhis2/pulls')).statusCode).toBe(409);
    const run = await waitForRun(admin, runId);
    expect(run.status).toBe('done');
    expect((await audits()).map((e) => [e.action, e.actor, e.entityId])).toContainEqual([
      'pull',
      'dhis2-schedule',
      String(runId),
    ]);
    expect(await db().selectFrom('dhis2SyncRuns').selectAll().execute()).toHaveLength(1);

    // The next one counts from the scheduler's attempt (at 6 h): 6 hours later.
    const after = (await admin.get('/api/dhis2/connection')).json<Dhis2ConnectionResponse>();
    expect(after.connection?.nextPullAt).toBe(new Date(savedAt + 12 * HOUR).toISOString());
    now = new Date(savedAt + 11 * HOUR);
    expect(await scheduler.tick()).toEqual({
      outcome: 'not_due',
      nextPullAt: new Date(savedAt + 12 * HOUR).toISOString(),
    });
  });

  it('the scheduler pulls daily at HH:MM UTC, and records why a pull could not start', async () => {
    await server.app.dhis2Pulls.scheduler.stop();
    let now = new Date();
    const scheduler = createDhis2Scheduler({
      db: db(),
      runner: server.app.dhis2Pulls.runner,
      now: () => now,
    });
    await save({
      baseUrl: dhis2.url,
      token: 'd2pat_revoked',
      schedule: { kind: 'daily', at: '02:30' },
    });
    const next = (await admin.get('/api/dhis2/connection')).json<Dhis2ConnectionResponse>()
      .connection?.nextPullAt;
    expect(next).toMatch(/T02:30:00\.000Z$/);
    const due = new Date(next ?? '');
    now = new Date(due.getTime() - 60_000);
    expect((await scheduler.tick()).outcome).toBe('not_due');
    now = due;
    const failed = await scheduler.tick();
    expect(failed.outcome).toBe('failed');
    expect(await db().selectFrom('dhis2SyncRuns').selectAll().execute()).toEqual([]);
    const connection = (await admin.get('/api/dhis2/connection')).json<Dhis2ConnectionResponse>()
      .connection;
    expect(connection?.scheduleError).toMatch(/refused the credentials/);
    expect(connection?.nextPullAt).toBe(new Date(due.getTime() + 24 * HOUR).toISOString());
    // Not retried every minute: the next attempt is tomorrow at 02:30.
    now = new Date(due.getTime() + 60_000);
    expect((await scheduler.tick()).outcome).toBe('not_due');
    await scheduler.stop();
  });
});
