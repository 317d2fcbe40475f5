import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_POLICY, isRetryableStatus, retryDelayMs } from './retry-policy.ts';
import { parseDhis2Version } from './system-info.ts';

describe('retryDelayMs', () => {
  const policy = (random: number) => ({ ...DEFAULT_RETRY_POLICY, random: () => random });

  it('doubles from the base, with jitter between half and all of it', () => {
    expect([1, 2, 3, 4].map((a) => retryDelayMs(policy(0), a))).toEqual([500, 1000, 2000, 4000]);
    expect([1, 2, 3, 4].map((a) => retryDelayMs(policy(0.999999), a))).toEqual([
      1000, 2000, 4000, 8000,
    ]);
  });

  it('caps the wait, and honours a longer Retry-After up to the cap', () => {
    expect(retryDelayMs(policy(0.999999), 10)).toBe(30_000);
    expect(retryDelayMs(policy(0), 1, '7')).toBe(7000);
    expect(retryDelayMs(policy(0), 1, '3600')).toBe(30_000);
    expect(retryDelayMs(policy(0), 1, 'Wed, 21 Oct 2015 07:28:00 GMT')).toBe(500);
  });

  it('retries 429 and 5xx only', () => {
    expect([400, 401, 403, 404, 409, 429, 500, 502, 503, 504].filter(isRetryableStatus)).toEqual([
      429, 500, 502, 503, 504,
    ]);
  });
});

describe('parseDhis2Version', () => {
  it('reads 2.x and the newer major-only numbering', () => {
    expect(parseDhis2Version('2.40.3')).toEqual({ major: 2, minor: 40 });
    expect(parseDhis2Version('2.41-SNAPSHOT')).toEqual({ major: 2, minor: 41 });
    expect(parseDhis2Version('42.0.1')).toEqual({ major: 2, minor: 42 });
    expect(parseDhis2Version('v43')).toEqual({ major: 2, minor: 43 });
    expect(parseDhis2Version('latest')).toBeNull();
  });
});
