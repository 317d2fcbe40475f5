import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE as F } from '../../testing/fixture-country.ts';
import {
  createTestServer,
  signIn,
  type TestClient,
  type TestServer,
} from '../../testing/test-context.ts';
import { testDialects } from '../../testing/test-database.ts';

describe.each(testDialects())('users and the audit trail on %s', (dialect) => {
  let server: TestServer;
  let districtAdmin: TestClient;
  let rootAdmin: TestClient;
  beforeAll(async () => {
    server = await createTestServer(dialect);
    districtAdmin = await server.as([{ role: 'admin', orgUnitId: F.districtA }]);
    rootAdmin = await server.as([{ role: 'admin', orgUnitId: F.country }]);
  });
  afterAll(() => server.close());

  it('creates a user who can sign in, with no password in the audit trail', async () => {
    const response = await districtAdmin.post('/api/users', {
      email: 'Nurse.In.Charge@Test.Example',
      name: 'Nurse in charge',
      password: 'a-long-password',
      locale: 'fr',
      roles: [{ role: 'contributor', orgUnitId: F.facilityA1 }],
    });
    expect(response.statusCode).toBe(201);
    const user = response.json().user;
    expect(user).toMatchObject({
      email: 'nurse.in.charge@test.example',
      locale: 'fr',
      active: true,
      roles: [{ role: 'contributor', orgUnit: { id: F.facilityA1 } }],
    });
    await signIn(server.app, 'nurse.in.charge@test.example', 'a-long-password');
    const audit = await server.database.adapter.db
      .selectFrom('auditEvents')
      .selectAll()
      .where('entityId', '=', user.id)
      .where('action', '=', 'create')
      .executeTakeFirstOrThrow();
    expect(audit.after).not.toContain('a-long-password');
    expect(audit.after).not.toContain('scrypt');
  });

  it('lists only users holding roles inside the admin scope', async () => {
    const emails = (await districtAdmin.get('/api/users'))
      .json()
      .users.map((u: { email: string }) => u.email);
    expect(emails).toContain('nurse.in.charge@test.example');
    expect(emails).toContain(districtAdmin.email);
    expect(emails).not.toContain(rootAdmin.email);
    expect((await rootAdmin.get('/api/users')).json().users.length).toBeGreaterThanOrEqual(3);
  });

  it('validates new users, naming the field, and refuses duplicates', async () => {
    const valid = {
      email: 'x@test.example',
      name: 'X',
      password: 'long-enough-1',
      roles: [{ role: 'viewer', orgUnitId: F.facilityA1 }],
    };
    const cases: [unknown, number, string][] = [
      [{ ...valid, email: 'not-an-email' }, 400, 'body.email'],
      [{ ...valid, password: 'short' }, 400, 'body.password'],
      [{ ...valid, roles: [] }, 400, 'body.roles'],
      [{ ...valid, roles: [{ role: 'owner', orgUnitId: F.facilityA1 }] }, 400, 'body.roles.0.role'],
      [{ ...valid, locale: 'de' }, 400, 'body.locale'],
    ];
    for (const [payload, status, field] of cases) {
      const response = await districtAdmin.post('/api/users', payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(status);
      expect(
        response.json().issues.map((i: { field: string }) => i.field),
        JSON.stringify(payload),
      ).toContain(field);
    }
    expect(
      (await districtAdmin.post('/api/users', { ...valid, email: 'nurse.in.charge@test.example' }))
        .statusCode,
    ).toBe(409);
    expect(
      (
        await districtAdmin.post('/api/users', {
          ...valid,
          roles: [{ role: 'viewer', orgUnitId: 'Qqqqqqqqqqq' }],
        })
      ).statusCode,
    ).toBe(404);
  });

  it('shows audit events within the admin scope only', async () => {
    const districtEvents = (await districtAdmin.get('/api/audit-events?entityType=user')).json()
      .auditEvents;
    expect(districtEvents.length).toBeGreaterThan(0);
    expect(
      districtEvents.every((e: { orgUnitId: string }) =>
        ([F.districtA, F.facilityA1, F.facilityA2] as string[]).includes(e.orgUnitId),
      ),
    ).toBe(true);
    const rootEvents = (await rootAdmin.get('/api/audit-events?entityType=session')).json()
      .auditEvents;
    expect(rootEvents.some((e: { action: string }) => e.action === 'login')).toBe(true);
    const viewer = await server.as([{ role: 'viewer', orgUnitId: F.country }]);
    expect((await viewer.get('/api/audit-events')).statusCode).toBe(403);
    expect((await viewer.get('/api/users')).statusCode).toBe(403);
  });
});
