/**
 * `/api/imports` end to end on the fixture country: upload → 202 → poll → summary, scope as
 * conflicts, who may import, CSRF, the size limit, and failed jobs.
 */
import type { ImportJob, ImportJobListResponse, SignalScanStatusResponse } from '@sankofa/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE as F } from '../../testing/fixture-country.ts';
import { createTestServer, type TestClient, type TestServer } from '../../testing/test-context.ts';
import { testDialects } from '../../testing/test-database.ts';
import { multipartBody, type FilePart } from './multipart.test-support.ts';

/** The upload limit in these tests (SANKOFA_IMPORT_MAX_MB): 64 KB. */
const LIMIT_MB = '0.0625';

const dataValueSet = (values: { de: string; ou: string; pe: string; value: string }[]) =>
  JSON.stringify({
    dataValues: values.map((v) => ({
      dataElement: v.de,
      period: v.pe,
      orgUnit: v.ou,
      value: v.value,
    })),
  });

async function upload(client: TestClient, fields: Record<string, string>, file?: FilePart) {
  const { payload, headers } = await multipartBody(fields, file);
  return client.request({ method: 'POST', url: '/api/imports', payload, headers });
}

async function waitForJob(client: TestClient, id: string): Promise<ImportJob> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const response = await client.get(`/api/imports/${id}`);
    expect(response.statusCode, response.body).toBe(200);
    const job = response.json<ImportJob>();
    if (job.status !== 'queued' && job.status !== 'running') {
      return job;
    }
    if (Date.now() > deadline) {
      throw new Error(`import ${id} still ${job.status} after 30 s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe.each(testDialects())('imports on %s', (dialect) => {
  let server: TestServer;
  let admin: TestClient;
  const previousLimit = process.env.SANKOFA_IMPORT_MAX_MB;
  beforeAll(async () => {
    process.env.SANKOFA_IMPORT_MAX_MB = LIMIT_MB;
    server = await createTestServer(dialect);
    admin = await server.as([{ role: 'admin', orgUnitId: F.country }]);
  });
  afterAll(async () => {
    await server.close();
    if (previousLimit === undefined) {
      delete process.env.SANKOFA_IMPORT_MAX_MB;
    } else {
      process.env.SANKOFA_IMPORT_MAX_MB = previousLimit;
    }
  });

  const storedValue = (dataElementId: string, orgUnitId: string, periodId: string) =>
    server.database.adapter.db
      .selectFrom('dataValues')
      .select(['value', 'storedBy'])
      .where('dataElementId', '=', dataElementId)
      .where('orgUnitId', '=', orgUnitId)
      .where('periodId', '=', periodId)
      .executeTakeFirst();

  it('answers 202 at once, then the job ends with the summary and the values are stored', async () => {
    const file = dataValueSet([
      { de: F.anc1, ou: F.facilityA1, pe: '202405', value: '11' },
      { de: F.anc1, ou: F.facilityC1, pe: '202405', value: '41' },
    ]);
    const response = await upload(admin, {}, { name: 'may.json', content: file });
    expect(response.statusCode, response.body).toBe(202);
    const created = response.json<{ id: string; status: string }>();
    expect(created.status).toBe('queued');
    const job = await waitForJob(admin, created.id);
    expect(job).toMatchObject({
      status: 'succeeded',
      format: 'dhis2-json',
      fileName: 'may.json',
      options: { format: 'auto', dryRun: false, skipInvalid: false },
      error: null,
    });
    expect(job.summary).toMatchObject({
      responseType: 'ImportSummary',
      status: 'SUCCESS',
      importCount: { imported: 2, updated: 0, ignored: 0, deleted: 0 },
      conflicts: [],
    });
    expect(job.progress).toMatchObject({ rows: 2, totalBytes: Buffer.byteLength(file) });
    expect(job.startedAt).not.toBeNull();
    expect(job.finishedAt).not.toBeNull();
    expect(await storedValue(F.anc1, F.facilityC1, '202405')).toMatchObject({ value: '41' });

    const list = (await admin.get('/api/imports')).json<ImportJobListResponse>();
    expect(list.jobs[0]).toMatchObject({
      id: created.id,
      status: 'succeeded',
      result: { status: 'SUCCESS', conflictCount: 0 },
    });
  });

  it('scans for signals after an import lands, and not after a dry run; managers can scan on demand', async () => {
    const db = server.database.adapter.db;
    const scans = async () =>
      (await db.selectFrom('auditEvents').select('id').where('action', '=', 'scan').execute())
        .length;
    await server.app.signalScanner.idle();
    const before = await scans();
    const file = dataValueSet([{ de: F.anc1, ou: F.facilityA1, pe: '202406', value: '12' }]);
    const created = (await upload(admin, {}, { name: 'june.json', content: file })).json<{
      id: string;
    }>();
    expect((await waitForJob(admin, created.id)).status).toBe('succeeded');
    await server.app.signalScanner.idle();
    expect(await scans()).toBe(before + 1);
    const status = (await admin.get('/api/signals/scan')).json<SignalScanStatusResponse>();
    expect(status).toMatchObject({ running: false, queued: false, last: { reason: 'import' } });
    expect(status.last?.result?.series).toBeGreaterThan(0);

    const dry = (
      await upload(admin, { dryRun: 'true' }, { name: 'dry.json', content: file })
    ).json<{
      id: string;
    }>();
    expect((await waitForJob(admin, dry.id)).status).toBe('succeeded');
    await server.app.signalScanner.idle();
    expect(await scans()).toBe(before + 1);

    const viewer = await server.as([{ role: 'viewer', orgUnitId: F.districtA }]);
    expect((await viewer.post('/api/signals/scan', {})).statusCode).toBe(403);
    const manager = await server.as([{ role: 'manager', orgUnitId: F.districtA }]);
    const started = await manager.post('/api/signals/scan', { full: true });
    expect(started.statusCode, started.body).toBe(202);
    await server.app.signalScanner.idle();
    expect(await scans()).toBe(before + 2);
    // The counts span the country: a district manager sees that it ran, not what it found.
    const seen = (await manager.get('/api/signals/scan')).json<SignalScanStatusResponse>();
    expect(seen.last).toMatchObject({ reason: 'on_demand', result: null, error: null });
  });

  it('reports values outside the user’s contributor scope as conflicts, naming the org unit', async () => {
    const user = await server.as([
      { role: 'manager', orgUnitId: F.districtB },
      { role: 'contributor', orgUnitId: F.districtA },
    ]);
    const file = dataValueSet([
      { de: F.anc1, ou: F.facilityA2, pe: '202406', value: '6' },
      { de: F.anc1, ou: F.facilityB1, pe: '202406', value: '9' },
      { de: F.anc1, ou: F.facilityC1, pe: '202406', value: '42' },
    ]);
    const response = await upload(
      user,
      { skipInvalid: 'true', importStrategy: 'CREATE_AND_UPDATE' },
      { name: 'june.json', content: file },
    );
    expect(response.statusCode, response.body).toBe(202);
    const job = await waitForJob(user, response.json<{ id: string }>().id);
    expect(job.status).toBe('succeeded');
    expect(job.summary?.status).toBe('WARNING');
    expect(job.summary?.importCount.imported).toBe(2);
    expect(job.summary?.conflicts).toEqual([
      expect.objectContaining({ object: F.facilityC1, property: 'orgUnit', indexes: [3] }),
    ]);
    expect(await storedValue(F.anc1, F.facilityB1, '202406')).toMatchObject({
      value: '9',
      storedBy: user.email,
    });
    expect(await storedValue(F.anc1, F.facilityC1, '202406')).toBeUndefined();
    // Jobs are private: the admin's list does not show it, another manager cannot read it.
    const other = await server.as([{ role: 'manager', orgUnitId: F.districtC }]);
    expect((await other.get(`/api/imports/${job.id}`)).statusCode).toBe(404);
    expect((await other.get('/api/imports')).json<ImportJobListResponse>().jobs).toEqual([]);
  });

  it('reads any CSV with a column mapping sent with the file', async () => {
    const mapping = JSON.stringify({
      dataElement: 'indicator',
      orgUnit: 'facility',
      period: 'month',
      value: 'count',
      idSchemes: { dataElement: 'code', orgUnit: 'code' },
    });
    const csv = 'facility,indicator,month,count\nFX_N_A_1,ANC_1ST_VISIT,202408,21\n';
    const response = await upload(admin, { mapping }, { name: 'export.csv', content: csv });
    expect(response.statusCode, response.body).toBe(202);
    const job = await waitForJob(admin, response.json<{ id: string }>().id);
    expect(job.error).toBeNull();
    expect(job).toMatchObject({ status: 'succeeded', format: 'csv' });
    expect(job.summary?.importCount.imported).toBe(1);
    expect(await storedValue(F.anc1, F.facilityA1, '202408')).toMatchObject({ value: '21' });

    const wrong = await upload(
      admin,
      { mapping: '{"dataElement": "x"}', format: 'adx' },
      { name: 'x.csv', content: csv },
    );
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().issues.map((i: { code: string }) => i.code)).toEqual(['invalid_mapping']);
  });

  it('dry runs write nothing', async () => {
    const file = dataValueSet([{ de: F.anc1, ou: F.facilityA1, pe: '202407', value: '3' }]);
    const response = await upload(admin, { dryRun: 'true' }, { name: 'july.json', content: file });
    const job = await waitForJob(admin, response.json<{ id: string }>().id);
    expect(job.summary).toMatchObject({ importOptions: { dryRun: true } });
    expect(job.summary?.importCount.imported).toBe(1);
    expect(await storedValue(F.anc1, F.facilityA1, '202407')).toBeUndefined();
  });

  it('fails the job, with the reason, when the file is not the format named', async () => {
    const response = await upload(
      admin,
      { format: 'dhis2-json' },
      { name: 'broken.json', content: '{"dataValues": [ {"dataElement": ' },
    );
    expect(response.statusCode).toBe(202);
    const job = await waitForJob(admin, response.json<{ id: string }>().id);
    expect(job.status).toBe('failed');
    expect(job.error).toMatch(/\S/);
    expect(job.summary).toBeNull();
  });

  it('lets only managers and admins import', async () => {
    const file = { name: 'x.json', content: dataValueSet([]) };
    const viewer = await server.as([{ role: 'viewer', orgUnitId: F.country }]);
    expect((await upload(viewer, {}, file)).statusCode).toBe(403);
    const contributor = await server.as([{ role: 'contributor', orgUnitId: F.districtA }]);
    expect((await upload(contributor, {}, file)).statusCode).toBe(403);
    const anonymous = await upload(server.anonymous(), {}, file);
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toMatchObject({ error: 'not_authenticated' });
    expect((await server.anonymous().get('/api/imports')).statusCode).toBe(401);
  });

  it('refuses an upload without the CSRF token', async () => {
    const { payload, headers } = await multipartBody({}, { name: 'x.json', content: '{}' });
    const response = await admin.request({
      method: 'POST',
      url: '/api/imports',
      payload,
      headers: { ...headers, 'x-csrf-token': '' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ error: 'csrf_token_invalid' });
  });

  it('refuses a file over the size limit with 413 and names bad options and a missing file', async () => {
    const big = Buffer.alloc(100 * 1024, 'x');
    const tooLarge = await upload(admin, {}, { name: 'big.json', content: big });
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json()).toMatchObject({ error: 'payload_too_large' });

    const badOption = await upload(
      admin,
      { format: 'xlsx', dryRun: 'yes' },
      { name: 'x.json', content: '{}' },
    );
    expect(badOption.statusCode).toBe(400);
    expect(badOption.json().issues.map((i: { field: string }) => i.field)).toEqual([
      'format',
      'dryRun',
    ]);
    const noFile = await upload(admin, { format: 'dhis2-json' });
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json().issues[0]).toMatchObject({ field: 'file', code: 'required' });
    expect((await admin.get('/api/imports/NoSuchJob01')).statusCode).toBe(404);
  });
});
