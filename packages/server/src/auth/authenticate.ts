/**
 * Authentication and CSRF, as Fastify hooks. Every `/api` request gets `request.actor` from its
 * session cookie (or undefined); state-changing requests from a session must echo the session's
 * CSRF token in `X-CSRF-Token` (synchronizer token pattern; SameSite=Lax cookies are the second
 * layer).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { timingSafeEqual } from 'node:crypto';
import type { Database } from '../db/schema.ts';
import { ApiError } from '../errors.ts';
import type { Actor } from './actor.ts';
import { resolveSession, SESSION_COOKIE } from './sessions.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const CSRF_HEADER = 'x-csrf-token';

function tokensMatch(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Registers the hooks that set `request.actor` and enforce CSRF on `/api` writes. */
export function registerAuthentication(
  app: FastifyInstance,
  db: Kysely<Database>,
  idleMinutes: number,
): void {
  app.decorateRequest('actor', undefined);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) {
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    request.actor = token ? await resolveSession(db, token, idleMinutes) : undefined;
  });
  app.addHook('preHandler', (request, _reply, done) => {
    if (SAFE_METHODS.has(request.method) || request.actor === undefined) {
      done();
      return;
    }
    const sent = request.headers[CSRF_HEADER];
    if (typeof sent !== 'string' || !tokensMatch(sent, request.actor.csrfToken)) {
      done(
        new ApiError(
          'csrf_token_invalid',
          'Missing or wrong X-CSRF-Token header: reload the page and try again',
        ),
      );
      return;
    }
    done();
  });
}

/** The signed-in actor, or a 401 for anonymous requests. */
export function requireActor(request: FastifyRequest): Actor {
  if (request.actor === undefined) {
    throw new ApiError('not_authenticated', 'Sign in first: this request has no valid session');
  }
  return request.actor;
}
