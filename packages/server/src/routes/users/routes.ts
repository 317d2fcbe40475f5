import {
  ErrorEnvelope,
  UserCreateBody,
  UserListResponse,
  UserResponse,
  type Locale,
  type User,
} from '@sankofa/core';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.ts';
import { requireActor } from '../../auth/authenticate.ts';
import { loadAssignments } from '../../auth/sessions.ts';
import type { Database } from '../../db/schema.ts';
import { forbidden } from '../../errors.ts';
import { assertRoleAt } from '../../policies/guards.ts';
import { roleRank } from '../../policies/scope.ts';
import { presentAssignment } from '../../presenters/me.ts';
import { createUser } from '../../services/create-user.ts';
import { findOrgUnit } from '../../services/find-org-unit.ts';

const errors = {
  400: ErrorEnvelope,
  401: ErrorEnvelope,
  403: ErrorEnvelope,
  404: ErrorEnvelope,
  409: ErrorEnvelope,
  422: ErrorEnvelope,
};

async function presentUsers(db: Kysely<Database>, ids: readonly string[]): Promise<User[]> {
  if (ids.length === 0) {
    return [];
  }
  const rows = await db
    .selectFrom('users')
    .selectAll()
    .where('id', 'in', [...ids])
    .orderBy('email')
    .execute();
  return Promise.all(
    rows.map(async (r) => ({
      id: r.id,
      email: r.email,
      name: r.name,
      locale: r.locale as Locale,
      active: r.active === 1,
      roles: (await loadAssignments(db, r.id)).map(presentAssignment),
    })),
  );
}

function adminUnitIds(actor: Actor): string[] {
  return actor.assignments
    .filter((a) => roleRank(a.role) >= roleRank('admin'))
    .map((a) => a.orgUnitId);
}

/** `/api/users`: accounts, managed by admins within their scope. */
export function userRoutes(parent: FastifyInstance): void {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.adapter;

  app.get(
    '/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Users holding a role inside the org units you administer',
        response: { 200: UserListResponse, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const adminUnits = adminUnitIds(actor);
      if (adminUnits.length === 0) {
        throw forbidden('Only admins can list users');
      }
      const ids = await db
        .selectFrom('userRoles')
        .innerJoin('orgUnitClosure', 'orgUnitClosure.descendantId', 'userRoles.orgUnitId')
        .select('userRoles.userId')
        .distinct()
        .where('orgUnitClosure.ancestorId', 'in', adminUnits)
        .execute();
      return {
        users: await presentUsers(
          db,
          ids.map((r) => r.userId),
        ),
      };
    },
  );

  app.post(
    '/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Create a user with roles on org units you administer',
        body: UserCreateBody,
        response: { 201: UserResponse, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      for (const r of request.body.roles) {
        assertRoleAt(actor, await findOrgUnit(db, r.orgUnitId), 'admin');
      }
      const created = await createUser(db, {
        ...request.body,
        createdBy: { userId: actor.userId, actor: actor.email, requestId: request.id },
      });
      const [user] = await presentUsers(db, [created.id]);
      return reply.status(201).send({ user });
    },
  );
}
