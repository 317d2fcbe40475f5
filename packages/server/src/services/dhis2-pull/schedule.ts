/**
 * When the app pulls from DHIS2 by itself, kept in `dhis2_schedules` (one row per connection):
 * never (`off`), every N hours, or daily at HH:MM UTC. `nextPullAt` is pure, so the scheduler is
 * tested with a given clock.
 */
import { ValidationError, type Dhis2Schedule } from '@sankofa/core';
import type { Kysely, Transaction } from 'kysely';
import type { Database, Dhis2ScheduleTable } from '../../db/schema.ts';
import { nowIso } from '../../ids.ts';

/** A pull schedule (the API's `Dhis2ScheduleSchema`). */
export type { Dhis2Schedule };

export const SCHEDULE_OFF: Dhis2Schedule = { kind: 'off' };
/** Bounds of `everyHours`: at least hourly, at most weekly. */
export const MIN_EVERY_HOURS = 1;
export const MAX_EVERY_HOURS = 168;
const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** A stored schedule with what the scheduler last did. */
export interface StoredDhis2Schedule {
  readonly schedule: Dhis2Schedule;
  /** When the schedule was last saved: a new schedule counts its first period from then. */
  readonly updatedAt: string;
  readonly lastTriggeredAt: string | null;
  /** Why the scheduler's last attempt failed before a run was recorded, or null. */
  readonly lastError: string | null;
}

/**
 * Checks a schedule as a client sends it.
 *
 * @throws ValidationError naming `schedule.everyHours` or `schedule.at`
 */
export function validateSchedule(schedule: Dhis2Schedule): Dhis2Schedule {
  if (schedule.kind === 'interval') {
    const n = schedule.everyHours;
    if (!Number.isInteger(n) || n < MIN_EVERY_HOURS || n > MAX_EVERY_HOURS) {
      throw ValidationError.of(
        'schedule.everyHours',
        'out_of_range',
        `schedule.everyHours must be a whole number of hours from ${MIN_EVERY_HOURS} to ${MAX_EVERY_HOURS}`,
      );
    }
    return { kind: 'interval', everyHours: n };
  }
  if (schedule.kind === 'daily') {
    if (!TIME_OF_DAY.test(schedule.at)) {
      throw ValidationError.of(
        'schedule.at',
        'invalid_time',
        `schedule.at "${schedule.at}" must be a time of day HH:MM (UTC), e.g. 02:30`,
      );
    }
    return { kind: 'daily', at: schedule.at };
  }
  return SCHEDULE_OFF;
}

const HOUR_MS = 3_600_000;

/**
 * When the next scheduled pull is due: `null` when the schedule is off.
 *
 * @param since - The latest of: the last pull's start (any pull: scheduled, "Pull now" or the
 *   CLI), the scheduler's last attempt, and when the schedule was saved. Every N hours counts
 *   from it; daily at HH:MM is the first HH:MM UTC after it.
 * @example
 *   nextPullAt({ kind: 'daily', at: '02:30' }, new Date('2026-11-20T10:00:00Z'))
 *   // → 2026-11-21T02:30:00.000Z
 */
export function nextPullAt(schedule: Dhis2Schedule, since: Date): Date | null {
  if (schedule.kind === 'off') {
    return null;
  }
  if (schedule.kind === 'interval') {
    return new Date(since.getTime() + schedule.everyHours * HOUR_MS);
  }
  const [hours, minutes] = schedule.at.split(':').map(Number);
  const slot = new Date(since);
  slot.setUTCHours(hours, minutes, 0, 0);
  if (slot.getTime() <= since.getTime()) {
    slot.setUTCDate(slot.getUTCDate() + 1);
  }
  return slot;
}

function scheduleOf(row: Dhis2ScheduleTable): Dhis2Schedule {
  if (row.kind === 'interval' && row.everyHours !== null) {
    return { kind: 'interval', everyHours: Number(row.everyHours) };
  }
  if (row.kind === 'daily' && row.dailyAt !== null) {
    return { kind: 'daily', at: row.dailyAt };
  }
  return SCHEDULE_OFF;
}

/** The connection's schedule; undefined when none was ever saved (off). */
export async function findDhis2Schedule(
  db: Kysely<Database>,
  connectionId: string,
): Promise<StoredDhis2Schedule | undefined> {
  const row = await db
    .selectFrom('dhis2Schedules')
    .selectAll()
    .where('connectionId', '=', connectionId)
    .executeTakeFirst();
  return row === undefined
    ? undefined
    : {
        schedule: scheduleOf(row),
        updatedAt: row.updatedAt,
        lastTriggeredAt: row.lastTriggeredAt,
        lastError: row.lastError,
      };
}

/** Saves the connection's schedule; an unchanged schedule keeps its `updatedAt`. */
export async function saveDhis2Schedule(
  db: Kysely<Database> | Transaction<Database>,
  connectionId: string,
  schedule: Dhis2Schedule,
  now = nowIso(),
): Promise<void> {
  const valid = validateSchedule(schedule);
  const fields = {
    kind: valid.kind,
    everyHours: valid.kind === 'interval' ? valid.everyHours : null,
    dailyAt: valid.kind === 'daily' ? valid.at : null,
  };
  const table = db;
  const existing = await table
    .selectFrom('dhis2Schedules')
    .selectAll()
    .where('connectionId', '=', connectionId)
    .executeTakeFirst();
  if (existing === undefined) {
    await table
      .insertInto('dhis2Schedules')
      .values({ connectionId, ...fields, lastTriggeredAt: null, lastError: null, updatedAt: now })
      .execute();
    return;
  }
  const same =
    existing.kind === fields.kind &&
    (existing.everyHours === null ? null : Number(existing.everyHours)) === fields.everyHours &&
    existing.dailyAt === fields.dailyAt;
  if (!same) {
    await table
      .updateTable('dhis2Schedules')
      .set({ ...fields, updatedAt: now })
      .where('connectionId', '=', connectionId)
      .execute();
  }
}

/** Records that the scheduler started (or tried to start) a pull at `at`, and how it failed. */
export async function recordScheduledAttempt(
  db: Kysely<Database>,
  connectionId: string,
  at: string,
  error: string | null,
): Promise<void> {
  await db
    .updateTable('dhis2Schedules')
    .set({ lastTriggeredAt: at, lastError: error })
    .where('connectionId', '=', connectionId)
    .execute();
}
