/** `pullFromDhis2` against the recorded DHIS2: full and incremental pulls, resume after a failed chunk. */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  RECORDED_BASIC,
  RECORDED_ROOT,
  RECORDED_SERVER_DATE,
  RECORDED_TOKEN,
  startRecordedDhis2,
  type RecordedDhis2,
} from '../../testing/dhis2-recorded/recorded-dhis2.ts';
import {
  createTestDatabase,
  testDialects,
  type TestDatabase,
} from '../../testing/test-database.ts';
import { pullFromDhis2, type PullOptions } from './pull-from-dhis2.ts';

interface RecordedValue {
  dataElement: string;
  period: string;
  orgUnit: string;
  categoryOptionCombo: string;
  attributeOptionCombo: string;
  value: string;
  deleted?: boolean;
}

const recorded = (name: string): RecordedValue[] =>
  (
    JSON.parse(
      readFileSync(
        new URL(`../../testing/dhis2-recorded/data-value-sets/${name}.json`, import.meta.url),
        'utf8',
      ),
    ) as { dataValues: RecordedValue[] }
  ).dataValues;
const DATA_SETS = ['BfMAe6Itzgt', 'QX4ZTUbOt3a', 'pBOMPrpg1QX'] as const;
const keyOf = (v: RecordedValue) =>
  `${v.dataElement}/${v.period}/${v.orgUnit}/${v.categoryOptionCombo}/${v.attributeOptionCombo}`;
const fast: PullOptions = { retryBaseMs: 5, maxAttempts: 3, timeoutMs: 5000 };

