/**
 * Runs queued data value import jobs in the background, one after the other (two large imports
 * at once would only fight over the database). Each job reads its uploaded temporary file, shows
 * its progress while it runs, ends with the summary or the reason it failed, and deletes its
 * temporary file whatever happens.
 *
 * Where a job runs:
 * - on a SQLite database file, in a worker thread with its own connection (run-in-worker.ts):
 *   SQLite serialises everything on the server's one connection, so an import there would hold
 *   up every other request until it ends. While the worker writes, the job's progress lives in
 *   this process's memory only ({@link ImportJobRunner.progressOf}): this process may not write
 *   then. Its status and summary are written when the worker's transaction has ended.
 * - on PostgreSQL (a pool) and on an in-memory SQLite database (which a worker cannot open), in
 *   this process, storing its progress at most every half second.
 */
import {
  ValidationError,
  type ImportJobOptions,
  type ImportJobProgress,
  type ImportSummary,
} from '@sankofa/core';
import type { CsvMapping } from '@sankofa/core';
import type { Kysely } from 'kysely';
import { rm } from 'node:fs/promises';
import type { Worker } from 'node:worker_threads';
import { sqliteConnectionOf, sqliteWriteGateOf } from '../../db/dialects/sqlite/raw-connection.ts';
import type { WriteGate } from '../../db/dialects/sqlite/write-gate.ts';
import type { Database } from '../../db/schema.ts';
import { describeFailure, executeImportJob, toJobProgress } from './execute-job.ts';
import {
  failImportJob,
  finishImportJob,
  markImportJobRunning,
  updateImportJobProgress,
} from './job-store.ts';
import { throttleProgress } from './progress-throttle.ts';
import { runInWorker } from './run-in-worker.ts';
import { importLanded } from '../signal-scan/scanner.ts';

export { describeFailure } from './execute-job.ts';

/** One queued job: its row id, the temporary file and who it acts for. */
export interface QueuedImportJob {
  readonly id: string;
  /** The uploaded file; deleted when the job ends. */
  readonly filePath: string;
  /** Removed (recursively) after the file, when the upload made a folder for it. */
  readonly tempDir?: string;
  readonly options: ImportJobOptions;
  /** The column mapping of a generic CSV. */
  readonly csvMapping?: CsvMapping;
  readonly actor: {
    readonly userId: string | null;
    readonly actor: string;
    readonly requestId?: string;
  };
  /** Paths under which the user may write; values elsewhere become conflicts. */
  readonly writableOrgUnitPaths: readonly string[] | null;
}

export interface ImportJobRunner {
  /** Queues a job; it starts when the jobs before it have ended. */
  enqueue(job: QueuedImportJob): void;
  /** Resolves when every queued job has ended (for shutdown and tests). */
  idle(): Promise<void>;
  /** The latest progress of a job running now (fresher than its row's), else undefined. */
  progressOf(id: string): ImportJobProgress | undefined;
  /** True when jobs run in a worker thread (SQLite database file). */
  readonly inWorker: boolean;
  /**
   * For shutdown: starts no more queued jobs and stops a running worker (its transaction rolls
   * back; the job is marked failed, or at the next start if the database is gone by then).
   */
  stop(): Promise<void>;
}

export interface ImportJobRunnerOptions {
  /** Run jobs in this process even on a SQLite file (tests compare both paths). */
  readonly inProcess?: boolean;
  /** Told when a job's values landed (not a dry run, not refused, something changed). */
  readonly onLanded?: (summary: ImportSummary) => void;
}

/** Where the worker finds the database, or null when jobs must run in this process. */
function workerTarget(db: Kysely<Database>): { url: string; gate: WriteGate } | null {
  const connection = sqliteConnectionOf(db);
  const gate = sqliteWriteGateOf(db);
  if (connection === undefined || gate === undefined) {
    return null;
  }
  const { name, memory } = connection;
  return memory || name === '' || name === ':memory:' ? null : { url: `sqlite:${name}`, gate };
}

/**
 * @param db - The database jobs write to.
 * @param onError - Told of unexpected errors (a failed job is still marked failed).
 */
export function createImportJobRunner(
  db: Kysely<Database>,
  onError: (error: unknown) => void = () => undefined,
  options: ImportJobRunnerOptions = {},
): ImportJobRunner {
  const target = options.inProcess === true ? null : workerTarget(db);
  const live = new Map<string, ImportJobProgress>();
  let chain: Promise<void> = Promise.resolve();
  let stopped = false;
  let worker: Worker | null = null;
  const landed = (summary: ImportSummary): void => {
    if (importLanded(summary)) {
      options.onLanded?.(summary);
    }
  };

  async function runInProcess(job: QueuedImportJob): Promise<void> {
    const throttle = throttleProgress((p) => updateImportJobProgress(db, job.id, toJobProgress(p)));
    try {
      const { summary, progress } = await executeImportJob(db, job, {
        opened: (format, progress) => markImportJobRunning(db, job.id, format, progress),
        progress: (p) => {
          live.set(job.id, toJobProgress(p));
          throttle.report(p);
        },
      });
      await throttle.flush();
      await finishImportJob(db, job.id, summary, progress);
      landed(summary);
    } catch (error) {
      await throttle.flush();
      if (!(error instanceof ValidationError)) {
        onError(error);
      }
      await failImportJob(db, job.id, describeFailure(error)).catch(onError);
    }
  }

  async function runWorker(job: QueuedImportJob, url: string, gate: WriteGate): Promise<void> {
    const outcome = await runInWorker(url, gate, job, {
      opened: async (format, progress) => {
        live.set(job.id, progress);
        await markImportJobRunning(db, job.id, format, progress);
      },
      progress: (progress) => live.set(job.id, progress),
      started: (w) => {
        worker = w;
      },
    });
    worker = null;
    if (outcome.kind === 'done') {
      await finishImportJob(db, job.id, outcome.summary, outcome.progress).catch(onError);
      landed(outcome.summary);
      return;
    }
    if (outcome.error !== undefined) {
      onError(outcome.error);
    }
    await failImportJob(db, job.id, outcome.message).catch(onError);
  }

  async function runJob(job: QueuedImportJob): Promise<void> {
    try {
      if (stopped) {
        return;
      }
      await (target === null ? runInProcess(job) : runWorker(job, target.url, target.gate));
    } finally {
      // After the final status is written: until then the row still says running.
      live.delete(job.id);
      await rm(job.tempDir ?? job.filePath, { recursive: true, force: true }).catch(onError);
    }
  }

  return {
    enqueue(job) {
      chain = chain.then(() => runJob(job)).catch(onError);
    },
    idle: () => chain,
    progressOf: (id) => live.get(id),
    inWorker: target !== null,
    async stop() {
      stopped = true;
      await worker?.terminate();
    },
  };
}
