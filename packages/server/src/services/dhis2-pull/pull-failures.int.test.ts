/** `pullFromDhis2` when DHIS2 misbehaves: retries (503, timeout), and clear failures (401, 404, 409). */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  RECORDED_TOKEN,
  startRecordedDhis2,
  type RecordedDhis2,
} from '../../testing/dhis2-recorded/recorded-dhis2.ts';
import {
  createTestDatabase,
  testDialects,
  type TestDatabase,
} from '../../testing/test-database.ts';
import { Dhis2Error } from './dhis2-client.ts';
import { pullFromDhis2, type PullOptions, type PullProgress } from './pull-from-dhis2.ts';

const fast: PullOptions = { retryBaseMs: 5, maxAttempts: 3, timeoutMs: 5000 };

describe.each(testDialects())('pullFromDhis2 failures on %s', (dialect) => {
  let database: TestDatabase;
  let dhis2: RecordedDhis2;
  beforeEach(async () => {
    database = await createTestDatabase(dialect);
    dhis2 = await startRecordedDhis2();
  });
  afterEach(async () => {
    await dhis2.close();
    await database.drop();
  });
  const connection = () => ({ baseUrl: dhis2.url, token: RECORDED_TOKEN });
  const runs = () => database.adapter.db.selectFrom('dhis2SyncRuns').selectAll().execute();

  it('retries a 503 and then succeeds, saying so in the progress', async () => {
    dhis2.fail({ path: '/api/system/info', status: 503, times: 1 });
    dhis2.fail({ path: '/api/metadata.json', status: 502, times: 2 });
    const progress: PullProgress[] = [];
    const report = await pullFromDhis2(database.adapter.db, connection(), {
      ...fast,
      onProgress: (p) => progress.push(p),
    });
    expect(report.status).toBe('done');
    expect(report.totals.imported).toBe(26);
    expect(dhis2.requestsTo('/api/system/info')).toHaveLength(2);
    expect(dhis2.requestsTo('/api/metadata.json')).toHaveLength(3);
    const retries = progress.filter((p) => p.step === 'retry').map((p) => p.message);
    expect(retries).toHaveLength(3);
    expect(retries[0]).toMatch(
      /answered GET \/api\/system\/info with 503 .*; attempt 2 of 3 in \d+\.\d s/,
    );
  });

  it('retries a request that times out', async () => {
    dhis2.fail({ path: '/api/dataValueSets.json', hangMs: 2000, times: 1 });
    const progress: string[] = [];
    const report = await pullFromDhis2(database.adapter.db, connection(), {
      ...fast,
      timeoutMs: 300,
      onProgress: (p) => progress.push(p.message),
    });
    expect(report.status).toBe('done');
    expect(report.totals.imported).toBe(26);
    expect(dhis2.requestsTo('/api/dataValueSets.json')).toHaveLength(4);
    expect(progress.join('\n')).toMatch(
      /did not answer GET \/api\/dataValueSets\.json\?.* within 0\.3 s; attempt 2 of 3/,
    );
  });

  it('fails at once and clearly on a 401, recording nothing and never showing the token', async () => {
    const attempt = pullFromDhis2(
      database.adapter.db,
      { baseUrl: dhis2.url, token: 'd2pat_wrong' },
      fast,
    );
    await expect(attempt).rejects.toThrow(Dhis2Error);
    await expect(attempt).rejects.toMatchObject({ code: 'unauthorized', status: 401, attempts: 1 });
    await expect(attempt).rejects.toThrow(
      /refused the credentials \(401 Unauthorized\) for GET \/api\/system\/info: check the token/,
    );
    await expect(attempt).rejects.not.toThrow(/d2pat_wrong/);
    expect(dhis2.requests).toHaveLength(1);
    expect(await runs()).toEqual([]);
    expect(await database.adapter.db.selectFrom('dhis2Connections').selectAll().execute()).toEqual(
      [],
    );
  });

  it('explains a 401 after a redirect to another origin (fetch drops the credentials)', async () => {
    const elsewhere = dhis2.url.replace('127.0.0.1', 'localhost');
    dhis2.fail({ path: '/api/system/info', redirectTo: `${elsewhere}/api/system/info`, times: 1 });
    await expect(pullFromDhis2(database.adapter.db, connection(), fast)).rejects.toThrow(
      `(redirected to ${elsewhere}/api/system/info: give the URL DHIS2 answers on)`,
    );
    expect(dhis2.requests[1].authorization).toBeUndefined();
  });

  it('says when the URL is not a DHIS2 instance', async () => {
    const attempt = pullFromDhis2(
      database.adapter.db,
      { baseUrl: `${dhis2.url}/not-dhis2`, token: RECORDED_TOKEN },
      fast,
    );
    await expect(attempt).rejects.toMatchObject({ code: 'not_dhis2' });
    await expect(attempt).rejects.toThrow(
      /does not look like a DHIS2 instance \(GET \/api\/system\/info: .*404/,
    );
  });

  it('fails a chunk at once with DHIS2 message on a 409, and the run is failed', async () => {
    const report = await pullFromDhis2(database.adapter.db, connection(), {
      ...fast,
      dataSets: ['NoSuchSet01'],
    });
    expect(report.status).toBe('failed');
    expect(report.errors).toEqual([
      expect.stringMatching(
        /dataValues:NoSuchSet01:ImspTQPwCqd: DHIS2 at .* answered .* with 409 Conflict: Data set does not exist: `NoSuchSet01` \(E2016\)$/,
      ),
    ]);
    expect(dhis2.requestsTo('/api/dataValueSets.json')).toHaveLength(1);
    expect((await runs())[0].status).toBe('failed');
  });

  it('lands the valid values of a chunk and reports the others as conflicts', async () => {
    const value = {
      period: '2026W45',
      categoryOptionCombo: 'HllvX50cXC0',
      attributeOptionCombo: 'HllvX50cXC0',
      value: '5',
    };
    dhis2.fail({
      path: '/api/dataValueSets.json',
      when: (p) => p.get('dataSet') === 'BfMAe6Itzgt',
      body: {
        dataValues: [
          { ...value, dataElement: 's46m5MS0hxu', orgUnit: 'DiszpKrYNg8' },
          { ...value, dataElement: 's46m5MS0hxu', orgUnit: 'Jkhdsf8sdf4' },
        ],
      },
      times: 1,
    });
    const report = await pullFromDhis2(database.adapter.db, connection(), fast);
    expect(report.status).toBe('done');
    const epi = report.chunks.find((c) => c.dataSet === 'BfMAe6Itzgt');
    expect(epi).toMatchObject({ status: 'done', values: 2, conflictCount: 1 });
    expect(epi?.importCount).toMatchObject({ imported: 1 });
    expect(epi?.conflicts).toEqual([
      expect.objectContaining({ object: 'Jkhdsf8sdf4', property: 'orgUnit', indexes: [2] }),
    ]);
    expect(report.totals).toMatchObject({ imported: 21, conflicts: 1 });
  });

  it('stops the run when DHIS2 starts refusing the credentials midway', async () => {
    dhis2.fail({ path: '/api/dataValueSets.json', status: 401, times: Infinity });
    const report = await pullFromDhis2(database.adapter.db, connection(), fast);
    expect(report.status).toBe('failed');
    expect(report.chunks.map((c) => c.status)).toEqual(['failed', 'not_run', 'not_run']);
    expect(dhis2.requestsTo('/api/dataValueSets.json')).toHaveLength(1);
  });

  it('refuses a malformed --since and missing credentials before any request', async () => {
    await expect(
      pullFromDhis2(database.adapter.db, connection(), { since: 'last week' }),
    ).rejects.toThrow(/since "last week" must be a date/);
    await expect(pullFromDhis2(database.adapter.db, { baseUrl: dhis2.url })).rejects.toThrow(
      /a personal access token, or a username and a password/,
    );
    expect(dhis2.requests).toHaveLength(0);
  });
});
