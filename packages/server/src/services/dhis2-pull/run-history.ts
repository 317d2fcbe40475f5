/**
 * Pull runs as the app shows them: status, when, the counts and errors of the stored report,
 * and how many chunks landed (`dhis2_sync_runs`, written by `sync-runs.ts`).
 */
import type { Kysely, Selectable } from 'kysely';
import type { Database, Dhis2SyncRunTable } from '../../db/schema.ts';
import type { PullReport, PullTotals } from './pull-report.ts';

/** One run, without its per-chunk detail. */
export interface Dhis2RunSummary {
  readonly id: number;
  readonly status: 'running' | 'done' | 'failed';
  readonly mode: 'full' | 'incremental';
  /** DHIS2 time the run pulled changes after (null: everything). */
  readonly since: string | null;
  /** DHIS2 time at the start of the run. */
  readonly until: string;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  /** Steps that landed: the metadata, then each data value chunk. */
  readonly stepsDone: number;
  /** Steps planned, once known (the report lists them). */
  readonly stepsTotal: number | null;
  readonly metadata: { readonly created: number; readonly updated: number } | null;
  readonly totals: PullTotals | null;
  readonly errors: readonly string[];
  readonly dhis2Version: string | null;
}

function parseReport(json: string | null): PullReport | null {
  if (json === null) {
    return null;
  }
  try {
    return JSON.parse(json) as PullReport;
  } catch {
    return null;
  }
}

function countChunks(json: string): number {
  try {
    const parsed = JSON.parse(json) as unknown;
    return Array.isArray(parsed) ? parsed.length : 0;
  } catch {
    return 0;
  }
}

/** A `dhis2_sync_runs` row as a summary. */
export function summarizeRun(row: Selectable<Dhis2SyncRunTable>): Dhis2RunSummary {
  const report = parseReport(row.report);
  const status = row.status === 'done' || row.status === 'failed' ? row.status : 'running';
  // A report stored while running lists only the chunks that ended; the final one lists all.
  const stepsTotal = report !== null && status !== 'running' ? report.chunks.length + 1 : null;
  return {
    id: Number(row.id),
    status,
    mode: row.since === null ? 'full' : 'incremental',
    since: row.since,
    until: row.until,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    stepsDone: countChunks(row.chunksDone),
    stepsTotal,
    metadata:
      report === null || report.metadata.status !== 'done'
        ? null
        : { created: report.metadata.created, updated: report.metadata.updated },
    totals: report?.totals ?? null,
    errors: report?.errors ?? [],
    dhis2Version: report?.dhis2.version ?? null,
  };
}

/** The connection's runs, newest first. */
export async function listDhis2Runs(
  db: Kysely<Database>,
  connectionId: string,
  limit: number,
): Promise<Dhis2RunSummary[]> {
  const rows = await db
    .selectFrom('dhis2SyncRuns')
    .selectAll()
    .where('connectionId', '=', connectionId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(summarizeRun);
}

/** One run of the connection, or undefined. */
export async function findDhis2Run(
  db: Kysely<Database>,
  connectionId: string,
  id: number,
): Promise<Dhis2RunSummary | undefined> {
  const row = await db
    .selectFrom('dhis2SyncRuns')
    .selectAll()
    .where('connectionId', '=', connectionId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row === undefined ? undefined : summarizeRun(row);
}
