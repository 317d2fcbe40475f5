import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { createUser } from '../../services/create-user.ts';
import { FIXTURE as F } from '../../testing/fixture-country.ts';
import {
  createTestServer,
  signIn,
  TEST_PASSWORD,
  type TestServer,
} from '../../testing/test-context.ts';
import { testDialects } from '../../testing/test-database.ts';

describe.each(testDialects())('sign-in, sessions and CSRF on %s', (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer(dialect);
  });
  afterAll(() => server.close());

  it('sets an HttpOnly, SameSite=Lax session cookie and returns the CSRF token', async () => {
    const client = await server.as([{ role: 'viewer', orgUnitId: F.districtA }]);
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: client.email, password: TEST_PASSWORD },
    });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'sankofa_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const body = response.json();
    expect(body.csrfToken).toMatch(/^[\w-]{20,}$/);
    expect(body.user.roles).toEqual([
      {
        role: 'viewer',
        orgUnit: {
          id: F.districtA,
          name: 'District A',
          level: 3,
          path: `/${F.country}/${F.north}/${F.districtA}`,
        },
      },
    ]);
  });

  it('accepts the email in any case and rejects a wrong password with one message', async () => {
    const client = await server.as([{ role: 'viewer', orgUnitId: F.districtA }]);
    const ok = await server.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: client.email!.toUpperCase(), password: TEST_PASSWORD },
    });
    expect(ok.statusCode).toBe(200);
    for (const payload of [
      { email: client.email, password: 'wrong-password' },
      { email: 'nobody@test.example', password: TEST_PASSWORD },
    ]) {
      const response = await server.app.inject({ method: 'POST', url: '/api/auth/login', payload });
      expect(response.statusCode).toBe(401);
      expect(response.json()).toEqual({
        error: 'invalid_credentials',
        status: 401,
        message: 'Wrong email or password',
      });
      expect(response.cookies).toHaveLength(0);
    }
  });

  it('refuses a write without the CSRF token, and with a wrong one', async () => {
    const client = await server.as([{ role: 'contributor', orgUnitId: F.districtA }]);
    const payload = { dataElement: F.anc1, period: '202405', orgUnit: F.facilityA1, value: '3' };
    for (const headers of [{}, { 'x-csrf-token': 'not-the-token' }]) {
      const response = await server.app.inject({
        method: 'PUT',
        url: '/api/data-values',
        payload,
        headers: { cookie: client.cookie!, ...headers },
      });
      expect(response.statusCode).toBe(403);
      expect(response.json().error).toBe('csrf_token_invalid');
    }
    expect((await client.put('/api/data-values', payload)).statusCode).toBe(200);
  });

  it('ends the session on sign-out', async () => {
    const client = await server.as([{ role: 'viewer', orgUnitId: F.districtA }]);
    expect((await client.get('/api/me')).statusCode).toBe(200);
    const out = await client.post('/api/auth/logout');
    expect(out.statusCode).toBe(200);
    expect(out.cookies.find((c) => c.name === 'sankofa_session')?.value).toBe('');
    expect((await client.get('/api/me')).statusCode).toBe(401);
  });

  it('rate-limits sign-in attempts per client address', async () => {
    const config = {
      ...loadConfig({}),
      logLevel: 'silent',
      loginRateLimit: 3,
      webDist: '/nonexistent',
    };
    const app = await buildApp({ adapter: server.database.adapter, config });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) {
        codes.push(
          (
            await app.inject({
              method: 'POST',
              url: '/api/auth/login',
              payload: { email: 'x@test.example', password: 'wrong' },
            })
          ).statusCode,
        );
      }
      expect(codes).toEqual([401, 401, 401, 429, 429]);
      const limited = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: 'x@test.example', password: 'wrong' },
      });
      expect(limited.json()).toMatchObject({ error: 'rate_limited', status: 429 });
    } finally {
      await app.close();
    }
  });

  it('refuses a deactivated account and ends its sessions', async () => {
    const { id, email } = await createUser(server.database.adapter.db, {
      email: 'inactive@test.example',
      name: 'Inactive',
      password: TEST_PASSWORD,
      roles: [{ role: 'viewer', orgUnitId: F.country }],
      createdBy: { userId: null, actor: 'test' },
    });
    const session = await signIn(server.app, email, TEST_PASSWORD);
    const me = () =>
      server.app.inject({
        method: 'GET',
        url: '/api/me',
        headers: { cookie: `sankofa_session=${session.cookie}` },
      });
    expect((await me()).statusCode).toBe(200);
    await server.database.adapter.db
      .updateTable('users')
      .set({ active: 0 })
      .where('id', '=', id)
      .execute();
    expect((await me()).statusCode).toBe(401);
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password: TEST_PASSWORD },
    });
    expect(response.statusCode).toBe(401);
  });
});
