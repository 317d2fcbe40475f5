import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE as F } from '../../testing/fixture-country.ts';
import { createTestServer, type TestClient, type TestServer } from '../../testing/test-context.ts';
import { testDialects } from '../../testing/test-database.ts';

const ids = (body: { orgUnits: { id: string }[] }) => body.orgUnits.map((u) => u.id);

describe.each(testDialects())('org units on %s', (dialect) => {
  let server: TestServer;
  let national: TestClient;
  let regional: TestClient;
  beforeAll(async () => {
    server = await createTestServer(dialect);
    national = await server.as([{ role: 'admin', orgUnitId: F.country }]);
    regional = await server.as([
      { role: 'manager', orgUnitId: F.north },
      { role: 'viewer', orgUnitId: F.districtA },
      { role: 'viewer', orgUnitId: F.districtC },
    ]);
  });
  afterAll(() => server.close());

  it('lists scope roots, children with their counts, and a tree to a depth', async () => {
    expect(ids((await national.get('/api/org-units')).json())).toEqual([F.country]);
    // District A lies under North: only North and District C are roots.
    expect(ids((await regional.get('/api/org-units')).json())).toEqual([F.districtC, F.north]);
    const children = (await national.get(`/api/org-units?parent=${F.country}`)).json().orgUnits;
    expect(
      children.map((u: { name: string; childCount: number }) => [u.name, u.childCount]),
    ).toEqual([
      ['North', 2],
      ['South', 1],
    ]);
    const tree = (await national.get('/api/org-units/tree?depth=2')).json();
    expect(tree.rootIds).toEqual([F.country]);
    expect(tree.orgUnits).toHaveLength(6);
    expect(tree.orgUnits[0]).toMatchObject({
      id: F.country,
      level: 1,
      path: `/${F.country}`,
      parentId: null,
    });
    expect(tree.orgUnits.every((u: { level: number }) => u.level <= 3)).toBe(true);
  });

  it('finds org units by name or code, case-insensitively, within scope', async () => {
    expect(ids((await national.get('/api/org-units?q=FACILITY')).json()).sort()).toEqual(
      [F.facilityA1, F.facilityA2, F.facilityB1, F.facilityC1].sort(),
    );
    expect(ids((await national.get('/api/org-units?q=fx_s')).json()).sort()).toEqual(
      [F.south, F.districtC, F.facilityC1].sort(),
    );
    expect(ids((await regional.get('/api/org-units?q=facility')).json()).sort()).toEqual(
      [F.facilityA1, F.facilityA2, F.facilityB1, F.facilityC1].sort(),
    );
    expect(ids((await national.get('/api/org-units?q=100%25')).json())).toEqual([]);
    expect(ids((await national.get('/api/org-units?level=3')).json())).toEqual([
      F.districtA,
      F.districtB,
      F.districtC,
    ]);
  });

  it('shows an org unit with only the ancestors the caller may see', async () => {
    const full = (await national.get(`/api/org-units/${F.facilityA1}`)).json();
    expect(full.ancestors.map((u: { id: string }) => u.id)).toEqual([
      F.country,
      F.north,
      F.districtA,
    ]);
    const partial = (await regional.get(`/api/org-units/${F.facilityA1}`)).json();
    expect(partial.ancestors.map((u: { id: string }) => u.id)).toEqual([F.north, F.districtA]);
  });

  it('creates an org unit with path, level and closure, so scope covers it at once', async () => {
    const created = await regional.post('/api/org-units', {
      parentId: F.districtB,
      name: 'Facility B2',
      code: 'FX_N_B_2',
    });
    expect(created.statusCode).toBe(201);
    const unit = created.json().orgUnit;
    expect(unit).toMatchObject({
      level: 4,
      path: `/${F.country}/${F.north}/${F.districtB}/${unit.id}`,
      parentId: F.districtB,
      childCount: 0,
    });
    expect((await regional.get(`/api/org-units/${unit.id}`)).statusCode).toBe(200);
    expect(
      ids((await national.get(`/api/org-units/tree?root=${F.districtB}&depth=1`)).json()),
    ).toContain(unit.id);
    const duplicate = await regional.post('/api/org-units', {
      parentId: F.districtB,
      name: 'Again',
      code: 'FX_N_B_2',
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().issues[0].field).toBe('body.code');
  });

  it('validates bodies and ids, naming the field', async () => {
    const cases: [string, string, unknown, number, string][] = [
      ['POST', '/api/org-units', { parentId: F.districtB, name: '' }, 400, 'body.name'],
      ['POST', '/api/org-units', { name: 'No parent' }, 400, 'body.parentId'],
      [
        'POST',
        '/api/org-units',
        { parentId: F.districtB, name: 'X', openingDate: 'yesterday' },
        400,
        'body.openingDate',
      ],
      ['PATCH', `/api/org-units/${F.districtB}`, {}, 400, 'body'],
      ['PATCH', `/api/org-units/${F.districtB}`, { level: 1 }, 400, 'body.level'],
      ['GET', '/api/org-units/tree?depth=99', undefined, 400, 'querystring.depth'],
      ['GET', '/api/org-units/short', undefined, 400, 'params.id'],
    ];
    for (const [method, url, payload, status, field] of cases) {
      const response = await regional.request({ method: method, url, payload: payload as object });
      expect(response.statusCode, `${method} ${url}`).toBe(status);
      expect(
        response.json().issues.map((i: { field: string }) => i.field),
        `${method} ${url}`,
      ).toContain(field);
    }
    const missing = await national.get('/api/org-units/Zzzzzzzzzzz');
    expect(missing.json()).toEqual({
      error: 'not_found',
      status: 404,
      message: 'Org unit Zzzzzzzzzzz was not found',
    });
    const missingParent = await national.post('/api/org-units', {
      parentId: 'Zzzzzzzzzzz',
      name: 'Orphan',
    });
    expect(missingParent.statusCode).toBe(404);
  });

  it('renames with before and after in the audit trail', async () => {
    const response = await regional.patch(`/api/org-units/${F.districtB}`, {
      name: 'District Bravo',
    });
    expect(response.json().orgUnit.name).toBe('District Bravo');
    const events = (
      await national.get(`/api/audit-events?entityType=orgUnit&entityId=${F.districtB}`)
    ).json().auditEvents;
    expect(events[0]).toMatchObject({
      action: 'update',
      userId: regional.userId,
      before: { name: 'District B' },
      after: { name: 'District Bravo' },
    });
  });
});
