/**
 * Every endpoint in the OpenAPI document, fed malformed input by a signed-in admin: the answer
 * is always a 4xx in the error envelope (never a 500), names a field when it is a validation
 * error, and nothing is written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE as F } from '../testing/fixture-country.ts';
import { createTestServer, type TestClient, type TestServer } from '../testing/test-context.ts';
import { testDialects } from '../testing/test-database.ts';

const BAD_BODIES: unknown[] = [
  undefined,
  {},
  [],
  { id: 12, name: null, roles: 'x', value: {} },
  'null',
];
const BAD_QUERIES = [
  '',
  '?limit=-1&depth=x&orgUnit=1&startPeriod=x&endPeriod=&indicator=%00',
  '?q=' + 'x'.repeat(500),
];

describe.each(testDialects())('malformed input to every endpoint on %s', (dialect) => {
  let server: TestServer;
  let admin: TestClient;
  beforeAll(async () => {
    server = await createTestServer(dialect);
    admin = await server.as([{ role: 'admin', orgUnitId: F.country }]);
  });
  afterAll(() => server.close());

  it('answers 4xx with the envelope and writes nothing', async () => {
    const spec = (await server.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    const db = server.database.adapter.db;
    const tables = [
      'orgUnits',
      'dataValues',
      'users',
      'userRoles',
      'indicators',
      'periods',
    ] as const;
    const snapshot = async () =>
      Promise.all(
        tables.map(async (t) =>
          Number(
            (
              await db
                .selectFrom(t)
                .select((eb) => eb.fn.countAll<number>().as('n'))
                .executeTakeFirstOrThrow()
            ).n,
          ),
        ),
      );
    const before = await snapshot();
    let requests = 0;
    for (const [path, operations] of Object.entries(
      spec.paths as Record<string, Record<string, unknown>>,
    )) {
      if (path.startsWith('/api/docs') || path === '/api/auth/logout') {
        continue;
      }
      for (const method of Object.keys(operations)) {
        const url = path.replace(/\{[^}]+\}/g, 'not-an-id');
        for (const query of BAD_QUERIES) {
          for (const body of method === 'get' || method === 'delete' ? [undefined] : BAD_BODIES) {
            const response = await admin.request({
              method: method.toUpperCase(),
              url: url + query,
              ...(body === undefined
                ? {}
                : {
                    payload: typeof body === 'string' ? body : JSON.stringify(body),
                    headers: { 'content-type': 'application/json' },
                  }),
            });
            requests++;
            const label = `${method.toUpperCase()} ${url}${query.slice(0, 40)} ${JSON.stringify(body)}`;
            // A few GETs accept junk filters and simply find nothing: that is fine, but never a 500.
            expect(response.statusCode, label).toBeLessThan(500);
            if (response.statusCode >= 400) {
              const envelope = response.json();
              expect(envelope, label).toMatchObject({
                error: expect.any(String),
                status: response.statusCode,
                message: expect.any(String),
              });
              if (response.statusCode === 400 || response.statusCode === 422) {
                expect(envelope.issues?.[0]?.field, label).toEqual(expect.any(String));
              }
            }
          }
        }
      }
    }
    expect(requests).toBeGreaterThan(40);
    expect(await snapshot()).toEqual(before);
  });
});
