import type { RoleAssignment } from '@sankofa/core';

/**
 * The org units at the top of a user's scope: those of their role assignments that lie under no
 * other assignment, in the order the API listed them.
 */
export function scopeRootsOf(roles: readonly RoleAssignment[]): RoleAssignment['orgUnit'][] {
  const units = roles.map((role) => role.orgUnit);
  const unique = units.filter((unit, i) => units.findIndex((u) => u.id === unit.id) === i);
  return unique.filter(
    (unit) => !unique.some((other) => other.id !== unit.id && isUnder(unit.path, other.path)),
  );
}

function isUnder(path: string, ancestorPath: string): boolean {
  const prefix = ancestorPath.endsWith('/') ? ancestorPath : `${ancestorPath}/`;
  return path.startsWith(prefix);
}
