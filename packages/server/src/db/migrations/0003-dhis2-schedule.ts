/**
 * When the app pulls from DHIS2 by itself: one schedule per DHIS2 connection (off, every N
 * hours, or daily at HH:MM UTC), with what the scheduler last did.
 */
import type { Kysely, Migration } from 'kysely';

export function dhis2ScheduleMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('dhis2_schedules')
        .addColumn('connection_id', 'text', (c) =>
          c.primaryKey().references('dhis2_connections.id').onDelete('cascade'),
        )
        // off | interval | daily
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('every_hours', 'integer')
        // HH:MM, UTC
        .addColumn('daily_at', 'text')
        // When the scheduler last started (or tried to start) a pull, and why that attempt
        // failed before a run was recorded (DHIS2 unreachable, credentials refused).
        .addColumn('last_triggered_at', 'text')
        .addColumn('last_error', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
    },
  };
}
