/**
 * Runs queued data value import jobs in the background, in this process, one after the other
 * (two large imports at once would only fight over the database). Each job reads its uploaded
 * temporary file, stores its progress at most every half second, ends with the summary or the
 * reason it failed, and deletes its temporary file whatever happens.
 */
import {
  ValidationError,
  type CsvMapping,
  type DataValueFormat,
  type ImportJobOptions,
} from '@sankofa/core';
import type { Kysely } from 'kysely';
import { rm } from 'node:fs/promises';
import type { Database } from '../../db/schema.ts';
import { openDataValueReader } from '../../interop/readers/index.ts';
import { importDataValues } from '../data-value-import/index.ts';
import {
  failImportJob,
  finishImportJob,
  markImportJobRunning,
  updateImportJobProgress,
} from './job-store.ts';
import { throttleProgress, type EngineProgress } from './progress-throttle.ts';

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
}

/** The message a failed job shows: the error, with each issue's row and field. */
export function describeFailure(error: unknown): string {
  if (error instanceof ValidationError) {
    const details = error.issues
      .filter((i) => !error.message.includes(i.message))
      .map((i) => `${i.row === undefined ? '' : `row ${i.row}, `}${i.field}: ${i.message}`);
    return [error.message, ...details].join('\n');
  }
  return error instanceof Error ? error.message : String(error);
}

function toJobProgress(p: EngineProgress) {
  return { rows: p.rows, bytes: p.bytesRead, totalBytes: p.totalBytes };
}

async function runJob(
  db: Kysely<Database>,
  job: QueuedImportJob,
  onError: (error: unknown) => void,
): Promise<void> {
  const throttle = throttleProgress((p) => updateImportJobProgress(db, job.id, toJobProgress(p)));
  try {
    const format: DataValueFormat | undefined =
      job.options.format === 'auto' ? undefined : job.options.format;
    const reader = await openDataValueReader(job.filePath, {
      ...(format === undefined ? {} : { format }),
      ...(job.csvMapping === undefined ? {} : { csvMapping: job.csvMapping }),
    });
    const opened = reader.progress();
    await markImportJobRunning(db, job.id, reader.format, {
      rows: 0,
      bytes: 0,
      totalBytes: opened.totalBytes,
    });
    const summary = await importDataValues(db, reader, {
      dryRun: job.options.dryRun,
      importStrategy: job.options.importStrategy,
      skipInvalid: job.options.skipInvalid,
      ...(job.options.idScheme === undefined
        ? {}
        : { idSchemes: { idScheme: job.options.idScheme } }),
      actor: job.actor,
      writableOrgUnitPaths: job.writableOrgUnitPaths,
      onProgress: throttle.report,
    });
    await throttle.flush();
    const end = reader.progress();
    await finishImportJob(db, job.id, summary, {
      rows: summary.stats?.rows ?? throttle.latest().rows,
      bytes: end.bytesRead,
      totalBytes: end.totalBytes,
    });
  } catch (error) {
    await throttle.flush();
    if (!(error instanceof ValidationError)) {
      onError(error);
    }
    await failImportJob(db, job.id, describeFailure(error)).catch(onError);
  } finally {
    await rm(job.tempDir ?? job.filePath, { recursive: true, force: true }).catch(onError);
  }
}

/**
 * @param db - The database jobs write to.
 * @param onError - Told of unexpected errors (a failed job is still marked failed).
 */
export function createImportJobRunner(
  db: Kysely<Database>,
  onError: (error: unknown) => void = () => undefined,
): ImportJobRunner {
  let chain: Promise<void> = Promise.resolve();
  return {
    enqueue(job) {
      chain = chain.then(() => runJob(db, job, onError)).catch(onError);
    },
    idle: () => chain,
  };
}
