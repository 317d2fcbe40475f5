/**
 * One typed helper for server tests: boot the real app on a real database seeded with the
 * fixture country, then act as users with given roles through HTTP (`inject`).
 */
import type { Role } from '@sankofa/core';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp, type App } from '../app.ts';
import { loadConfig } from '../config.ts';
import type { DialectName } from '../db/database.ts';
import { createUser } from '../services/create-user.ts';
import { seedFixtureCountry } from './fixture-country.ts';
import { createTestDatabase, type TestDatabase } from './test-database.ts';

export interface TestServer {
  readonly app: App;
  readonly database: TestDatabase;
  /** Signs in a new user with the given roles and returns a client acting as them. */
  as(roles: readonly { role: Role; orgUnitId: string }[]): Promise<TestClient>;
  /** A client with no session. */
  anonymous(): TestClient;
  close(): Promise<void>;
}

export interface TestClient {
  readonly userId: string | null;
  readonly email: string | null;
  readonly csrfToken: string | null;
  /** The session cookie header value (`sankofa_session=…`), for hand-made requests. */
  readonly cookie: string | null;
  request(
    options: Omit<InjectOptions, 'cookies'> & { method: InjectOptions['method']; url: string },
  ): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
}

let userCounter = 0;
export const TEST_PASSWORD = 'test-password-123';

function client(
  app: App,
  session: { cookie: string; csrfToken: string; userId: string; email: string } | null,
): TestClient {
  const request: TestClient['request'] = (options) =>
    app.inject({
      ...options,
      headers: {
        ...(session === null
          ? {}
          : { cookie: `sankofa_session=${session.cookie}`, 'x-csrf-token': session.csrfToken }),
        ...(options.headers ?? {}),
      },
    } as InjectOptions);
  return {
    userId: session?.userId ?? null,
    email: session?.email ?? null,
    csrfToken: session?.csrfToken ?? null,
    cookie: session === null ? null : `sankofa_session=${session.cookie}`,
    request,
    get: (url) => request({ method: 'GET', url }),
    post: (url, payload) =>
      request({ method: 'POST', url, payload: payload as InjectOptions['payload'] }),
    put: (url, payload) =>
      request({ method: 'PUT', url, payload: payload as InjectOptions['payload'] }),
    patch: (url, payload) =>
      request({ method: 'PATCH', url, payload: payload as InjectOptions['payload'] }),
    delete: (url) => request({ method: 'DELETE', url }),
  };
}

/** Signs in through the API and returns the session cookie and CSRF token. */
export async function signIn(app: App, email: string, password: string) {
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password },
  });
  if (response.statusCode !== 200) {
    throw new Error(`login failed for ${email}: ${response.statusCode} ${response.body}`);
  }
  const cookie = response.cookies.find((c) => c.name === 'sankofa_session');
  if (cookie === undefined) {
    throw new Error('login set no session cookie');
  }
  return { cookie: cookie.value, csrfToken: response.json<{ csrfToken: string }>().csrfToken };
}

/** Boots the app on a fresh database of `dialect` seeded with the fixture country. */
export async function createTestServer(
  dialect: DialectName,
  options: { seed?: boolean } = {},
): Promise<TestServer> {
  const database = await createTestDatabase(dialect);
  if (options.seed !== false) {
    await seedFixtureCountry(database.adapter.db);
  }
  const config = {
    ...loadConfig({}),
    databaseUrl: database.url,
    logLevel: 'silent',
    loginRateLimit: 1000,
    webDist: '/nonexistent',
  };
  const app = await buildApp({ adapter: database.adapter, config });
  await app.ready();
  return {
    app,
    database,
    async as(roles) {
      userCounter += 1;
      const email = `user${userCounter}-${roles.map((r) => r.role).join('-')}@test.example`;
      const { id } = await createUser(database.adapter.db, {
        email,
        name: `Test user ${userCounter}`,
        password: TEST_PASSWORD,
        roles,
        createdBy: { userId: null, actor: 'test' },
      });
      const session = await signIn(app, email, TEST_PASSWORD);
      return client(app, { ...session, userId: id, email });
    },
    anonymous: () => client(app, null),
    async close() {
      await app.close();
      await database.drop();
    },
  };
}
