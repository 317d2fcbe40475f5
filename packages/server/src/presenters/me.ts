import type { MeResponse, RoleAssignment } from '@sankofa/core';
import type { Actor, Assignment } from '../auth/actor.ts';

/** The API form of a role assignment. */
export function presentAssignment(a: Assignment): RoleAssignment {
  return {
    role: a.role,
    orgUnit: { id: a.orgUnitId, name: a.orgUnitName, level: a.level, path: a.path },
  };
}

/** The API form of the signed-in user. */
export function presentMe(
  actor: Pick<Actor, 'userId' | 'email' | 'name' | 'locale' | 'assignments'>,
  csrfToken: string,
): MeResponse {
  return {
    user: {
      id: actor.userId,
      email: actor.email,
      name: actor.name,
      locale: actor.locale,
      roles: actor.assignments.map(presentAssignment),
    },
    csrfToken,
  };
}
