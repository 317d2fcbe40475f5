/**
 * The access-scope matrix: for each role held on District A, reads inside its subtree work,
 * reads and writes outside fail, writes need the right role, anonymous requests get 401, and
 * every successful write leaves exactly one audit event (failed writes leave none).
 */
import type { Role } from '@sankofa/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE as F } from '../testing/fixture-country.ts';
import { createTestServer, type TestClient, type TestServer } from '../testing/test-context.ts';
import { testDialects } from '../testing/test-database.ts';

const ROLES: Role[] = ['viewer', 'contributor', 'manager', 'admin'];
const RANK: Record<Role, number> = { viewer: 0, contributor: 1, manager: 2, admin: 3 };
const series = (orgUnit: string) =>
  `/api/data-values?indicator=${F.anc4Rate}&orgUnit=${orgUnit}&startPeriod=202401&endPeriod=202403`;

let counter = 0;
/** A write each role may or may not do, inside or outside the scope of District A. */
const writes: {
  name: string;
  minRole: Role;
  inside: boolean;
  send: (c: TestClient) => ReturnType<TestClient['get']>;
}[] = [
  {
    name: 'store a data value at Facility A1',
    minRole: 'contributor',
    inside: true,
    send: (c) =>
      c.put('/api/data-values', {
        dataElement: F.anc1,
        period: '202404',
        orgUnit: F.facilityA1,
        value: String(++counter),
      }),
  },
  {
    name: 'store a data value at Facility B1',
    minRole: 'contributor',
    inside: false,
    send: (c) =>
      c.put('/api/data-values', {
        dataElement: F.anc1,
        period: '202404',
        orgUnit: F.facilityB1,
        value: '1',
      }),
  },
  {
    name: 'add a facility under District A',
    minRole: 'manager',
    inside: true,
    send: (c) =>
      c.post('/api/org-units', { parentId: F.districtA, name: `New facility ${++counter}` }),
  },
  {
    name: 'add a facility under District C',
    minRole: 'manager',
    inside: false,
    send: (c) => c.post('/api/org-units', { parentId: F.districtC, name: 'Intruder' }),
  },
  {
    name: 'rename District A',
    minRole: 'manager',
    inside: true,
    send: (c) => c.patch(`/api/org-units/${F.districtA}`, { name: `District A (${++counter})` }),
  },
  {
    name: 'rename North',
    minRole: 'manager',
    inside: false,
    send: (c) => c.patch(`/api/org-units/${F.north}`, { name: 'Renamed' }),
  },
  {
    name: 'create a user on Facility A2',
    minRole: 'admin',
    inside: true,
    send: (c) =>
      c.post('/api/users', {
        email: `new${++counter}@test.example`,
        name: 'New',
        password: 'long-enough-pw',
        roles: [{ role: 'viewer', orgUnitId: F.facilityA2 }],
      }),
  },
  {
    name: 'create a user on District B',
    minRole: 'admin',
    inside: false,
    send: (c) =>
      c.post('/api/users', {
        email: `out${++counter}@test.example`,
        name: 'Out',
        password: 'long-enough-pw',
        roles: [{ role: 'viewer', orgUnitId: F.districtB }],
      }),
  },
];

describe.each(testDialects())('access scope on %s', (dialect) => {
  let server: TestServer;
  const clients = {} as Record<Role, TestClient>;
  const auditCount = async () =>
    Number(
      (
        await server.database.adapter.db
          .selectFrom('auditEvents')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    server = await createTestServer(dialect);
    for (const role of ROLES) {
      clients[role] = await server.as([{ role, orgUnitId: F.districtA }]);
    }
  });
  afterAll(() => server.close());

  describe.each(ROLES)('a %s of District A', (role) => {
    it('reads inside its scope', async () => {
      const c = clients[role];
      expect((await c.get(`/api/org-units/${F.districtA}`)).statusCode).toBe(200);
      expect((await c.get(`/api/org-units/${F.facilityA1}`)).statusCode).toBe(200);
      const children = (await c.get(`/api/org-units/${F.districtA}/children`))
        .json()
        .orgUnits.map((u: { id: string }) => u.id);
      expect(children).toEqual(expect.arrayContaining([F.facilityA1, F.facilityA2]));
      expect((await c.get(series(F.facilityA1))).statusCode).toBe(200);
      const roots = (await c.get('/api/org-units'))
        .json()
        .orgUnits.map((u: { id: string }) => u.id);
      expect(roots).toEqual([F.districtA]);
    });

    it('cannot read outside its scope', async () => {
      const c = clients[role];
      for (const url of [
        `/api/org-units/${F.districtB}`,
        `/api/org-units/${F.north}`,
        `/api/org-units/${F.north}/children`,
        `/api/org-units?parent=${F.country}`,
        `/api/org-units/tree?root=${F.south}`,
        series(F.districtC),
        series(F.country),
        `/api/data-values?dataElement=${F.anc1}&orgUnit=${F.facilityB1}&startPeriod=202401&endPeriod=202403`,
      ]) {
        const response = await c.get(url);
        expect(response.statusCode, url).toBe(403);
        expect(response.json()).toMatchObject({ error: 'forbidden', status: 403 });
      }
      const search = (await c.get('/api/org-units?q=facility')).json().orgUnits;
      expect(search.map((u: { id: string }) => u.id)).toEqual(
        expect.arrayContaining([F.facilityA1, F.facilityA2]),
      );
      expect(
        search.every((u: { path: string }) =>
          u.path.startsWith(`/${F.country}/${F.north}/${F.districtA}/`),
        ),
      ).toBe(true);
    });

    it.each(writes)('may $name only with the right role and scope, audited', async (write) => {
      const before = await auditCount();
      const response = await write.send(clients[role]);
      const allowed = write.inside && RANK[role] >= RANK[write.minRole];
      if (allowed) {
        expect(response.statusCode, response.body).toBeLessThan(300);
        expect(await auditCount()).toBe(before + 1);
        const latest = await server.database.adapter.db
          .selectFrom('auditEvents')
          .selectAll()
          .orderBy('id', 'desc')
          .executeTakeFirstOrThrow();
        expect(latest.userId).toBe(clients[role].userId);
        expect(latest.after).not.toBeNull();
      } else {
        expect(response.statusCode, response.body).toBe(403);
        expect(await auditCount()).toBe(before);
      }
    });
  });

  it('answers 401 to every resource without a session', async () => {
    const anonymous = server.anonymous();
    const requests: [string, string, unknown?][] = [
      ['GET', '/api/me'],
      ['GET', '/api/org-units'],
      ['GET', `/api/org-units/${F.country}`],
      ['GET', '/api/org-units/tree'],
      ['GET', '/api/data-elements'],
      ['GET', '/api/indicators'],
      ['GET', series(F.country)],
      ['GET', '/api/users'],
      ['GET', '/api/audit-events'],
      [
        'PUT',
        '/api/data-values',
        { dataElement: F.anc1, period: '202404', orgUnit: F.facilityA1, value: '1' },
      ],
      ['POST', '/api/org-units', { parentId: F.districtA, name: 'x' }],
      ['POST', '/api/auth/logout'],
    ];
    for (const [method, url, payload] of requests) {
      const response = await anonymous.request({ method: method, url, payload: payload as object });
      expect(response.statusCode, `${method} ${url}`).toBe(401);
      expect(response.json()).toMatchObject({ error: 'not_authenticated', status: 401 });
    }
  });
});
