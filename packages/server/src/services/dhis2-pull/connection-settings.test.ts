import { ValidationError } from '@sankofa/core';
import { describe, expect, it } from 'vitest';
import { resolveConnection } from './connection-settings.ts';
import type { Dhis2Connection } from './connection-store.ts';

const stored: Dhis2Connection = {
  id: 'CnStored001',
  name: 'default',
  baseUrl: 'https://dhis2.example.org/dhis',
  credentials: { kind: 'basic', username: 'admin', password: 'district' },
  rootOrgUnitId: 'ImspTQPwCqd',
  lastUpdatedWatermark: null,
};

const fieldOf = (f: () => unknown) => {
  try {
    f();
  } catch (error) {
    return error instanceof ValidationError ? error.issues[0].field : 'other';
  }
  return 'accepted';
};

describe('resolveConnection', () => {
  it('keeps the stored secret when none is given, for the same origin', () => {
    expect(
      resolveConnection({ baseUrl: 'https://dhis2.example.org/dhis2/' }, stored),
    ).toMatchObject({
      baseUrl: 'https://dhis2.example.org/dhis2',
      credentials: stored.credentials,
      rootOrgUnitId: 'ImspTQPwCqd',
    });
    expect(resolveConnection({ username: 'other' }, stored).credentials).toEqual({
      kind: 'basic',
      username: 'other',
      password: 'district',
    });
    expect(resolveConnection({ token: 'd2pat_x', rootOrgUnitId: null }, stored)).toMatchObject({
      credentials: { kind: 'token', token: 'd2pat_x' },
      rootOrgUnitId: null,
    });
  });

  it('never sends a stored secret to another origin', () => {
    expect(
      fieldOf(() => resolveConnection({ baseUrl: 'https://evil.example.org/dhis' }, stored)),
    ).toBe('token');
    expect(
      fieldOf(() =>
        resolveConnection({ baseUrl: 'http://dhis2.example.org/dhis', username: 'admin' }, stored),
      ),
    ).toBe('password');
  });

  it('refuses a bad URL, both kinds of credentials, or a password alone', () => {
    expect(
      fieldOf(() => resolveConnection({ baseUrl: 'dhis2.example.org', token: 't' }, undefined)),
    ).toBe('baseUrl');
    expect(fieldOf(() => resolveConnection({ token: 't' }, undefined))).toBe('baseUrl');
    expect(
      fieldOf(() =>
        resolveConnection({ baseUrl: 'https://a.org', token: 't', username: 'u' }, undefined),
      ),
    ).toBe('token');
    expect(
      fieldOf(() => resolveConnection({ baseUrl: 'https://a.org', password: 'p' }, undefined)),
    ).toBe('username');
    expect(fieldOf(() => resolveConnection({ baseUrl: 'https://a.org' }, undefined))).toBe('token');
  });
});
