/**
 * Series values are checked against hand computations on the fixture country (see the table in
 * testing/fixture-country.ts); writes against the value types and the audit trail.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE as F } from '../../testing/fixture-country.ts';
import { createTestServer, type TestClient, type TestServer } from '../../testing/test-context.ts';
import { testDialects } from '../../testing/test-database.ts';

const url = (params: Record<string, string>) =>
  `/api/data-values?${new URLSearchParams(params).toString()}`;
const values = (body: { points: { value: number | null }[] }) => body.points.map((p) => p.value);

describe.each(testDialects())('data values on %s', (dialect) => {
  let server: TestServer;
  let national: TestClient;
  let contributor: TestClient;
  beforeAll(async () => {
    server = await createTestServer(dialect);
    national = await server.as([{ role: 'viewer', orgUnitId: F.country }]);
    contributor = await server.as([{ role: 'contributor', orgUnitId: F.districtB }]);
  });
  afterAll(() => server.close());

  it('aggregates an indicator over the subtree at every level', async () => {
    const series = async (orgUnit: string) =>
      (
        await national.get(
          url({ indicator: F.anc4Rate, orgUnit, startPeriod: '202401', endPeriod: '202404' }),
        )
      ).json();
    const district = await series(F.districtA);
    expect(district.points.map((p: { period: string }) => p.period)).toEqual([
      '202401',
      '202402',
      '202403',
      '202404',
    ]);
    expect(district.points[0]).toMatchObject({
      numerator: 10,
      denominator: 15,
      startDate: '2024-01-01',
      endDate: '2024-01-31',
    });
    const close = (actual: (number | null)[], expected: (number | null)[]) =>
      actual.forEach((v, i) =>
        expected[i] === null ? expect(v).toBeNull() : expect(v).toBeCloseTo(expected[i], 10),
      );
    close(values(district), [(10 / 15) * 100, (10 / 25) * 100, (15 / 35) * 100, null]);
    close(values(await series(F.north)), [(14 / 23) * 100, (14 / 33) * 100, (19 / 43) * 100, null]);
    close(values(await series(F.country)), [
      (24 / 63) * 100,
      (34 / 73) * 100,
      (49 / 83) * 100,
      null,
    ]);
    // Facility A2 reported no ANC4 in March: all numerator items missing, so no value.
    close(values(await series(F.facilityA2)), [100, 0, null, null]);
  });

  it('rolls monthly values into quarters', async () => {
    const anc1 = (
      await national.get(
        url({
          dataElement: F.anc1,
          orgUnit: F.districtA,
          startPeriod: '2024Q1',
          endPeriod: '2024Q2',
        }),
      )
    ).json();
    expect(anc1.periodType).toBe('Quarterly');
    expect(values(anc1)).toEqual([75, null]);
    const rate = (
      await national.get(
        url({
          indicator: F.anc4Rate,
          orgUnit: F.districtA,
          startPeriod: '2024Q1',
          endPeriod: '2024Q1',
        }),
      )
    ).json();
    expect(rate.points[0].value).toBeCloseTo((35 / 75) * 100, 10);
  });

  it('sums or averages a data element by its aggregation type, and filters a disaggregation', async () => {
    const get = async (params: Record<string, string>) =>
      values(
        (
          await national.get(
            url({ orgUnit: F.districtA, startPeriod: '202401', endPeriod: '202401', ...params }),
          )
        ).json(),
      );
    expect(await get({ dataElement: F.opd })).toEqual([10]);
    expect(await get({ dataElement: F.opd, categoryOptionCombo: F.male })).toEqual([3]);
    expect(await get({ dataElement: F.staff })).toEqual([3]);
  });

  it('names the field of every bad query and never answers 500', async () => {
    const cases: [Record<string, string>, number, string][] = [
      [
        { indicator: F.anc4Rate, startPeriod: '202401', endPeriod: '202402' },
        400,
        'querystring.orgUnit',
      ],
      [
        {
          indicator: F.anc4Rate,
          dataElement: F.anc1,
          orgUnit: F.country,
          startPeriod: '202401',
          endPeriod: '202402',
        },
        400,
        'querystring.indicator',
      ],
      [
        { orgUnit: F.country, startPeriod: '202401', endPeriod: '202402' },
        400,
        'querystring.indicator',
      ],
      [
        { indicator: F.anc4Rate, orgUnit: F.country, startPeriod: '202413', endPeriod: '202402' },
        422,
        'querystring.startPeriod',
      ],
      [
        { indicator: F.anc4Rate, orgUnit: F.country, startPeriod: '202403', endPeriod: '202401' },
        422,
        'querystring.endPeriod',
      ],
      [
        { indicator: F.anc4Rate, orgUnit: F.country, startPeriod: '202401', endPeriod: '2024Q1' },
        422,
        'querystring.endPeriod',
      ],
      [
        { indicator: F.anc4Rate, orgUnit: 'not-a-uid', startPeriod: '202401', endPeriod: '202402' },
        400,
        'querystring.orgUnit',
      ],
      [
        {
          indicator: F.anc4Rate,
          orgUnit: F.country,
          startPeriod: '20240101',
          endPeriod: '20261231',
        },
        422,
        'querystring.endPeriod',
      ],
    ];
    for (const [params, status, field] of cases) {
      const response = await national.get(url(params));
      expect(response.statusCode, JSON.stringify(params)).toBe(status);
      const body = response.json();
      expect(
        body.issues.map((i: { field: string }) => i.field),
        JSON.stringify(params),
      ).toContain(field);
    }
    const unknown = await national.get(
      url({
        indicator: 'Xxxxxxxxxxx',
        orgUnit: F.country,
        startPeriod: '202401',
        endPeriod: '202402',
      }),
    );
    expect(unknown.json()).toEqual({
      error: 'not_found',
      status: 404,
      message: 'Indicator Xxxxxxxxxxx was not found',
    });
  });

  it('stores, updates and deletes a value, with an audit event each time', async () => {
    const key = { dataElement: F.anc1, period: '2024-05', orgUnit: F.facilityB1 };
    const created = await contributor.put('/api/data-values', {
      ...key,
      value: '12',
      comment: 'first',
    });
    expect(created.statusCode).toBe(200);
    expect(created.json().dataValue).toMatchObject({
      period: '202405',
      value: '12',
      comment: 'first',
      categoryOptionCombo: F.defaultCombo,
      storedBy: contributor.email,
      deleted: false,
    });
    expect(
      (await contributor.put('/api/data-values', { ...key, value: '13' })).json().dataValue,
    ).toMatchObject({ value: '13', comment: 'first' });
    const series = async () =>
      values(
        (
          await national.get(
            url({
              dataElement: F.anc1,
              orgUnit: F.facilityB1,
              startPeriod: '202405',
              endPeriod: '202405',
            }),
          )
        ).json(),
      );
    expect(await series()).toEqual([13]);
    const removed = await contributor.delete(
      `/api/data-values?dataElement=${F.anc1}&period=202405&orgUnit=${F.facilityB1}`,
    );
    expect(removed.json().dataValue.deleted).toBe(true);
    expect(await series()).toEqual([null]);
    const events = await server.database.adapter.db
      .selectFrom('auditEvents')
      .select(['action', 'before', 'after'])
      .where('entityType', '=', 'dataValue')
      .where(
        'entityId',
        '=',
        `${F.anc1}.202405.${F.facilityB1}.${F.defaultCombo}.${F.defaultCombo}`,
      )
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.action)).toEqual(['create', 'update', 'delete']);
    expect(JSON.parse(events[1].before!).value).toBe('12');
    expect(JSON.parse(events[1].after!).value).toBe('13');
  });

  it('rejects bad values naming the field, and leaves the database as it was', async () => {
    const db = server.database.adapter.db;
    const snapshot = async () => ({
      values: await db
        .selectFrom('dataValues')
        .selectAll()
        .orderBy(['dataElementId', 'periodId', 'orgUnitId', 'categoryOptionComboId'])
        .execute(),
      audit: Number(
        (
          await db
            .selectFrom('auditEvents')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
      periods: await db.selectFrom('periods').select('id').orderBy('id').execute(),
    });
    const before = await snapshot();
    const base = { dataElement: F.anc1, period: '202406', orgUnit: F.facilityB1, value: '5' };
    const cases: [unknown, number, string][] = [
      [{ ...base, value: 'twelve' }, 422, 'value'],
      [{ ...base, value: '-3' }, 422, 'value'],
      [{ ...base, value: '2.5' }, 422, 'value'],
      [{ ...base, period: '2024M13' }, 422, 'period'],
      [{ ...base, categoryOptionCombo: F.male }, 422, 'categoryOptionCombo'],
      [{ ...base, attributeOptionCombo: 'Yyyyyyyyyyy' }, 422, 'attributeOptionCombo'],
      [{ ...base, value: undefined }, 400, 'body.value'],
      [{ ...base, surprise: 1 }, 400, 'body.surprise'],
      [{ ...base, dataElement: 'bad' }, 400, 'body.dataElement'],
      [{ ...base, value: { amount: 5 } }, 400, 'body.value'],
    ];
    for (const [payload, status, field] of cases) {
      const response = await contributor.put('/api/data-values', payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(status);
      expect(
        response.json().issues.map((i: { field: string }) => i.field),
        JSON.stringify(payload),
      ).toContain(field);
    }
    const form = await contributor.request({
      method: 'PUT',
      url: '/api/data-values',
      payload: 'value=1',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(form.json()).toMatchObject({ error: 'unsupported_media_type', status: 415 });
    const text = await contributor.request({
      method: 'PUT',
      url: '/api/data-values',
      payload: 'value=1',
      headers: { 'content-type': 'text/plain' },
    });
    expect(text.statusCode).toBe(400);
    const broken = await contributor.request({
      method: 'PUT',
      url: '/api/data-values',
      payload: '{"value": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error).toBe('bad_request');
    expect(await snapshot()).toEqual(before);
  });
});
