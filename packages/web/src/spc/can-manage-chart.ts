/** Who may change a chart's baseline, phases and preset: managers and admins of the org unit or an ancestor, as the API requires. */
import type { MeResponse } from '@sankofa/core';

export function canManageChart(user: MeResponse['user'], orgUnitPath: string): boolean {
  return user.roles.some(
    (r) =>
      (r.role === 'manager' || r.role === 'admin') &&
      (orgUnitPath === r.orgUnit.path || orgUnitPath.startsWith(`${r.orgUnit.path}/`)),
  );
}
