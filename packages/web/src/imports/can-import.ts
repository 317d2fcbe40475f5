/** Who may import data files: managers and admins of some org unit. */
import type { MeResponse } from '@sankofa/core';

/** True when the user manages or administers at least one org unit. */
export function canImport(user: MeResponse['user']): boolean {
  return user.roles.some((r) => r.role === 'manager' || r.role === 'admin');
}
