/** Authorization guards routes call after loading what they act on. They throw; they never filter silently. */
import type { Role } from '@sankofa/core';
import type { Actor } from '../auth/actor.ts';
import { forbidden } from '../errors.ts';
import { hasRoleAt, hasRootRole } from './scope.ts';

const VERB: Record<Role, string> = {
  viewer: 'see',
  contributor: 'enter data for',
  manager: 'manage',
  admin: 'administer',
};

/** Throws 403 unless the actor holds `minRole` over the org unit. */
export function assertRoleAt(
  actor: Actor,
  orgUnit: { path: string; name: string },
  minRole: Role,
): void {
  if (!hasRoleAt(actor, orgUnit.path, minRole)) {
    throw forbidden(`You cannot ${VERB[minRole]} ${orgUnit.name}: it is outside your roles' scope`);
  }
}

/** Throws 403 unless the actor is an admin of a root org unit (shared metadata: data elements, indicators). */
export function assertMetadataAdmin(actor: Actor): void {
  if (!hasRootRole(actor, 'admin')) {
    throw forbidden('Only an admin of the whole hierarchy can change shared metadata');
  }
}
