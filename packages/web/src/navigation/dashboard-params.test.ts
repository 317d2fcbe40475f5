import { describe, expect, it } from 'vitest';
import { dashboardSearch, readDashboardParams, withDashboardParams } from './dashboard-params.ts';

const today = new Date(2026, 10, 27);

describe('readDashboardParams', () => {
  it('reads a valid selection', () => {
    const params = readDashboardParams(
      new URLSearchParams('ou=OuDistA0001&from=202401&to=202412'),
      today,
    );
    expect(params).toEqual({
      ou: 'OuDistA0001',
      range: { from: '202401', to: '202412' },
      rangeFromUrl: true,
    });
  });
  it('falls back to defaults for missing or invalid values', () => {
    const params = readDashboardParams(
      new URLSearchParams('ou=../etc&from=202412&to=202401'),
      today,
    );
    expect(params).toEqual({
      ou: null,
      range: { from: '202511', to: '202610' },
      rangeFromUrl: false,
    });
  });
});

describe('withDashboardParams', () => {
  it('sets the given params and keeps the others', () => {
    const next = withDashboardParams(new URLSearchParams('ou=OuDistA0001&tab=x'), {
      range: { from: '202301', to: '202312' },
    });
    expect(next.toString()).toBe('ou=OuDistA0001&tab=x&from=202301&to=202312');
  });
});

describe('dashboardSearch', () => {
  it('writes a linkable query', () => {
    expect(dashboardSearch('OuDistA0001', { from: '202401', to: '202412' })).toBe(
      '?ou=OuDistA0001&from=202401&to=202412',
    );
  });
});
