import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE as F } from '../../testing/fixture-country.ts';
import { createTestServer, type TestClient, type TestServer } from '../../testing/test-context.ts';
import { testDialects } from '../../testing/test-database.ts';

describe.each(testDialects())('metadata on %s', (dialect) => {
  let server: TestServer;
  let rootAdmin: TestClient;
  let districtAdmin: TestClient;
  beforeAll(async () => {
    server = await createTestServer(dialect);
    rootAdmin = await server.as([{ role: 'admin', orgUnitId: F.country }]);
    districtAdmin = await server.as([{ role: 'admin', orgUnitId: F.districtA }]);
  });
  afterAll(() => server.close());

  it('lists data elements with their disaggregations and indicators with their types', async () => {
    const elements = (await districtAdmin.get('/api/data-elements')).json().dataElements;
    const opd = elements.find((d: { id: string }) => d.id === F.opd);
    expect(opd.categoryOptionCombos.map((c: { name: string }) => c.name)).toEqual([
      'Female',
      'Male',
    ]);
    const indicators = (await districtAdmin.get('/api/indicators')).json().indicators;
    expect(indicators.find((i: { id: string }) => i.id === F.anc4Rate)).toMatchObject({
      indicatorType: { factor: 100 },
      kind: 'proportion',
      annualized: false,
      notifiable: false,
      source: 'local',
    });
    expect((await districtAdmin.get(`/api/indicators/${F.anc4Rate}`)).statusCode).toBe(200);
    expect((await districtAdmin.get(`/api/data-elements/${F.anc1}`)).json().dataElement.name).toBe(
      'ANC 1st visit',
    );
    expect((await districtAdmin.get('/api/data-elements/Wwwwwwwwwww')).statusCode).toBe(404);
  });

  it('lets only an admin of the whole hierarchy define an indicator', async () => {
    const body = {
      name: 'Penta dropout',
      numerator: `#{${F.anc1}}-#{${F.anc4}}`,
      denominator: `#{${F.anc1}}`,
      indicatorTypeId: F.percent,
      kind: 'proportion',
      desiredDirection: 'down',
      target: 10,
    };
    expect((await districtAdmin.post('/api/indicators', body)).statusCode).toBe(403);
    const created = await rootAdmin.post('/api/indicators', body);
    expect(created.statusCode).toBe(201);
    expect(created.json().indicator).toMatchObject({
      name: 'Penta dropout',
      source: 'local',
      defaultChartType: 'run',
      target: 10,
    });
    expect((await rootAdmin.post('/api/indicators', body)).statusCode).toBe(409);
  });

  it('rejects expressions that do not parse or name unknown data elements', async () => {
    const base = { name: 'Broken', denominator: '1', indicatorTypeId: F.number, kind: 'count' };
    const bad = await rootAdmin.post('/api/indicators', { ...base, numerator: `#{${F.anc1}}+` });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().issues[0]).toMatchObject({
      field: 'body.numerator',
      code: 'invalid_expression',
    });
    const unknown = await rootAdmin.post('/api/indicators', {
      ...base,
      numerator: '#{Aaaaaaaaaaa}',
      indicatorTypeId: 'Bbbbbbbbbbb',
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().issues.map((i: { code: string }) => i.code)).toEqual([
      'unknown_data_element',
      'unknown_indicator_type',
    ]);
    expect(
      (await rootAdmin.post('/api/indicators', { ...base, numerator: '1', kind: 'ratio' })).json()
        .issues[0].field,
    ).toBe('body.kind');
  });
});
