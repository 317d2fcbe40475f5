/**
 * What running one import job means, wherever it runs (in this process or in a worker thread):
 * open the uploaded file with its reader, tell the caller the format, import the values with
 * progress, and return the summary with the final progress. Writes nothing about the job itself.
 */
import {
  ValidationError,
  type CsvMapping,
  type DataValueFormat,
  type ImportJobOptions,
  type ImportJobProgress,
  type ImportSummary,
} from '@sankofa/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { openDataValueReader } from '../../interop/readers/index.ts';
import { importDataValues } from '../data-value-import/index.ts';
import type { EngineProgress } from './progress-throttle.ts';

/** The part of a queued job its execution needs (plain data: it crosses to a worker). */
export interface ImportJobSpec {
  readonly filePath: string;
  readonly options: ImportJobOptions;
  readonly csvMapping?: CsvMapping;
  readonly actor: {
    readonly userId: string | null;
    readonly actor: string;
    readonly requestId?: string;
  };
  readonly writableOrgUnitPaths: readonly string[] | null;
}

export interface ExecutionHooks {
  /** Told once the file is open, before the import starts; the import waits for it. */
  readonly opened: (format: DataValueFormat, progress: ImportJobProgress) => Promise<void>;
  /** Told of progress while the import runs. */
  readonly progress: (progress: EngineProgress) => void;
}

export interface ExecutionResult {
  readonly summary: ImportSummary;
  readonly progress: ImportJobProgress;
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

export function toJobProgress(p: EngineProgress): ImportJobProgress {
  return { rows: p.rows, bytes: p.bytesRead, totalBytes: p.totalBytes };
}

/**
 * Runs the import of `job` on `db`.
 *
 * @throws what the reader throws when the file cannot be read (nothing is written), or what
 * `hooks.opened` throws
 */
export async function executeImportJob(
  db: Kysely<Database>,
  job: ImportJobSpec,
  hooks: ExecutionHooks,
): Promise<ExecutionResult> {
  const format: DataValueFormat | undefined =
    job.options.format === 'auto' ? undefined : job.options.format;
  const reader = await openDataValueReader(job.filePath, {
    ...(format === undefined ? {} : { format }),
    ...(job.csvMapping === undefined ? {} : { csvMapping: job.csvMapping }),
  });
  const opened = reader.progress();
  await hooks.opened(reader.format, { rows: 0, bytes: 0, totalBytes: opened.totalBytes });
  let rows = 0;
  const summary = await importDataValues(db, reader, {
    dryRun: job.options.dryRun,
    importStrategy: job.options.importStrategy,
    skipInvalid: job.options.skipInvalid,
    ...(job.options.idScheme === undefined
      ? {}
      : { idSchemes: { idScheme: job.options.idScheme } }),
    actor: job.actor,
    writableOrgUnitPaths: job.writableOrgUnitPaths,
    onProgress: (p) => {
      rows = p.rows;
      hooks.progress(p);
    },
  });
  const end = reader.progress();
  return {
    summary,
    progress: {
      rows: summary.stats?.rows ?? rows,
      bytes: end.bytesRead,
      totalBytes: end.totalBytes,
    },
  };
}
