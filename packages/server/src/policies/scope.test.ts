import { describe, expect, it } from 'vitest';
import type { Actor } from '../auth/actor.ts';
import { hasRoleAt, isWithin, roleAt, scopeRoots } from './scope.ts';

const actor = (assignments: Actor['assignments']): Actor => ({
  userId: 'u',
  email: 'e',
  name: 'n',
  locale: 'en',
  sessionId: 's',
  csrfToken: 't',
  assignments,
});

describe('org-unit scope', () => {
  const district = {
    role: 'manager',
    orgUnitId: 'D',
    orgUnitName: 'D',
    path: '/C/R/D',
    level: 3,
  } as const;
  const region = {
    role: 'viewer',
    orgUnitId: 'R',
    orgUnitName: 'R',
    path: '/C/R',
    level: 2,
  } as const;

  it('covers the unit and its subtree, not siblings sharing a prefix', () => {
    expect(isWithin('/C/R/D', '/C/R/D')).toBe(true);
    expect(isWithin('/C/R/D/F', '/C/R/D')).toBe(true);
    expect(isWithin('/C/R/D2', '/C/R/D')).toBe(false);
    expect(isWithin('/C/R', '/C/R/D')).toBe(false);
  });

  it('takes the strongest covering role and denies by default', () => {
    const a = actor([district, region]);
    expect(roleAt(a, '/C/R/D/F')).toBe('manager');
    expect(roleAt(a, '/C/R/X')).toBe('viewer');
    expect(roleAt(a, '/C/Q')).toBeNull();
    expect(hasRoleAt(a, '/C/R/X', 'contributor')).toBe(false);
    expect(hasRoleAt(a, '/C/R/D', 'contributor')).toBe(true);
    expect(hasRoleAt(actor([]), '/C', 'viewer')).toBe(false);
  });

  it('lists only the top assignments as roots', () => {
    expect(scopeRoots(actor([district, region])).map((r) => r.orgUnitId)).toEqual(['R']);
  });
});