describe.each(testDialects())('pullFromDhis2 on %s', (dialect) => {
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
  const storedValues = async () => {
    const rows = await database.adapter.db.selectFrom('dataValues').selectAll().execute();
    return new Map(
      rows.map((r) => [
        `${r.dataElementId}/${r.periodId}/${r.orgUnitId}/${r.categoryOptionComboId}/${r.attributeOptionComboId}`,
        { value: r.value, deleted: r.deleted },
      ]),
    );
  };

  it('lands the metadata and every value of a full pull exactly, and records the run', async () => {
    const progress: string[] = [];
    const report = await pullFromDhis2(database.adapter.db, connection(), {
      ...fast,
      onProgress: (p) => progress.push(p.message),
    });
    expect(report.errors).toEqual([]);
    expect(report).toMatchObject({
      status: 'done',
      mode: 'full',
      since: null,
      until: RECORDED_SERVER_DATE,
    });
    expect(report.metadata).toMatchObject({ status: 'done', created: 33, updated: 0, errors: [] });
    expect(report.chunks.map((c) => [c.key, c.status])).toEqual(
      DATA_SETS.map((d) => [`dataValues:${d}:${RECORDED_ROOT}`, 'done']),
    );
    expect(report.totals).toEqual({
      imported: 26,
      updated: 0,
      deleted: 0,
      ignored: 0,
      conflicts: 0,
    });

    const expected = DATA_SETS.flatMap((d) => recorded(d));
    const stored = await storedValues();
    expect(stored.size).toBe(expected.length);
    for (const value of expected) {
      expect(stored.get(keyOf(value)), keyOf(value)).toEqual({ value: value.value, deleted: 0 });
    }
    const db = database.adapter.db;
    const units = await db.selectFrom('orgUnits').select(['id', 'path']).orderBy('id').execute();
    expect(units).toContainEqual({
      id: 'Wq3fHbT9aVd',
      path: '/ImspTQPwCqd/fdc6uOvgoji/Rk7sbmWQ2Lp/Wq3fHbT9aVd',
    });
    expect(units).toHaveLength(7);
    const measles = await db
      .selectFrom('dataElements')
      .select('name')
      .where('id', '=', 'f7n9E0hX8qk')
      .executeTakeFirst();
    expect(measles?.name).toBe('Measles');

    const full = dhis2
      .requestsTo('/api/dataValueSets.json')
      .map((r) => Object.fromEntries(r.params));
    expect(full).toContainEqual({
      dataSet: 'pBOMPrpg1QX',
      orgUnit: RECORDED_ROOT,
      children: 'true',
      startDate: '1900-01-01',
      endDate: '2036-12-31',
      includeDeleted: 'true',
    });
    expect(dhis2.requests.every((r) => r.authorization === `ApiToken ${RECORDED_TOKEN}`)).toBe(
      true,
    );
    expect(dhis2.requestsTo('/api/metadata.json')[0].params.get('filter')).toBeNull();

    const connectionRow = await db
      .selectFrom('dhis2Connections')
      .selectAll()
      .executeTakeFirstOrThrow();
    expect(connectionRow).toMatchObject({
      name: 'default',
      baseUrl: dhis2.url,
      lastUpdatedWatermark: RECORDED_SERVER_DATE,
    });
    expect(JSON.parse(connectionRow.auth)).toEqual({ kind: 'token', token: RECORDED_TOKEN });
    const run = await db.selectFrom('dhis2SyncRuns').selectAll().executeTakeFirstOrThrow();
    expect(run).toMatchObject({ status: 'done', since: null, until: RECORDED_SERVER_DATE });
    expect(JSON.parse(run.chunksDone)).toHaveLength(4);
    expect(JSON.parse(run.report ?? '{}')).toMatchObject({ status: 'done', totals: report.totals });
    expect(progress.join('\n')).not.toContain(RECORDED_TOKEN);
  });

  it('pulls incrementally from the previous server time and applies updates and deletes', async () => {
    await pullFromDhis2(database.adapter.db, connection(), fast);
    dhis2.serverDate = '2026-11-27T08:00:00.000';
    dhis2.requests.length = 0;

    const report = await pullFromDhis2(database.adapter.db, connection(), fast);
    expect(report.errors).toEqual([]);
    expect(report).toMatchObject({
      status: 'done',
      mode: 'incremental',
      since: RECORDED_SERVER_DATE,
      until: '2026-11-27T08:00:00.000',
    });
    expect(dhis2.requestsTo('/api/metadata.json')[0].params.get('filter')).toBe(
      `lastUpdated:gt:${RECORDED_SERVER_DATE}`,
    );
    for (const request of dhis2.requestsTo('/api/dataValueSets.json')) {
      expect(request.params.get('lastUpdated')).toBe(RECORDED_SERVER_DATE);
      expect(request.params.get('includeDeleted')).toBe('true');
      expect(request.params.has('startDate')).toBe(false);
    }
    expect(report.metadata).toMatchObject({ status: 'done', created: 1, updated: 2, unchanged: 0 });
    expect(report.totals).toEqual({
      imported: 2,
      updated: 1,
      deleted: 1,
      ignored: 0,
      conflicts: 0,
    });

    const stored = await storedValues();
    expect(stored.get('f7n9E0hX8qk/202610/DiszpKrYNg8/HllvX50cXC0/HllvX50cXC0')?.value).toBe('9');
    expect(stored.get('f7n9E0hX8qk/202611/DiszpKrYNg8/HllvX50cXC0/HllvX50cXC0')).toEqual({
      value: '3',
      deleted: 0,
    });
    expect(stored.get('Ix2HsbDMLea/202609/Wq3fHbT9aVd/HllvX50cXC0/HllvX50cXC0')?.deleted).toBe(1);
    expect(stored.get('vq2qO3eTrNi/202611/Yo0tW3sOA2d/S34ULMcHMca/HllvX50cXC0')).toEqual({
      value: '14',
      deleted: 0,
    });
    const measles = await database.adapter.db
      .selectFrom('dataElements')
      .select('name')
      .where('id', '=', 'f7n9E0hX8qk')
      .executeTakeFirst();
    expect(measles?.name).toBe('Measles (confirmed)');
    const connectionRow = await database.adapter.db
      .selectFrom('dhis2Connections')
      .selectAll()
      .executeTakeFirstOrThrow();
    expect(connectionRow.lastUpdatedWatermark).toBe('2026-11-27T08:00:00.000');

    dhis2.requests.length = 0;
    await pullFromDhis2(database.adapter.db, connection(), { ...fast, full: true });
    expect(dhis2.requestsTo('/api/metadata.json')[0].params.get('filter')).toBeNull();
    expect(dhis2.requestsTo('/api/dataValueSets.json')[0].params.get('startDate')).toBe(
      '1900-01-01',
    );
  });

  it('records the chunks that landed when one fails for good, then resumes only the rest', async () => {
    const malaria = (params: URLSearchParams) => params.get('dataSet') === 'QX4ZTUbOt3a';
    dhis2.fail({ path: '/api/dataValueSets.json', when: malaria, status: 503, times: Infinity });
    const failed = await pullFromDhis2(
      database.adapter.db,
      { ...connection(), username: undefined },
      fast,
    );
    expect(failed.status).toBe('failed');
    expect(failed.chunks.map((c) => c.status)).toEqual(['done', 'failed', 'done']);
    expect(failed.errors).toHaveLength(1);
    expect(failed.errors[0]).toMatch(
      /dataValues:QX4ZTUbOt3a:ImspTQPwCqd: DHIS2 at .* answered GET \/api\/dataValueSets\.json\?dataSet=QX4ZTUbOt3a.* with 503 .*gave up after 3 attempts/,
    );
    expect(
      dhis2.requestsTo('/api/dataValueSets.json').filter((r) => malaria(r.params)),
    ).toHaveLength(3);
    expect((await storedValues()).size).toBe(26 - 8);
    const db = database.adapter.db;
    const run = await db.selectFrom('dhis2SyncRuns').selectAll().executeTakeFirstOrThrow();
    expect(run.status).toBe('failed');
    expect(JSON.parse(run.chunksDone)).toEqual([
      'metadata',
      'dataValues:BfMAe6Itzgt:ImspTQPwCqd',
      'dataValues:pBOMPrpg1QX:ImspTQPwCqd',
    ]);
    const before = await db
      .selectFrom('dhis2Connections')
      .select('lastUpdatedWatermark')
      .executeTakeFirstOrThrow();
    expect(before.lastUpdatedWatermark).toBeNull();

    dhis2.clearFaults();
    dhis2.requests.length = 0;
    dhis2.serverDate = '2026-11-20T11:00:00.000';
    const resumed = await pullFromDhis2(db, connection(), { ...fast, resume: true });
    expect(resumed).toMatchObject({
      status: 'done',
      resumed: true,
      runId: failed.runId,
      until: RECORDED_SERVER_DATE,
    });
    expect(resumed.metadata.status).toBe('skipped');
    expect(resumed.chunks.map((c) => c.status)).toEqual(['skipped', 'done', 'skipped']);
    expect(dhis2.requestsTo('/api/metadata.json')).toHaveLength(0);
    expect(dhis2.requestsTo('/api/dataValueSets.json').map((r) => r.params.get('dataSet'))).toEqual(
      ['QX4ZTUbOt3a'],
    );
    expect((await storedValues()).size).toBe(26);
    const after = await db
      .selectFrom('dhis2Connections')
      .select('lastUpdatedWatermark')
      .executeTakeFirstOrThrow();
    expect(after.lastUpdatedWatermark).toBe(RECORDED_SERVER_DATE);
    expect(await db.selectFrom('dhis2SyncRuns').select('status').execute()).toEqual([
      { status: 'done' },
    ]);
  });

  it('signs in with Basic credentials when given a username and password', async () => {
    const report = await pullFromDhis2(
      database.adapter.db,
      { baseUrl: dhis2.url, ...RECORDED_BASIC },
      fast,
    );
    expect(report.status).toBe('done');
    expect(dhis2.requests[0].authorization).toMatch(/^Basic /);
  });
});
