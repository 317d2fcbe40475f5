/**
 * `GET /api/data-value-sets` on the fixture country (values in testing/fixture-country.ts): every
 * filter, the subtree, the caller's scope, deleted values, lastUpdated, and the exact text of
 * small exports.
 */
import { fromFhirMeasureReports } from '@sankofa/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE as F } from '../../testing/fixture-country.ts';
import { createTestServer, type TestClient, type TestServer } from '../../testing/test-context.ts';
import { testDialects } from '../../testing/test-database.ts';

const T0 = '2024-02-01T00:00:00.000Z';
const url = (params: Record<string, string | string[]>) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const v of Array.isArray(value) ? value : [value]) {
      search.append(key, v);
    }
  }
  return `/api/data-value-sets?${search.toString()}`;
};
interface JsonValue {
  dataElement: string;
  period: string;
  orgUnit: string;
  categoryOptionCombo: string;
  value: string;
  deleted?: boolean;
}
/** `orgUnit period value` of each exported value, sorted. */
const brief = (body: { dataValues: JsonValue[] }) =>
  body.dataValues.map((v) => `${v.orgUnit} ${v.period} ${v.value}`).sort();

describe.each(testDialects())('data value set export on %s', (dialect) => {
  let server: TestServer;
  let national: TestClient;
  let districtManager: TestClient;
  const json = async (client: TestClient, params: Record<string, string | string[]>) => {
    const response = await client.get(url(params));
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ dataValues: JsonValue[] }>();
  };

  beforeAll(async () => {
    server = await createTestServer(dialect);
    const db = server.database.adapter.db;
    await db.updateTable('dataValues').set({ createdAt: T0, lastUpdated: T0 }).execute();
    const stamp = { createdAt: T0, updatedAt: T0 };
    await db
      .insertInto('dataSets')
      .values({
        id: 'DsAnc000001',
        code: 'ANC',
        name: 'ANC',
        shortName: null,
        periodType: 'Monthly',
        categoryComboId: null,
        openFuturePeriods: 0,
        expiryDays: 0,
        timelyDays: 15,
        ...stamp,
      })
      .execute();
    await db
      .insertInto('dataSetElements')
      .values([
        { dataSetId: 'DsAnc000001', dataElementId: F.anc1, categoryComboId: null },
        { dataSetId: 'DsAnc000001', dataElementId: F.anc4, categoryComboId: null },
      ])
      .execute();
    await db
      .insertInto('dataElementGroups')
      .values({ id: 'DegStaff001', code: null, name: 'Staff', shortName: null, ...stamp })
      .execute();
    await db
      .insertInto('dataElementGroupMembers')
      .values({ dataElementGroupId: 'DegStaff001', dataElementId: F.staff })
      .execute();
    await db
      .insertInto('orgUnitGroups')
      .values({ id: 'OugOdd00001', code: null, name: 'Odd', shortName: null, ...stamp })
      .execute();
    await db
      .insertInto('orgUnitGroupMembers')
      .values([
        { orgUnitGroupId: 'OugOdd00001', orgUnitId: F.facilityB1 },
        { orgUnitGroupId: 'OugOdd00001', orgUnitId: F.districtC },
      ])
      .execute();
    national = await server.as([{ role: 'viewer', orgUnitId: F.country }]);
    districtManager = await server.as([{ role: 'manager', orgUnitId: F.districtA }]);
  });
  afterAll(() => server.close());

  it('writes exactly DHIS2 JSON and CSV for a small export', async () => {
    const params = { dataElement: F.opd, orgUnit: F.facilityA1, period: '202401' };
    const value = (coc: string, v: string) =>
      `{"dataElement":"${F.opd}","period":"202401","orgUnit":"${F.facilityA1}",` +
      `"categoryOptionCombo":"${coc}","attributeOptionCombo":"${F.defaultCombo}","value":"${v}",` +
      `"storedBy":"fixture","created":"${T0}","lastUpdated":"${T0}","followup":false}`;
    const response = await national.get(url(params));
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response.body).toBe(`{"dataValues":[${value(F.female, '7')},${value(F.male, '3')}]}\n`);
    const csv = await national.get(url({ ...params, format: 'csv' }));
    expect(csv.headers['content-type']).toBe('application/csv; charset=utf-8');
    expect(csv.body).toBe(
      'dataelement,period,orgunit,catoptcombo,attroptcombo,value,storedby,lastupdated,comment,flwup\n' +
        `${F.opd},202401,${F.facilityA1},${F.female},${F.defaultCombo},7,fixture,${T0},,false\n` +
        `${F.opd},202401,${F.facilityA1},${F.male},${F.defaultCombo},3,fixture,${T0},,false\n`,
    );
    const accepted = await national.request({
      method: 'GET',
      url: url(params),
      headers: { accept: 'text/csv' },
    });
    expect(accepted.body).toBe(csv.body);
  });

  it('selects by data element, data set, data element group and period', async () => {
    const a1 = { orgUnit: F.facilityA1 };
    expect(brief(await json(national, { ...a1, dataElement: F.anc1 }))).toEqual([
      `${F.facilityA1} 202401 10`,
      `${F.facilityA1} 202402 20`,
      `${F.facilityA1} 202403 30`,
    ]);
    const set = await json(national, { ...a1, dataSet: 'DsAnc000001', period: '202402' });
    expect(set.dataValues.map((v) => `${v.dataElement} ${v.value}`).sort()).toEqual(
      [`${F.anc1} 20`, `${F.anc4} 10`].sort(),
    );
    const group = await json(national, { ...a1, dataElementGroup: 'DegStaff001' });
    expect(group.dataValues.map((v) => `${v.dataElement} ${v.value}`)).toEqual([`${F.staff} 4`]);
    const periods = await json(national, {
      ...a1,
      dataElement: [F.anc1, F.anc4],
      period: '202401,2024-03',
    });
    expect(periods.dataValues.map((v) => v.value).sort()).toEqual(['10', '15', '30', '5']);
  });

  it('selects periods whose start and end fall between startDate and endDate', async () => {
    const body = await json(national, {
      dataElement: F.anc1,
      orgUnit: F.facilityA1,
      startDate: '2024-01-15',
      endDate: '2024-03-31',
    });
    expect(body.dataValues.map((v) => v.period)).toEqual(['202402', '202403']);
  });

  it('includes the whole subtree with children=true, and org unit group members', async () => {
    const district = { dataElement: F.anc1, period: '202401' };
    expect((await json(national, { ...district, orgUnit: F.districtA })).dataValues).toEqual([]);
    expect(
      brief(await json(national, { ...district, orgUnit: F.north, children: 'true' })),
    ).toEqual(
      [`${F.facilityA1} 202401 10`, `${F.facilityA2} 202401 5`, `${F.facilityB1} 202401 8`].sort(),
    );
    expect(brief(await json(national, { ...district, orgUnitGroup: 'OugOdd00001' }))).toEqual([
      `${F.facilityB1} 202401 8`,
    ]);
    expect(
      brief(await json(national, { ...district, orgUnitGroup: 'OugOdd00001', children: 'true' })),
    ).toEqual([`${F.facilityB1} 202401 8`, `${F.facilityC1} 202401 40`].sort());
  });

  it('keeps a district manager to their district: 403 elsewhere, only their values at home', async () => {
    const forbidden = await districtManager.get(
      url({ dataElement: F.anc1, orgUnit: F.districtB, children: 'true' }),
    );
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().error).toBe('forbidden');
    expect(
      (
        await districtManager.get(
          url({ dataElement: F.anc1, orgUnit: F.country, children: 'true' }),
        )
      ).statusCode,
    ).toBe(403);
    const home = await json(districtManager, {
      dataElement: F.anc1,
      orgUnit: F.districtA,
      children: 'true',
      period: '202401',
    });
    expect(brief(home)).toEqual([`${F.facilityA1} 202401 10`, `${F.facilityA2} 202401 5`]);
    const viaGroup = await json(districtManager, {
      dataElement: F.anc1,
      orgUnitGroup: 'OugOdd00001',
      children: 'true',
    });
    expect(viaGroup.dataValues).toEqual([]);
    expect(
      (await server.anonymous().get(url({ dataElement: F.anc1, orgUnit: F.districtA }))).statusCode,
    ).toBe(401);
  });

  it('leaves deleted values out unless includeDeleted, and filters by lastUpdated', async () => {
    const db = server.database.adapter.db;
    const key = (period: string) => (q: ReturnType<typeof db.updateTable<'dataValues'>>) =>
      q
        .where('dataElementId', '=', F.anc4)
        .where('orgUnitId', '=', F.facilityB1)
        .where('periodId', '=', period);
    await key('202401')(db.updateTable('dataValues').set({ deleted: 1 })).execute();
    await key('202402')(
      db.updateTable('dataValues').set({ lastUpdated: '2024-06-01T10:00:00.000Z', value: '6' }),
    ).execute();
    const params = { dataElement: F.anc4, orgUnit: F.facilityB1 };
    expect(brief(await json(national, params))).toEqual([
      `${F.facilityB1} 202402 6`,
      `${F.facilityB1} 202403 4`,
    ]);
    const all = await json(national, { ...params, includeDeleted: 'true' });
    expect(all.dataValues.map((v) => [v.period, v.deleted ?? false])).toEqual([
      ['202401', true],
      ['202402', false],
      ['202403', false],
    ]);
    for (const since of ['2024-05-31', '2024-06-01T10:00:00Z', '2024-06-01T10:00:00']) {
      expect(brief(await json(national, { ...params, lastUpdated: since })), since).toEqual([
        `${F.facilityB1} 202402 6`,
      ]);
    }
    expect((await json(national, { ...params, lastUpdated: '2024-06-02' })).dataValues).toEqual([]);
  });

  it('names objects by code with idScheme=code, and stops at limit', async () => {
    const body = await json(national, {
      dataElement: F.anc1,
      orgUnit: F.facilityA1,
      period: '202401',
      idScheme: 'code',
    });
    expect(body.dataValues[0]).toMatchObject({
      dataElement: 'ANC_1ST_VISIT',
      orgUnit: 'FX_N_A_1',
      categoryOptionCombo: 'default',
      attributeOptionCombo: 'default',
    });
    const limited = await json(national, {
      dataElement: F.anc1,
      orgUnit: F.country,
      children: 'true',
      limit: '5',
    });
    expect(limited.dataValues).toHaveLength(5);
  });

  it('writes FHIR MeasureReports that core reads back to the same values', async () => {
    const response = await national.get(
      url({
        dataElement: [F.anc1, F.opd],
        orgUnit: F.facilityA1,
        period: '202401',
        format: 'fhir',
      }),
    );
    expect(response.headers['content-type']).toBe('application/fhir+json; charset=utf-8');
    const read = fromFhirMeasureReports(response.json()).values;
    expect(read.map((v) => [v.dataElement, v.period, v.orgUnit, v.value])).toEqual([
      [F.anc1, '202401', F.facilityA1, '10'],
      [F.opd, '202401', F.facilityA1, '7'],
      [F.opd, '202401', F.facilityA1, '3'],
    ]);
    // Key order: female before male. The fixture's sex combos have no category options, so the
    // combo itself is the stratum.
    expect(read[1].categoryOptions).toEqual({ categoryOptionCombo: F.female });
  });

  it('is documented in OpenAPI with its parameters and media types', async () => {
    const spec = (await server.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    const get = spec.paths['/api/data-value-sets'].get;
    const names = get.parameters.map((p: { name: string }) => p.name);
    expect(names).toEqual(
      expect.arrayContaining(['dataElement', 'orgUnit', 'children', 'lastUpdated', 'format']),
    );
    expect(Object.keys(get.responses['200'].content)).toEqual([
      'application/json',
      'application/csv',
      'application/fhir+json',
    ]);
  });

  it('names the parameter of every bad request', async () => {
    const cases: [Record<string, string>, number, string][] = [
      [{ orgUnit: F.districtA }, 400, 'querystring.dataElement'],
      [{ dataElement: F.anc1 }, 400, 'querystring.orgUnit'],
      [{ dataElement: 'Xxxxxxxxxxx', orgUnit: F.districtA }, 422, 'querystring.dataElement'],
      [{ dataElement: F.anc1, orgUnit: 'Xxxxxxxxxxx' }, 422, 'querystring.orgUnit'],
      [{ dataElement: 'bad', orgUnit: F.districtA }, 400, 'querystring.dataElement'],
      [{ dataElement: F.anc1, orgUnit: F.districtA, period: '2024M13' }, 422, 'querystring.period'],
      [
        { dataElement: F.anc1, orgUnit: F.districtA, startDate: '2024-01-01' },
        400,
        'querystring.endDate',
      ],
      [
        {
          dataElement: F.anc1,
          orgUnit: F.districtA,
          startDate: '2024-03-01',
          endDate: '2024-01-01',
        },
        422,
        'querystring.endDate',
      ],
      [
        { dataElement: F.anc1, orgUnit: F.districtA, lastUpdated: 'yesterday' },
        422,
        'querystring.lastUpdated',
      ],
      [{ dataElement: F.anc1, orgUnit: F.districtA, format: 'xml' }, 400, 'querystring.format'],
      [{ dataElement: F.anc1, orgUnit: F.districtA, limit: '0' }, 400, 'querystring.limit'],
      [{ dataElement: F.anc1, orgUnit: F.districtA, surprise: '1' }, 400, 'querystring.surprise'],
    ];
    for (const [params, status, field] of cases) {
      const response = await national.get(url(params));
      expect(response.statusCode, JSON.stringify(params)).toBe(status);
      expect(
        response.json().issues.map((i: { field: string }) => i.field),
        JSON.stringify(params),
      ).toContain(field);
    }
  });
});
