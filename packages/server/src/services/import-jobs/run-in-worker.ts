/**
 * Runs one import job in a worker thread with its own SQLite connection (see import-worker.ts),
 * so the server's one connection keeps answering while the import writes. The worker opens the
 * file and waits; the runner records the job as running, closes the database's write gate
 * (write-gate.ts: this process's writes wait, its reads go on) and lets the worker begin its
 * transaction. The gate opens again when the worker's transaction has ended, or when the
 * worker has exited (a crash: SQLite rolls the transaction back with the connection).
 */
import type { DataValueFormat, ImportJobProgress } from '@sankofa/core';
import { Worker } from 'node:worker_threads';
import type { WriteGate } from '../../db/dialects/sqlite/write-gate.ts';
import { describeFailure, type ExecutionResult, type ImportJobSpec } from './execute-job.ts';
import type { GoMessage, WorkerJob, WorkerMessage } from './worker-protocol.ts';

/** The worker's entry: a JavaScript file that loads the TypeScript worker through tsx. */
const WORKER_ENTRY = new URL('./import-worker.mjs', import.meta.url);

export type WorkerOutcome =
  | ({ readonly kind: 'done' } & ExecutionResult)
  | {
      readonly kind: 'failed';
      readonly message: string;
      /** Set when the failure is a fault to log, not a file the reader refused. */
      readonly error?: Error;
    };

export interface WorkerHooks {
  /** The file is open; the transaction begins once this resolves (it may write). */
  readonly opened: (format: DataValueFormat, progress: ImportJobProgress) => Promise<void>;
  readonly progress: (progress: ImportJobProgress) => void;
  /** Told of the worker once started, so that it can be terminated. */
  readonly started?: (worker: Worker) => void;
}

/**
 * @param databaseUrl - `sqlite:PATH` of the file `gate` guards.
 * @returns How the job ended, once the worker has exited.
 */
export function runInWorker(
  databaseUrl: string,
  gate: WriteGate,
  job: ImportJobSpec,
  hooks: WorkerHooks,
): Promise<WorkerOutcome> {
  const workerData: WorkerJob = { databaseUrl, job };
  // No inherited execArgv: the entry registers tsx itself, once.
  const worker = new Worker(WORKER_ENTRY, { workerData, execArgv: [] });
  hooks.started?.(worker);
  let outcome: WorkerOutcome | null = null;
  let release: (() => void) | null = null;
  const settle = (result: WorkerOutcome) => {
    outcome ??= result;
  };
  const openGate = () => {
    release?.();
    release = null;
  };

  const begin = async (format: DataValueFormat, progress: ImportJobProgress) => {
    try {
      await hooks.opened(format, progress);
      const held = await gate.hold();
      if (outcome !== null) {
        held();
        return;
      }
      release = held;
      worker.postMessage({ type: 'go' } satisfies GoMessage);
    } catch (error) {
      settle({
        kind: 'failed',
        message: describeFailure(error),
        error: error instanceof Error ? error : new Error(String(error)),
      });
      await worker.terminate();
    }
  };

  worker.on('message', (message: WorkerMessage) => {
    switch (message.type) {
      case 'opened':
        void begin(message.format, message.progress);
        break;
      case 'progress':
        hooks.progress(message.progress);
        break;
      case 'done':
        settle({ kind: 'done', summary: message.summary, progress: message.progress });
        openGate();
        break;
      case 'failed': {
        let error: Error | undefined;
        if (!message.expected) {
          error = new Error(message.message);
          if (message.stack !== undefined) {
            error.stack = message.stack;
          }
        }
        settle({ kind: 'failed', message: message.message, ...(error ? { error } : {}) });
        openGate();
        break;
      }
    }
  });
  worker.on('error', (error) => {
    settle({ kind: 'failed', message: describeFailure(error), error });
  });
  return new Promise((resolve) => {
    worker.once('exit', (code) => {
      openGate();
      settle({
        kind: 'failed',
        message: `The import stopped unexpectedly (its worker exited with code ${code}); nothing was imported.`,
        error: new Error(`import worker exited with code ${code} before it finished`),
      });
      resolve(outcome!);
    });
  });
}
