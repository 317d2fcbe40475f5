import type { MeResponse } from '@sankofa/core';
import { describe, expect, it } from 'vitest';
import { canManageDhis2 } from './can-manage-dhis2.ts';

const user = (roles: { role: 'viewer' | 'manager' | 'admin'; level: number }[]) =>
  ({
    id: 'UsUser00001',
    email: 'a@example.org',
    name: 'A',
    locale: 'en',
    roles: roles.map((r, i) => ({
      role: r.role,
      orgUnit: { id: `OuUnit0000${i}`, name: 'Unit', level: r.level, path: `/OuUnit0000${i}` },
    })),
  }) satisfies MeResponse['user'];

describe('canManageDhis2', () => {
  it('is true for an admin of a root org unit only', () => {
    expect(canManageDhis2(user([{ role: 'admin', level: 1 }]))).toBe(true);
    expect(
      canManageDhis2(
        user([
          { role: 'viewer', level: 1 },
          { role: 'admin', level: 2 },
        ]),
      ),
    ).toBe(false);
    expect(canManageDhis2(user([{ role: 'manager', level: 1 }]))).toBe(false);
    expect(canManageDhis2(user([]))).toBe(false);
  });
});
