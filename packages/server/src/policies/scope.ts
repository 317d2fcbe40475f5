/**
 * Org-unit scope: a role held on an org unit covers that unit and its subtree. Deny by default:
 * no covering assignment, no access.
 */
import { ROLES, type Role } from '@sankofa/core';
import type { Actor, Assignment } from '../auth/actor.ts';

/** Rank of a role: a stronger role can do everything a weaker one can. */
export function roleRank(role: Role): number {
  return ROLES.indexOf(role);
}

/** True when `path` is `ancestorPath` or lies under it. */
export function isWithin(path: string, ancestorPath: string): boolean {
  return path === ancestorPath || path.startsWith(`${ancestorPath}/`);
}

/** The strongest role the actor holds over the org unit at `path`, or null when it is out of scope. */
export function roleAt(actor: Actor, path: string): Role | null {
  let best: Role | null = null;
  for (const a of actor.assignments) {
    if (isWithin(path, a.path) && (best === null || roleRank(a.role) > roleRank(best))) {
      best = a.role;
    }
  }
  return best;
}

/** True when the actor holds at least `minRole` over the org unit at `path`. */
export function hasRoleAt(actor: Actor, path: string, minRole: Role): boolean {
  const role = roleAt(actor, path);
  return role !== null && roleRank(role) >= roleRank(minRole);
}

/** The assignments not already covered by another one: the tops of what the actor can see. */
export function scopeRoots(actor: Actor): Assignment[] {
  const unique = new Map<string, Assignment>();
  for (const a of actor.assignments) {
    if (!unique.has(a.orgUnitId)) {
      unique.set(a.orgUnitId, a);
    }
  }
  const all = [...unique.values()];
  return all
    .filter((a) => !all.some((b) => b !== a && isWithin(a.path, b.path)))
    .sort((x, y) => x.path.localeCompare(y.path));
}

/** True when the actor holds `minRole` on a root org unit (level 1): needed for shared metadata. */
export function hasRootRole(actor: Actor, minRole: Role): boolean {
  return actor.assignments.some((a) => a.level === 1 && roleRank(a.role) >= roleRank(minRole));
}
