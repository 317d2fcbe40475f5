import type { RoleAssignment } from '@sankofa/core';
import { describe, expect, it } from 'vitest';
import { scopeRootsOf } from './scope-roots.ts';

function role(id: string, path: string, level: number): RoleAssignment {
  return { role: 'viewer', orgUnit: { id, name: id, level, path } };
}

describe('scopeRootsOf', () => {
  it('drops assignments under another assignment and duplicates', () => {
    const roles = [
      role('OuDistA0001', '/OuCountry01/OuRegionN01/OuDistA0001', 3),
      role('OuRegionN01', '/OuCountry01/OuRegionN01', 2),
      role('OuRegionS01', '/OuCountry01/OuRegionS01', 2),
      role('OuRegionS01', '/OuCountry01/OuRegionS01', 2),
    ];
    expect(scopeRootsOf(roles).map((u) => u.id)).toEqual(['OuRegionN01', 'OuRegionS01']);
  });
  it('does not mistake a shared id prefix for an ancestor', () => {
    const roles = [
      role('OuA00000001', '/OuA00000001', 1),
      role('OuA000000012', '/OuA000000012', 1),
    ];
    expect(scopeRootsOf(roles)).toHaveLength(2);
  });
});
