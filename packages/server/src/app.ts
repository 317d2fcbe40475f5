/**
 * Builds the Fastify application: plugins, authentication, the error envelope, OpenAPI at
 * `/api/docs`, every resource's routes, and the built web app at `/`.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import { registerAuthentication } from './auth/authenticate.ts';
import type { ServerConfig } from './config.ts';
import type { DialectAdapter } from './db/database.ts';
import { ApiError, handleError } from './errors.ts';
import { registerRoutes } from './routes/index.ts';
import {
  createDhis2PullService,
  dhis2SchedulerEnabled,
  type Dhis2PullService,
} from './services/dhis2-pull/index.ts';
import { createSignalScanner, type SignalScanner } from './services/signal-scan/scanner.ts';
import { VERSION } from './version.ts';

export interface AppOptions {
  readonly adapter: DialectAdapter;
  readonly config: ServerConfig;
}

declare module 'fastify' {
  interface FastifyInstance {
    adapter: DialectAdapter;
    config: ServerConfig;
    /** The app's DHIS2 pulls: the runner behind "Pull now" and the scheduler. */
    dhis2Pulls: Dhis2PullService;
    /** The signal scan run after every import that landed and on demand. */
    signalScanner: SignalScanner;
  }
}

export type App = FastifyInstance;

/** Creates the application (not listening yet). */
export async function buildApp({ adapter, config }: AppOptions): Promise<App> {
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    bodyLimit: 10 * 1024 * 1024,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: true } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorate('adapter', adapter);
  app.decorate('config', config);
  const signalScanner = createSignalScanner(adapter.db, {
    log: (message, error) => app.log.error({ err: error }, message),
  });
  app.decorate('signalScanner', signalScanner);
  const dhis2Pulls = createDhis2PullService(adapter.db, {
    log: (message, error) => app.log.warn({ err: error }, message),
    onPulled: () => signalScanner.request({ reason: 'dhis2_pull' }),
  });
  app.decorate('dhis2Pulls', dhis2Pulls);
  app.addHook('onReady', () => {
    if (dhis2SchedulerEnabled()) {
      dhis2Pulls.scheduler.start();
    }
    return Promise.resolve();
  });
  app.addHook('onClose', async () => {
    await dhis2Pulls.close();
    await signalScanner.close();
  });
  app.setErrorHandler(handleError);

  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Sankofa API',
        version: VERSION,
        description:
          'Sign in with POST /api/auth/login; send the returned csrfToken as X-CSRF-Token on every write. Errors use one envelope: { error, status, message, issues? }.',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'sankofa_session' } },
      },
      security: [{ session: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  registerAuthentication(app, adapter.db, config.sessionIdleMinutes);
  await app.register(registerRoutes, { prefix: '/api' });

  const indexHtml = join(config.webDist, 'index.html');
  if (existsSync(indexHtml)) {
    // wildcard: files are looked up per request, so a rebuilt web app is served without a restart.
    await app.register(fastifyStatic, {
      root: config.webDist,
      wildcard: true,
      index: ['index.html'],
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0];
    if (
      path.startsWith('/api/') ||
      path === '/api' ||
      path.startsWith('/assets/') ||
      !existsSync(indexHtml)
    ) {
      handleError(
        new ApiError(
          'not_found',
          `No such endpoint: ${request.method} ${request.url.split('?')[0]}`,
        ),
        request,
        reply,
      );
      return;
    }
    // The single-page app owns every other path (client-side routes).
    void reply.type('text/html').sendFile('index.html');
  });
  return app;
}
