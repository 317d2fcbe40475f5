/** The schedule as the form edits it, and back. */
import type { Dhis2Schedule } from './types.ts';

export interface ScheduleFields {
  readonly kind: Dhis2Schedule['kind'];
  readonly everyHours: number;
  readonly at: string;
}

export const DEFAULT_SCHEDULE_FIELDS: ScheduleFields = { kind: 'off', everyHours: 24, at: '02:00' };

export function scheduleFields(schedule: Dhis2Schedule | undefined): ScheduleFields {
  if (schedule?.kind === 'interval') {
    return { ...DEFAULT_SCHEDULE_FIELDS, kind: 'interval', everyHours: schedule.everyHours };
  }
  if (schedule?.kind === 'daily') {
    return { ...DEFAULT_SCHEDULE_FIELDS, kind: 'daily', at: schedule.at };
  }
  return DEFAULT_SCHEDULE_FIELDS;
}

/** The schedule to send; an `<input type="time">` may add seconds (`02:00:00`). */
export function scheduleOf(fields: ScheduleFields): Dhis2Schedule {
  if (fields.kind === 'interval') {
    return { kind: 'interval', everyHours: Math.round(fields.everyHours) };
  }
  if (fields.kind === 'daily') {
    return { kind: 'daily', at: fields.at.slice(0, 5) };
  }
  return { kind: 'off' };
}
