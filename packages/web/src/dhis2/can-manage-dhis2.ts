/** Who may manage the DHIS2 connection: admins of a root org unit (the whole hierarchy). */
import type { MeResponse } from '@sankofa/core';

/** True when the user is an admin of a level-1 org unit, as the API requires. */
export function canManageDhis2(user: MeResponse['user']): boolean {
  return user.roles.some((r) => r.role === 'admin' && r.orgUnit.level === 1);
}
