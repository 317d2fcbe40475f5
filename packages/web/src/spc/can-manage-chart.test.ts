import type { MeResponse } from '@sankofa/core';
import { describe, expect, it } from 'vitest';
import { canManageChart } from './can-manage-chart.ts';

const user = (roles: { role: 'viewer' | 'manager' | 'admin'; path: string }[]) =>
  ({
    roles: roles.map((r) => ({
      role: r.role,
      orgUnit: { id: 'x', name: 'x', level: 1, path: r.path },
    })),
  }) as unknown as MeResponse['user'];

describe('canManageChart', () => {
  it('lets managers and admins of the unit or an ancestor change its chart, nobody else', () => {
    expect(canManageChart(user([{ role: 'manager', path: '/A/B' }]), '/A/B')).toBe(true);
    expect(canManageChart(user([{ role: 'manager', path: '/A/B' }]), '/A/B/C')).toBe(true);
    expect(canManageChart(user([{ role: 'admin', path: '/A' }]), '/A/B/C')).toBe(true);
    expect(canManageChart(user([{ role: 'manager', path: '/A/B' }]), '/A/BC')).toBe(false);
    expect(canManageChart(user([{ role: 'manager', path: '/A/B' }]), '/A')).toBe(false);
    expect(canManageChart(user([{ role: 'viewer', path: '/A' }]), '/A/B')).toBe(false);
  });
});
