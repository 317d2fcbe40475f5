/**
 * The `import_jobs` rows of data value imports: created queued, marked running, given progress
 * while they run, and finished with the DHIS2-shaped summary (or failed with the reason). Rows
 * store `done` for a finished job (the schema's word); the API calls it `succeeded`.
 */
import type {
  ImportJob,
  ImportJobListItem,
  ImportJobOptions,
  ImportJobProgress,
  ImportJobStatus,
  ImportSummary,
  ImportSummaryJson,
} from '@sankofa/core';
import type { Kysely, Selectable } from 'kysely';
import type { Database, ImportJobTable } from '../../db/schema.ts';
import { generateUid, nowIso } from '../../ids.ts';

/** The `kind` of data value import jobs. */
export const DATA_VALUE_IMPORT_KIND = 'data-values';

type JobRow = Selectable<ImportJobTable>;

/** What a failed job stores in its `summary` column. */
interface FailureRecord {
  readonly error: string;
}

const STATUS_FROM_ROW: Record<string, ImportJobStatus> = {
  queued: 'queued',
  running: 'running',
  done: 'succeeded',
  failed: 'failed',
};

function parseJson<T>(text: string | null): T | null {
  return text === null ? null : (JSON.parse(text) as T);
}

function baseFields(row: JobRow) {
  const stored = parseJson<ImportSummaryJson | FailureRecord>(row.summary);
  const options = JSON.parse(row.options) as ImportJobOptions;
  return {
    fields: {
      id: row.id,
      status: STATUS_FROM_ROW[row.status] ?? 'failed',
      format: row.format,
      fileName: row.fileName,
      options: {
        format: options.format,
        ...(options.idScheme === undefined ? {} : { idScheme: options.idScheme }),
        importStrategy: options.importStrategy,
        dryRun: options.dryRun,
        skipInvalid: options.skipInvalid,
      },
      progress: parseJson<ImportJobProgress>(row.progress),
      error: stored !== null && 'error' in stored ? stored.error : null,
      createdAt: row.createdAt,
      startedAt: row.startedAt,
      finishedAt: row.finishedAt,
    },
    summary: stored !== null && 'responseType' in stored ? stored : null,
  };
}

/**
 * The row with the progress of its running job as the runner knows it now (a job running in a
 * worker thread keeps its progress in memory: see job-runner.ts).
 */
export function withLiveProgress(row: JobRow, live: ImportJobProgress | undefined): JobRow {
  return live === undefined || row.status !== 'running'
    ? row
    : { ...row, progress: JSON.stringify(live) };
}

/** A job row as the API shows it, with the whole summary. */
export function presentImportJob(row: JobRow): ImportJob {
  const { fields, summary } = baseFields(row);
  return { ...fields, summary };
}

/** A job row as the list shows it: the summary's status and counts only. */
export function presentImportJobListItem(row: JobRow): ImportJobListItem {
  const { fields, summary } = baseFields(row);
  return {
    ...fields,
    result:
      summary === null
        ? null
        : {
            status: summary.status,
            importCount: summary.importCount,
            conflictCount: summary.conflicts.length,
          },
  };
}

/** Records a new queued job and returns its id. */
export async function createImportJob(
  db: Kysely<Database>,
  input: {
    readonly userId: string | null;
    readonly actor: string;
    readonly fileName: string | null;
    readonly options: ImportJobOptions;
  },
): Promise<string> {
  const id = generateUid();
  await db
    .insertInto('importJobs')
    .values({
      id,
      userId: input.userId,
      actor: input.actor,
      kind: DATA_VALUE_IMPORT_KIND,
      format: input.options.format,
      fileName: input.fileName,
      options: JSON.stringify(input.options),
      status: 'queued',
      progress: null,
      summary: null,
      createdAt: nowIso(),
      startedAt: null,
      finishedAt: null,
    })
    .execute();
  return id;
}

/** Marks a job running with the format its reader opened the file as. */
export async function markImportJobRunning(
  db: Kysely<Database>,
  id: string,
  format: string,
  progress: ImportJobProgress,
): Promise<void> {
  await db
    .updateTable('importJobs')
    .set({ status: 'running', format, startedAt: nowIso(), progress: JSON.stringify(progress) })
    .where('id', '=', id)
    .execute();
}

/** Stores the progress of a running job (never touches a finished one). */
export async function updateImportJobProgress(
  db: Kysely<Database>,
  id: string,
  progress: ImportJobProgress,
): Promise<void> {
  await db
    .updateTable('importJobs')
    .set({ progress: JSON.stringify(progress) })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .execute();
}

/** Finishes a job with its summary. */
export async function finishImportJob(
  db: Kysely<Database>,
  id: string,
  summary: ImportSummary,
  progress: ImportJobProgress,
): Promise<void> {
  await db
    .updateTable('importJobs')
    .set({
      status: 'done',
      summary: JSON.stringify(summary),
      progress: JSON.stringify(progress),
      finishedAt: nowIso(),
    })
    .where('id', '=', id)
    .execute();
}

/** Marks a job failed with the reason (the file could not be read, or the server stopped). */
export async function failImportJob(
  db: Kysely<Database>,
  id: string,
  error: string,
): Promise<void> {
  const failure: FailureRecord = { error };
  await db
    .updateTable('importJobs')
    .set({ status: 'failed', summary: JSON.stringify(failure), finishedAt: nowIso() })
    .where('id', '=', id)
    .execute();
}

/**
 * Marks every data value job still queued or running as failed: called at startup, when no job
 * of this process can be running, so such jobs were cut short by a restart.
 *
 * @returns How many jobs were marked.
 */
export async function failInterruptedImportJobs(db: Kysely<Database>): Promise<number> {
  const failure: FailureRecord = {
    error: 'The server stopped before this import finished; upload the file again.',
  };
  const result = await db
    .updateTable('importJobs')
    .set({ status: 'failed', summary: JSON.stringify(failure), finishedAt: nowIso() })
    .where('kind', '=', DATA_VALUE_IMPORT_KIND)
    .where('status', 'in', ['queued', 'running'])
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** One job row, or undefined. */
export function findImportJob(db: Kysely<Database>, id: string): Promise<JobRow | undefined> {
  return db
    .selectFrom('importJobs')
    .selectAll()
    .where('id', '=', id)
    .where('kind', '=', DATA_VALUE_IMPORT_KIND)
    .executeTakeFirst();
}

/** A user's most recent data value jobs, newest first. */
export function listImportJobs(
  db: Kysely<Database>,
  userId: string,
  limit: number,
): Promise<JobRow[]> {
  return db
    .selectFrom('importJobs')
    .selectAll()
    .where('userId', '=', userId)
    .where('kind', '=', DATA_VALUE_IMPORT_KIND)
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}
