/** `GET /api/completeness`: scope, validation and the shape of the answer on the fixture country. */
import type { CompletenessResponse } from '@sankofa/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DATA_SET,
  seedCompletenessFixture,
} from '../../services/completeness/completeness.test-support.ts';
import { FIXTURE as F } from '../../testing/fixture-country.ts';
import { createTestServer, type TestClient, type TestServer } from '../../testing/test-context.ts';
import { testDialects } from '../../testing/test-database.ts';

const url = (params: Record<string, string>) =>
  `/api/completeness?${new URLSearchParams({ dataSet: DATA_SET, ...params }).toString()}`;

describe.each(testDialects())('completeness on %s', (dialect) => {
  let server: TestServer;
  let districtViewer: TestClient;
  beforeAll(async () => {
    server = await createTestServer(dialect);
    await seedCompletenessFixture(server.database.adapter.db);
    districtViewer = await server.as([{ role: 'viewer', orgUnitId: F.districtA }]);
  });
  afterAll(() => server.close());

  it('answers within the user’s scope', async () => {
    const response = await districtViewer.get(
      url({ orgUnit: F.districtA, start: '202401', end: '202402' }),
    );
    expect(response.statusCode).toBe(200);
    const body = response.json<CompletenessResponse>();
    expect(body.orgUnit).toEqual({ id: F.districtA, name: 'District A', level: 3 });
    expect(body.periodType).toBe('Monthly');
    // District A: 2 assigned units; Jan A1 + A2 complete and on time; Feb A1 late.
    expect(
      body.rows
        .filter((r) => r.orgUnitId === F.districtA)
        .map((r) => [r.period, r.expected, r.actual, r.actualOnTime, r.completeness]),
    ).toEqual([
      ['202401', 2, 2, 2, 100],
      ['202402', 2, 1, 0, 50],
    ]);
    // Then each facility of District A: A1 complete both months.
    expect(body.rows.filter((r) => r.orgUnitId === F.facilityA1).map((r) => r.actual)).toEqual([
      1, 1,
    ]);
  });

  it('refuses org units outside the scope with 403', async () => {
    const response = await districtViewer.get(
      url({ orgUnit: F.north, start: '202401', end: '202401' }),
    );
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ error: 'forbidden' });
  });

  it('names the bad field of a bad request', async () => {
    const mixed = await districtViewer.get(
      url({ orgUnit: F.districtA, start: '202401', end: '2024Q1' }),
    );
    expect(mixed.statusCode).toBe(422);
    expect(mixed.json().issues[0]).toMatchObject({
      field: 'querystring.end',
      code: 'period_type_mismatch',
    });
    const short = await districtViewer.get(
      url({ orgUnit: F.districtA, start: '2024W1', end: '2024W2' }),
    );
    expect(short.statusCode).toBe(422);
    expect(short.json().issues[0]).toMatchObject({ code: 'period_too_short' });
    const unknown = await districtViewer.get(
      `/api/completeness?dataSet=DsUnknown01&orgUnit=${F.districtA}&start=202401&end=202401`,
    );
    expect(unknown.statusCode).toBe(404);
    const spec = (await server.app.inject({ method: 'GET', url: '/api/docs/json' })).json<{
      paths: Record<string, unknown>;
    }>();
    expect(Object.keys(spec.paths)).toContain('/api/completeness');
    const anonymous = await server
      .anonymous()
      .get(url({ orgUnit: F.districtA, start: '202401', end: '202401' }));
    expect(anonymous.statusCode).toBe(401);
  });
});
