import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE as F } from '../../testing/fixture-country.ts';
import { createTestServer, type TestServer } from '../../testing/test-context.ts';
import { testDialects } from '../../testing/test-database.ts';

describe.each(testDialects())('the current user, health and API docs on %s', (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer(dialect);
  });
  afterAll(() => server.close());

  it('returns and updates the current user', async () => {
    const client = await server.as([{ role: 'viewer', orgUnitId: F.districtA }]);
    const me = (await client.get('/api/me')).json();
    expect(me).toMatchObject({
      user: { id: client.userId, email: client.email, locale: 'en' },
      csrfToken: client.csrfToken,
    });
    const updated = await client.patch('/api/me', { locale: 'pt' });
    expect(updated.json().user.locale).toBe('pt');
    expect((await client.get('/api/me')).json().user.locale).toBe('pt');
    const bad = await client.patch('/api/me', { locale: 'xx' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues[0].field).toBe('body.locale');
  });

  it('answers health checks without a session', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.json()).toEqual({ status: 'ok', database: dialect, version: '0.1.0' });
  });

  it('serves OpenAPI with every resource, and a 404 envelope for unknown endpoints', async () => {
    const spec = (await server.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    expect(spec.openapi).toBe('3.0.3');
    for (const path of [
      '/api/health',
      '/api/auth/login',
      '/api/me',
      '/api/org-units',
      '/api/org-units/tree',
      '/api/data-elements',
      '/api/indicators',
      '/api/data-values',
      '/api/users',
      '/api/audit-events',
    ]) {
      expect(Object.keys(spec.paths), path).toContain(path);
    }
    expect((await server.app.inject({ method: 'GET', url: '/api/docs' })).statusCode).toBeLessThan(
      400,
    );
    expect((await server.app.inject({ method: 'GET', url: '/api/nothing-here' })).json()).toEqual({
      error: 'not_found',
      status: 404,
      message: 'No such endpoint: GET /api/nothing-here',
    });
  });
});
