/**
 * Runs the app's DHIS2 pulls in the background, in this process, one at a time: "Pull now" and
 * the scheduler both go through it. `start` resolves with the run id as soon as the run is
 * recorded (DHIS2 answered its system info), and rejects when the pull could not start.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import {
  findDhis2Connection,
  type Dhis2Connection,
  type Dhis2ConnectionInput,
} from './connection-store.ts';
import { pullFromDhis2, type PullOptions, type PullProgress } from './pull-from-dhis2.ts';
import type { PullActor } from './pull-steps.ts';

/** What the running pull is doing. */
export interface Dhis2PullProgress {
  readonly step: PullProgress['step'];
  readonly message: string;
  /** Data value chunks ended and planned, once planned. */
  readonly chunks: { readonly ended: number; readonly total: number } | null;
}

/** Why a pull did not start. */
export class Dhis2PullNotStarted extends Error {
  override readonly name = 'Dhis2PullNotStarted';

  constructor(
    readonly reason: 'busy' | 'no_connection',
    message: string,
  ) {
    super(message);
  }
}

export interface Dhis2PullRunner {
  /**
   * Starts a pull of the stored connection.
   *
   * @returns the run id, once the run is recorded; the pull goes on in the background
   * @throws Dhis2PullNotStarted when a pull is running or no connection is stored; the pull's
   *   own error (Dhis2Error: unreachable, credentials refused, not DHIS2) when it stopped
   *   before a run was recorded
   */
  start(actor: PullActor): Promise<number>;
  /** True while a pull runs (from `start` until the run ends). */
  readonly busy: boolean;
  /** The progress of run `runId` while this runner runs it. */
  progressOf(runId: number): Dhis2PullProgress | undefined;
  /** Resolves when no pull is running (for shutdown and tests). */
  idle(): Promise<void>;
}

/** The stored connection as the pull's input. */
export function connectionInput(connection: Dhis2Connection): Dhis2ConnectionInput {
  const base = {
    name: connection.name,
    baseUrl: connection.baseUrl,
    rootOrgUnitId: connection.rootOrgUnitId,
  };
  return connection.credentials.kind === 'token'
    ? { ...base, token: connection.credentials.token }
    : {
        ...base,
        username: connection.credentials.username,
        password: connection.credentials.password,
      };
}

export interface Dhis2PullRunnerOptions {
  /** Options every pull runs with (timeouts, retries); tests make retries fast. */
  readonly pullOptions?: Omit<PullOptions, 'actor' | 'onProgress' | 'onRunStarted'>;
  /** Told of errors of pulls that ended badly after their run was recorded. */
  readonly onError?: (error: unknown) => void;
  /** Told when a pull ended well (its values are in). */
  readonly onPulled?: () => void;
}

/** A runner writing to `db`. */
export function createDhis2PullRunner(
  db: Kysely<Database>,
  options: Dhis2PullRunnerOptions = {},
): Dhis2PullRunner {
  let running: Promise<void> | null = null;
  let current: { runId: number | null; progress: Dhis2PullProgress } | null = null;

  return {
    get busy() {
      return running !== null;
    },
    progressOf(runId) {
      return current !== null && current.runId === runId ? current.progress : undefined;
    },
    idle: async () => {
      while (running !== null) {
        await running;
      }
    },
    async start(actor) {
      if (running !== null) {
        throw new Dhis2PullNotStarted(
          'busy',
          'A DHIS2 pull is already running: wait for it to end',
        );
      }
      // Claimed before any await, so two calls at once cannot both start.
      let release: () => void = () => undefined;
      running = new Promise<void>((resolve) => {
        release = resolve;
      });
      const state: { runId: number | null; progress: Dhis2PullProgress } = {
        runId: null,
        progress: { step: 'connect', message: 'Connecting to DHIS2', chunks: null },
      };
      current = state;
      try {
        const connection = await findDhis2Connection(db);
        if (connection === undefined) {
          throw new Dhis2PullNotStarted(
            'no_connection',
            'No DHIS2 connection is configured: save one first',
          );
        }
        return await new Promise<number>((resolve, reject) => {
          pullFromDhis2(db, connectionInput(connection), {
            ...options.pullOptions,
            actor,
            onProgress: (p) => {
              state.progress = { step: p.step, message: p.message, chunks: p.chunks ?? null };
            },
            onRunStarted: (runId) => {
              state.runId = runId;
              resolve(runId);
            },
          })
            .then(() => {
              options.onPulled?.();
            })
            .catch((error: unknown) => {
              if (state.runId === null) {
                reject(error instanceof Error ? error : new Error(String(error)));
              } else {
                options.onError?.(error);
              }
            })
            .finally(() => {
              if (current === state) {
                current = null;
              }
              running = null;
              release();
            });
        });
      } catch (error) {
        if (state.runId === null && running !== null && current === state) {
          current = null;
          running = null;
          release();
        }
        throw error;
      }
    },
  };
}
