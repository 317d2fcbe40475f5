/**
 * The app's DHIS2 pulls: one runner ("Pull now" and the scheduler share it, so one pull runs at
 * a time) and the scheduler. `buildApp` creates it, starts the scheduler and closes it.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import {
  createDhis2PullRunner,
  type Dhis2PullRunner,
  type Dhis2PullRunnerOptions,
} from './pull-runner.ts';
import { createDhis2Scheduler, type Dhis2Scheduler } from './scheduler.ts';

/** How long closing waits for a running pull before leaving it (a later pull starts anew). */
const CLOSE_WAIT_MS = 10_000;

/** False when `SANKOFA_DHIS2_SCHEDULER=off`: this server process starts no scheduled pulls. */
export function dhis2SchedulerEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.SANKOFA_DHIS2_SCHEDULER !== 'off';
}

export interface Dhis2PullService {
  readonly runner: Dhis2PullRunner;
  readonly scheduler: Dhis2Scheduler;
  /** Stops the scheduler and waits (up to 10 s) for a running pull. */
  close(): Promise<void>;
}

export interface Dhis2PullServiceOptions extends Dhis2PullRunnerOptions {
  readonly now?: () => Date;
  readonly tickMs?: number;
  readonly log?: (message: string, error?: unknown) => void;
}

export function createDhis2PullService(
  db: Kysely<Database>,
  options: Dhis2PullServiceOptions = {},
): Dhis2PullService {
  const runner = createDhis2PullRunner(db, {
    ...(options.pullOptions === undefined ? {} : { pullOptions: options.pullOptions }),
    onError: options.onError ?? ((error) => options.log?.('DHIS2 pull failed', error)),
    ...(options.onPulled === undefined ? {} : { onPulled: options.onPulled }),
  });
  const scheduler = createDhis2Scheduler({
    db,
    runner,
    ...(options.now === undefined ? {} : { now: options.now }),
    ...(options.tickMs === undefined ? {} : { tickMs: options.tickMs }),
    ...(options.log === undefined ? {} : { log: options.log }),
  });
  return {
    runner,
    scheduler,
    async close() {
      await scheduler.stop();
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        runner.idle(),
        new Promise<void>((resolve) => {
          timer = setTimeout(resolve, CLOSE_WAIT_MS);
        }),
      ]);
      clearTimeout(timer);
    },
  };
}
