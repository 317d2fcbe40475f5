import { ValidationError } from '@sankofa/core';
import { describe, expect, it } from 'vitest';
import { nextPullAt, validateSchedule } from './schedule.ts';

const at = (iso: string) => new Date(iso);

describe('nextPullAt', () => {
  it('is null when the schedule is off', () => {
    expect(nextPullAt({ kind: 'off' }, at('2026-11-20T10:00:00Z'))).toBeNull();
  });

  it('counts every N hours from the baseline', () => {
    expect(
      nextPullAt({ kind: 'interval', everyHours: 6 }, at('2026-11-20T22:30:00Z'))?.toISOString(),
    ).toBe('2026-11-21T04:30:00.000Z');
  });

  it('is the first HH:MM UTC after the baseline, the next day once the slot has passed', () => {
    const daily = { kind: 'daily', at: '02:30' } as const;
    expect(nextPullAt(daily, at('2026-11-20T01:00:00Z'))?.toISOString()).toBe(
      '2026-11-20T02:30:00.000Z',
    );
    expect(nextPullAt(daily, at('2026-11-20T02:30:00Z'))?.toISOString()).toBe(
      '2026-11-21T02:30:00.000Z',
    );
    expect(nextPullAt(daily, at('2026-12-31T10:00:00Z'))?.toISOString()).toBe(
      '2027-01-01T02:30:00.000Z',
    );
  });
});

describe('validateSchedule', () => {
  it('accepts each kind and refuses out-of-range hours and bad times, naming the field', () => {
    expect(validateSchedule({ kind: 'interval', everyHours: 168 })).toEqual({
      kind: 'interval',
      everyHours: 168,
    });
    expect(validateSchedule({ kind: 'daily', at: '23:59' })).toEqual({
      kind: 'daily',
      at: '23:59',
    });
    const refused = (f: () => unknown) => {
      try {
        f();
      } catch (error) {
        return error instanceof ValidationError ? error.issues[0].field : 'other';
      }
      return 'accepted';
    };
    expect(refused(() => validateSchedule({ kind: 'interval', everyHours: 0 }))).toBe(
      'schedule.everyHours',
    );
    expect(refused(() => validateSchedule({ kind: 'interval', everyHours: 1.5 }))).toBe(
      'schedule.everyHours',
    );
    expect(refused(() => validateSchedule({ kind: 'daily', at: '24:00' }))).toBe('schedule.at');
    expect(refused(() => validateSchedule({ kind: 'daily', at: '2:30' }))).toBe('schedule.at');
  });
});
