import {
  ErrorEnvelope,
  OrgUnitCreateBody,
  OrgUnitDetailResponse,
  OrgUnitListQuery,
  OrgUnitListResponse,
  OrgUnitResponse,
  OrgUnitTreeQuery,
  OrgUnitTreeResponse,
  OrgUnitUpdateBody,
  Uid,
} from '@sankofa/core';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { Type } from 'typebox';
import { requireActor } from '../../auth/authenticate.ts';
import { ApiError } from '../../errors.ts';
import { generateUid, nowIso } from '../../ids.ts';
import { assertRoleAt } from '../../policies/guards.ts';
import { roleAt, scopeRoots } from '../../policies/scope.ts';
import { presentOrgUnit, selectOrgUnits } from '../../presenters/org-units.ts';
import { recordAudit } from '../../services/audit.ts';
import { findOrgUnit } from '../../services/find-org-unit.ts';
import { insertOrgUnit } from '../../services/org-unit-hierarchy.ts';

const IdParams = Type.Object({ id: Uid });
const errors = { 400: ErrorEnvelope, 401: ErrorEnvelope, 403: ErrorEnvelope, 404: ErrorEnvelope };

/** `/api/org-units`: the hierarchy within the caller's scope. */
export function orgUnitRoutes(parent: FastifyInstance): void {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.adapter;

  app.get(
    '/org-units',
    {
      schema: {
        tags: ['org-units'],
        summary: 'Your scope roots; the children of `parent`; or a search by name or code with `q`',
        querystring: OrgUnitListQuery,
        response: { 200: OrgUnitListResponse, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { parent: parentId, q, level, limit = 100 } = request.query;
      const rootIds = scopeRoots(actor).map((r) => r.orgUnitId);
      if (rootIds.length === 0) {
        return { orgUnits: [] };
      }
      let query = selectOrgUnits(db).orderBy('orgUnits.name').limit(limit);
      if (parentId !== undefined) {
        assertRoleAt(actor, await findOrgUnit(db, parentId), 'viewer');
        query = query.where('orgUnits.parentId', '=', parentId);
      } else if (q !== undefined || level !== undefined) {
        query = query.where('orgUnits.id', 'in', (eb) =>
          eb.selectFrom('orgUnitClosure').select('descendantId').where('ancestorId', 'in', rootIds),
        );
      } else {
        query = query.where('orgUnits.id', 'in', rootIds);
      }
      if (q !== undefined) {
        const pattern = `%${q.toLowerCase().replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
        // An explicit ESCAPE: SQLite has no default escape character for LIKE.
        query = query.where((eb) =>
          eb.or([
            sql<boolean>`lower(${eb.ref('orgUnits.name')}) like ${pattern} escape '\\'`,
            sql<boolean>`lower(${eb.ref('orgUnits.code')}) like ${pattern} escape '\\'`,
          ]),
        );
      }
      if (level !== undefined) {
        query = query.where('orgUnits.level', '=', level);
      }
      return { orgUnits: (await query.execute()).map(presentOrgUnit) };
    },
  );

  app.get(
    '/org-units/tree',
    {
      schema: {
        tags: ['org-units'],
        summary:
          'Subtrees under your scope roots (or `root`) down to `depth`, flat, ordered by path',
        querystring: OrgUnitTreeQuery,
        response: { 200: OrgUnitTreeResponse, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const depth = request.query.depth ?? 3;
      let rootIds = scopeRoots(actor).map((r) => r.orgUnitId);
      if (request.query.root !== undefined) {
        assertRoleAt(actor, await findOrgUnit(db, request.query.root), 'viewer');
        rootIds = [request.query.root];
      }
      if (rootIds.length === 0) {
        return { rootIds, orgUnits: [] };
      }
      const rows = await selectOrgUnits(db)
        .where('orgUnits.id', 'in', (eb) =>
          eb
            .selectFrom('orgUnitClosure')
            .select('descendantId')
            .where('ancestorId', 'in', rootIds)
            .where('depth', '<=', depth),
        )
        .orderBy('orgUnits.path')
        .execute();
      return { rootIds, orgUnits: rows.map(presentOrgUnit) };
    },
  );

  app.get(
    '/org-units/:id',
    {
      schema: {
        tags: ['org-units'],
        summary: 'One org unit with the ancestors you may see',
        params: IdParams,
        response: { 200: OrgUnitDetailResponse, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const unit = await findOrgUnit(db, request.params.id);
      assertRoleAt(actor, unit, 'viewer');
      const ancestorIds = unit.path.split('/').filter((id) => id !== '' && id !== unit.id);
      const rows = await selectOrgUnits(db)
        .where('orgUnits.id', 'in', [unit.id, ...ancestorIds])
        .orderBy('orgUnits.level')
        .execute();
      const visible = rows.filter((r) => r.id === unit.id || roleAt(actor, r.path) !== null);
      return {
        orgUnit: presentOrgUnit(visible.find((r) => r.id === unit.id)!),
        ancestors: visible.filter((r) => r.id !== unit.id).map(presentOrgUnit),
      };
    },
  );

  app.get(
    '/org-units/:id/children',
    {
      schema: {
        tags: ['org-units'],
        summary: 'The children of an org unit',
        params: IdParams,
        response: { 200: OrgUnitListResponse, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      assertRoleAt(actor, await findOrgUnit(db, request.params.id), 'viewer');
      const rows = await selectOrgUnits(db)
        .where('orgUnits.parentId', '=', request.params.id)
        .orderBy('orgUnits.name')
        .execute();
      return { orgUnits: rows.map(presentOrgUnit) };
    },
  );

  app.post(
    '/org-units',
    {
      schema: {
        tags: ['org-units'],
        summary: 'Add an org unit under a parent you manage',
        body: OrgUnitCreateBody,
        response: { 201: OrgUnitResponse, ...errors, 409: ErrorEnvelope },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const body = request.body;
      const created = await db.transaction().execute(async (trx) => {
        const parentUnit = await findOrgUnit(trx, body.parentId);
        assertRoleAt(actor, parentUnit, 'manager');
        await assertCodeFree(trx, body.code);
        const id = generateUid();
        await insertOrgUnit(trx, {
          id,
          name: body.name,
          code: body.code ?? null,
          shortName: body.shortName ?? null,
          parentId: parentUnit.id,
          openingDate: body.openingDate ?? null,
        });
        const row = await selectOrgUnits(trx)
          .where('orgUnits.id', '=', id)
          .executeTakeFirstOrThrow();
        const after = presentOrgUnit(row);
        await recordAudit(trx, {
          userId: actor.userId,
          actor: actor.email,
          action: 'create',
          entityType: 'orgUnit',
          entityId: id,
          orgUnitId: id,
          after,
          requestId: request.id,
        });
        return after;
      });
      return reply.status(201).send({ orgUnit: created });
    },
  );

  app.patch(
    '/org-units/:id',
    {
      schema: {
        tags: ['org-units'],
        summary: 'Rename an org unit you manage, or change its code',
        params: IdParams,
        body: OrgUnitUpdateBody,
        response: { 200: OrgUnitResponse, ...errors, 409: ErrorEnvelope },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const updated = await db.transaction().execute(async (trx) => {
        const unit = await findOrgUnit(trx, request.params.id);
        assertRoleAt(actor, unit, 'manager');
        if (request.body.code !== undefined && request.body.code !== unit.code) {
          await assertCodeFree(trx, request.body.code);
        }
        const before = presentOrgUnit(
          await selectOrgUnits(trx).where('orgUnits.id', '=', unit.id).executeTakeFirstOrThrow(),
        );
        await trx
          .updateTable('orgUnits')
          .set({ ...request.body, updatedAt: nowIso() })
          .where('id', '=', unit.id)
          .execute();
        const after = presentOrgUnit(
          await selectOrgUnits(trx).where('orgUnits.id', '=', unit.id).executeTakeFirstOrThrow(),
        );
        await recordAudit(trx, {
          userId: actor.userId,
          actor: actor.email,
          action: 'update',
          entityType: 'orgUnit',
          entityId: unit.id,
          orgUnitId: unit.id,
          before,
          after,
          requestId: request.id,
        });
        return after;
      });
      return { orgUnit: updated };
    },
  );
}

async function assertCodeFree(
  db: Parameters<typeof findOrgUnit>[0],
  code: string | null | undefined,
): Promise<void> {
  if (code === undefined || code === null) {
    return;
  }
  const clash = await db
    .selectFrom('orgUnits')
    .select('id')
    .where('code', '=', code)
    .executeTakeFirst();
  if (clash !== undefined) {
    throw new ApiError('conflict', `Code ${code} is already used by another org unit`, [
      { field: 'body.code', code: 'duplicate', message: `code ${code} is already in use` },
    ]);
  }
}
