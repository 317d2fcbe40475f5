/**
 * Starts scheduled DHIS2 pulls: every minute (by default) it reads the connection's schedule and
 * the last pull, and starts a pull through the runner when one is due — unless a pull runs.
 * The clock is injected, and `tick` is public, so tests never wait.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { recordAudit } from '../audit.ts';
import { findDhis2Connection } from './connection-store.ts';
import { Dhis2PullNotStarted, type Dhis2PullRunner } from './pull-runner.ts';
import { findDhis2Schedule, nextPullAt, recordScheduledAttempt } from './schedule.ts';

/** What one tick did. */
export type SchedulerTick =
  | { readonly outcome: 'no_connection' | 'off' }
  | { readonly outcome: 'not_due'; readonly nextPullAt: string }
  | { readonly outcome: 'busy'; readonly nextPullAt: string }
  | { readonly outcome: 'started'; readonly runId: number }
  | { readonly outcome: 'failed'; readonly error: string };

/** Who scheduled pulls act as, in the audit trail and `storedBy`. */
export const SCHEDULER_ACTOR = { userId: null, actor: 'dhis2-schedule' } as const;

export interface Dhis2SchedulerOptions {
  readonly db: Kysely<Database>;
  readonly runner: Dhis2PullRunner;
  /** Default: the system clock. */
  readonly now?: () => Date;
  /** Time between ticks (default 60,000 ms). */
  readonly tickMs?: number;
  /** Told of ticks that failed unexpectedly, and of pulls that could not start. */
  readonly log?: (message: string, error?: unknown) => void;
}

export interface Dhis2Scheduler {
  /** Checks once whether a pull is due and starts it. */
  tick(): Promise<SchedulerTick>;
  /** Ticks every `tickMs` until stopped (the timer does not keep the process alive). */
  start(): void;
  /** Stops ticking and waits for a tick in progress (not for a pull it started). */
  stop(): Promise<void>;
}

/**
 * The moment the next scheduled pull counts from: the latest of the last run's start, the
 * scheduler's last attempt and when the schedule was saved.
 */
export async function scheduleBaseline(
  db: Kysely<Database>,
  connectionId: string,
  stored: { updatedAt: string; lastTriggeredAt: string | null },
): Promise<Date> {
  const last = await db
    .selectFrom('dhis2SyncRuns')
    .select('startedAt')
    .where('connectionId', '=', connectionId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  const times = [stored.updatedAt, stored.lastTriggeredAt, last?.startedAt]
    .filter((t): t is string => t !== null && t !== undefined)
    .map((t) => new Date(t).getTime())
    .filter((t) => Number.isFinite(t));
  return new Date(Math.max(...times));
}

export function createDhis2Scheduler(options: Dhis2SchedulerOptions): Dhis2Scheduler {
  const { db, runner } = options;
  const now = options.now ?? (() => new Date());
  const tickMs = options.tickMs ?? 60_000;
  const log = options.log ?? (() => undefined);
  let timer: NodeJS.Timeout | undefined;
  let ticking: Promise<unknown> = Promise.resolve();
  let stopped = true;

  const tick = async (): Promise<SchedulerTick> => {
    const connection = await findDhis2Connection(db);
    if (connection === undefined) {
      return { outcome: 'no_connection' };
    }
    const stored = await findDhis2Schedule(db, connection.id);
    if (stored === undefined || stored.schedule.kind === 'off') {
      return { outcome: 'off' };
    }
    const due = nextPullAt(stored.schedule, await scheduleBaseline(db, connection.id, stored));
    const at = now();
    if (due === null) {
      return { outcome: 'off' };
    }
    if (at.getTime() < due.getTime()) {
      return { outcome: 'not_due', nextPullAt: due.toISOString() };
    }
    if (runner.busy) {
      return { outcome: 'busy', nextPullAt: due.toISOString() };
    }
    try {
      const runId = await runner.start(SCHEDULER_ACTOR);
      await recordScheduledAttempt(db, connection.id, at.toISOString(), null);
      await recordAudit(db, {
        ...SCHEDULER_ACTOR,
        action: 'pull',
        entityType: 'dhis2_sync_run',
        entityId: String(runId),
        after: { connection: connection.baseUrl, trigger: 'schedule' },
      });
      return { outcome: 'started', runId };
    } catch (error) {
      if (error instanceof Dhis2PullNotStarted && error.reason === 'busy') {
        return { outcome: 'busy', nextPullAt: due.toISOString() };
      }
      const message = error instanceof Error ? error.message : String(error);
      // Recorded as an attempt, so the next one waits a whole period instead of a minute.
      await recordScheduledAttempt(db, connection.id, at.toISOString(), message);
      log('scheduled DHIS2 pull could not start', error);
      return { outcome: 'failed', error: message };
    }
  };

  const loop = () => {
    if (stopped) {
      return;
    }
    ticking = tick()
      .catch((error: unknown) => log('DHIS2 scheduler tick failed', error))
      .finally(() => {
        if (!stopped) {
          timer = setTimeout(loop, tickMs);
          timer.unref();
        }
      });
  };

  return {
    tick,
    start() {
      if (!stopped) {
        return;
      }
      stopped = false;
      timer = setTimeout(loop, tickMs);
      timer.unref();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await ticking;
    },
  };
}
