import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { ApiError, NetworkError } from '../api/client.ts';
import { describeError } from './describe-error.ts';

// Returns the English key with its values filled in, as i18next does without a catalog.
const t = ((key: string, values?: Record<string, unknown>) =>
  key.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values?.[name]))) as TFunction;

describe('describeError', () => {
  it('says what to do for each kind of failure', () => {
    expect(describeError(new NetworkError('Failed to fetch'), t)).toMatch(/Check your connection/);
    expect(
      describeError(new ApiError({ error: 'rate_limited', status: 429, message: 'x' }), t),
    ).toMatch(/Wait a minute/);
    expect(
      describeError(new ApiError({ error: 'internal_error', status: 500, message: 'x' }), t),
    ).toMatch(/tell your administrator/);
  });

  it('passes on the fields a validation error names', () => {
    const error = new ApiError({
      error: 'validation_failed',
      status: 422,
      message: 'Invalid',
      issues: [{ field: 'endPeriod', code: 'invalid', message: 'endPeriod must be a period id' }],
    });
    expect(describeError(error, t)).toBe(
      'The request was not valid: endPeriod must be a period id',
    );
  });
});
