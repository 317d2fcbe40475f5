import { ErrorEnvelope, LoginBody, MeResponse, OkResponse, type Locale } from '@sankofa/core';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { createSession, deleteSession, SESSION_COOKIE } from '../../auth/sessions.ts';
import { decoyPasswordHash, verifyPassword } from '../../auth/password.ts';
import { ApiError } from '../../errors.ts';
import { nowIso } from '../../ids.ts';
import { recordAudit } from '../../services/audit.ts';
import { presentMe } from '../../presenters/me.ts';
import { loadAssignments } from '../../auth/sessions.ts';
import { requireActor } from '../../auth/authenticate.ts';

/** `POST /api/auth/login` and `POST /api/auth/logout`. */
export function authRoutes(parent: FastifyInstance): void {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.adapter;

  app.post(
    '/auth/login',
    {
      config: {
        rateLimit: {
          max: app.config.loginRateLimit,
          timeWindow: '1 minute',
          errorResponseBuilder: (_req, ctx) =>
            new ApiError(
              'rate_limited',
              `Too many sign-in attempts: wait ${Math.ceil(ctx.ttl / 1000)} seconds and try again`,
            ),
        },
      },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with email and password; sets the session cookie',
        security: [],
        body: LoginBody,
        response: { 200: MeResponse, 401: ErrorEnvelope },
      },
    },
    async (request, reply) => {
      const email = request.body.email.trim().toLowerCase();
      const user = await db
        .selectFrom('users')
        .selectAll()
        .where('email', '=', email)
        .executeTakeFirst();
      // Spend the same time for unknown emails, so timing does not reveal which accounts exist.
      const ok = await verifyPassword(
        request.body.password,
        user?.passwordHash ?? (await decoyPasswordHash()),
      );
      if (user === undefined || !ok || user.active !== 1) {
        throw new ApiError('invalid_credentials', 'Wrong email or password');
      }
      const session = await createSession(db, user.id, app.config.sessionIdleMinutes);
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('users')
          .set({ lastLoginAt: nowIso() })
          .where('id', '=', user.id)
          .execute();
        await recordAudit(trx, {
          userId: user.id,
          actor: user.email,
          action: 'login',
          entityType: 'session',
          entityId: user.id,
          requestId: request.id,
        });
      });
      void reply.setCookie(SESSION_COOKIE, session.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: app.config.secureCookies,
        maxAge: app.config.sessionIdleMinutes * 60,
      });
      const assignments = await loadAssignments(db, user.id);
      return presentMe(
        {
          userId: user.id,
          email: user.email,
          name: user.name,
          locale: user.locale as Locale,
          assignments,
        },
        session.csrfToken,
      );
    },
  );

  app.post(
    '/auth/logout',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign out: ends the session and clears the cookie',
        response: { 200: OkResponse, 401: ErrorEnvelope },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      await db.transaction().execute(async (trx) => {
        await deleteSession(trx, actor.sessionId);
        await recordAudit(trx, {
          userId: actor.userId,
          actor: actor.email,
          action: 'logout',
          entityType: 'session',
          entityId: actor.userId,
          requestId: request.id,
        });
      });
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );
}
