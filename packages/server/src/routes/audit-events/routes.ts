import { AuditEventListResponse, AuditEventQuery, ErrorEnvelope } from '@sankofa/core';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { requireActor } from '../../auth/authenticate.ts';
import { forbidden } from '../../errors.ts';
import { hasRootRole, roleRank } from '../../policies/scope.ts';

const parse = (text: string | null): unknown => (text === null ? null : JSON.parse(text));

/** `GET /api/audit-events`: the audit trail, for admins, within their scope. */
export function auditEventRoutes(parent: FastifyInstance): void {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.adapter;

  app.get(
    '/audit-events',
    {
      schema: {
        tags: ['users'],
        summary:
          'Audit events on org units you administer (root admins also see events without an org unit)',
        querystring: AuditEventQuery,
        response: {
          200: AuditEventListResponse,
          400: ErrorEnvelope,
          401: ErrorEnvelope,
          403: ErrorEnvelope,
        },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const adminUnits = actor.assignments
        .filter((a) => roleRank(a.role) >= roleRank('admin'))
        .map((a) => a.orgUnitId);
      if (adminUnits.length === 0) {
        throw forbidden('Only admins can read the audit trail');
      }
      const rootAdmin = hasRootRole(actor, 'admin');
      let query = db
        .selectFrom('auditEvents')
        .selectAll()
        .where((eb) =>
          eb.or([
            eb(
              'orgUnitId',
              'in',
              eb
                .selectFrom('orgUnitClosure')
                .select('descendantId')
                .where('ancestorId', 'in', adminUnits),
            ),
            ...(rootAdmin ? [eb('orgUnitId', 'is', null)] : []),
          ]),
        )
        .orderBy('id', 'desc')
        .limit(request.query.limit ?? 100);
      if (request.query.entityType !== undefined) {
        query = query.where('entityType', '=', request.query.entityType);
      }
      if (request.query.entityId !== undefined) {
        query = query.where('entityId', '=', request.query.entityId);
      }
      const rows = await query.execute();
      return {
        auditEvents: rows.map((r) => ({
          id: Number(r.id),
          occurredAt: r.occurredAt,
          userId: r.userId,
          actor: r.actor,
          action: r.action,
          entityType: r.entityType,
          entityId: r.entityId,
          orgUnitId: r.orgUnitId,
          before: parse(r.before),
          after: parse(r.after),
        })),
      };
    },
  );
}
