import type { MeResponse } from '@sankofa/core';
import { describe, expect, it } from 'vitest';
import { canImport } from './can-import.ts';

const user = (...roles: MeResponse['user']['roles'][number]['role'][]): MeResponse['user'] => ({
  id: 'UsAbcdefgh1',
  email: 'a@b.example',
  name: 'A',
  locale: 'en',
  roles: roles.map((role) => ({
    role,
    orgUnit: { id: 'OuAbcdefgh1', name: 'X', level: 2, path: '/OuAbcdefgh1' },
  })),
});

describe('canImport', () => {
  it('lets managers and admins import, not viewers or contributors', () => {
    expect(canImport(user('manager'))).toBe(true);
    expect(canImport(user('viewer', 'admin'))).toBe(true);
    expect(canImport(user('viewer', 'contributor'))).toBe(false);
    expect(canImport(user())).toBe(false);
  });
});
