import { describe, expect, it } from 'vitest';
import { scheduleFields, scheduleOf } from './schedule-fields.ts';

describe('schedule fields', () => {
  it('round-trips each kind of schedule', () => {
    for (const schedule of [
      { kind: 'off' },
      { kind: 'interval', everyHours: 6 },
      { kind: 'daily', at: '02:30' },
    ] as const) {
      expect(scheduleOf(scheduleFields(schedule))).toEqual(schedule);
    }
  });

  it('drops the seconds a time input may add', () => {
    expect(scheduleOf({ kind: 'daily', everyHours: 24, at: '23:05:00' })).toEqual({
      kind: 'daily',
      at: '23:05',
    });
  });
});
