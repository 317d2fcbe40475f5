/**
 * Pull runs in `dhis2_sync_runs`: one row per run, `chunks_done` updated after every chunk that
 * landed (so a failed or interrupted run can be resumed), the report stored as JSON.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { nowIso } from '../../ids.ts';
import type { PullReport } from './pull-report.ts';

/** A run as the pull works with it. */
export interface SyncRun {
  readonly id: number;
  readonly since: string | null;
  readonly until: string;
  readonly chunksDone: readonly string[];
}

function chunkList(json: string): string[] {
  const parsed = JSON.parse(json) as unknown;
  return Array.isArray(parsed) ? parsed.filter((k): k is string => typeof k === 'string') : [];
}

/** Starts a run: status `running`, nothing done. */
export async function startSyncRun(
  db: Kysely<Database>,
  connectionId: string,
  since: string | null,
  until: string,
): Promise<SyncRun> {
  const row = await db
    .insertInto('dhis2SyncRuns')
    .values({
      connectionId,
      status: 'running',
      since,
      until,
      chunksDone: '[]',
      report: null,
      startedAt: nowIso(),
      finishedAt: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: Number(row.id), since, until, chunksDone: [] };
}

/**
 * The connection's latest run when it did not finish (`failed`, or `running` because the
 * process died), marked `running` again; undefined when the latest run is done or there is none.
 */
export async function reopenUnfinishedRun(
  db: Kysely<Database>,
  connectionId: string,
): Promise<SyncRun | undefined> {
  const row = await db
    .selectFrom('dhis2SyncRuns')
    .selectAll()
    .where('connectionId', '=', connectionId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (row === undefined || row.status === 'done') {
    return undefined;
  }
  await db
    .updateTable('dhis2SyncRuns')
    .set({ status: 'running', finishedAt: null })
    .where('id', '=', row.id)
    .execute();
  return {
    id: Number(row.id),
    since: row.since,
    until: row.until,
    chunksDone: chunkList(row.chunksDone),
  };
}

/** Records that `chunks` landed, with the report so far. */
export async function recordChunksDone(
  db: Kysely<Database>,
  runId: number,
  chunks: readonly string[],
  report: PullReport,
): Promise<void> {
  await db
    .updateTable('dhis2SyncRuns')
    .set({ chunksDone: JSON.stringify(chunks), report: JSON.stringify(report) })
    .where('id', '=', runId)
    .execute();
}

/**
 * Finishes a run. A `done` run moves the connection's watermark to the run's `until` (DHIS2's
 * time when the run started), in the same transaction.
 */
export async function finishSyncRun(
  db: Kysely<Database>,
  run: SyncRun,
  connectionId: string,
  report: PullReport,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('dhis2SyncRuns')
      .set({ status: report.status, report: JSON.stringify(report), finishedAt: report.finishedAt })
      .where('id', '=', run.id)
      .execute();
    if (report.status === 'done') {
      await trx
        .updateTable('dhis2Connections')
        .set({ lastUpdatedWatermark: run.until, updatedAt: nowIso() })
        .where('id', '=', connectionId)
        .execute();
    }
  });
}
