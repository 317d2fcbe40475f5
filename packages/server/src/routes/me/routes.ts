import { ErrorEnvelope, MeResponse, MeUpdateBody } from '@sankofa/core';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { requireActor } from '../../auth/authenticate.ts';
import { nowIso } from '../../ids.ts';
import { presentMe } from '../../presenters/me.ts';
import { recordAudit } from '../../services/audit.ts';

/** `GET /api/me` and `PATCH /api/me`: the signed-in user. */
export function meRoutes(parent: FastifyInstance): void {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.adapter;

  app.get(
    '/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user, their roles and the CSRF token',
        response: { 200: MeResponse, 401: ErrorEnvelope },
      },
    },
    (request) => {
      const actor = requireActor(request);
      return presentMe(actor, actor.csrfToken);
    },
  );

  app.patch(
    '/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'Change your display name or interface language',
        body: MeUpdateBody,
        response: { 200: MeResponse, 400: ErrorEnvelope, 401: ErrorEnvelope, 403: ErrorEnvelope },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const before = { name: actor.name, locale: actor.locale };
      const after = {
        name: request.body.name ?? actor.name,
        locale: request.body.locale ?? actor.locale,
      };
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('users')
          .set({ ...after, updatedAt: nowIso() })
          .where('id', '=', actor.userId)
          .execute();
        await recordAudit(trx, {
          userId: actor.userId,
          actor: actor.email,
          action: 'update',
          entityType: 'user',
          entityId: actor.userId,
          before,
          after,
          requestId: request.id,
        });
      });
      return presentMe({ ...actor, ...after }, actor.csrfToken);
    },
  );
}
