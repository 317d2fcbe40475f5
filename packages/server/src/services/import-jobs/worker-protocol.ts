/** The messages between the job runner and an import worker (see run-in-worker.ts). */
import type { DataValueFormat, ImportJobProgress, ImportSummary } from '@sankofa/core';
import type { ImportJobSpec } from './execute-job.ts';

/** What the worker is started with (`workerData`). */
export interface WorkerJob {
  /** The database the worker opens its own connection to: `sqlite:PATH`. */
  readonly databaseUrl: string;
  readonly job: ImportJobSpec;
}

/** Worker → runner. */
export type WorkerMessage =
  /** The file is open; the worker waits for `go` before it begins its transaction. */
  | {
      readonly type: 'opened';
      readonly format: DataValueFormat;
      readonly progress: ImportJobProgress;
    }
  | { readonly type: 'progress'; readonly progress: ImportJobProgress }
  /** The transaction has ended (committed or rolled back): the worker writes no more. */
  | { readonly type: 'done'; readonly summary: ImportSummary; readonly progress: ImportJobProgress }
  /**
   * The job failed; its transaction (if any) has ended. `expected`: a file the reader refused
   * (a ValidationError), not a fault to log.
   */
  | {
      readonly type: 'failed';
      readonly message: string;
      readonly expected: boolean;
      readonly stack?: string;
    };

/** Runner → worker: the write gate is held for the worker; begin. */
export interface GoMessage {
  readonly type: 'go';
}
