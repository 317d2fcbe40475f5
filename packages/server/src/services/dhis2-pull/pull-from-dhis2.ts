/**
 * `pullFromDhis2`: brings a DHIS2 instance's metadata and data values into Sankofa.
 *
 * 1. `GET /api/system/info`: is it DHIS2, which version, and DHIS2's own clock (`serverDate`).
 * 2. `GET /api/metadata` (updated since the watermark in an incremental pull) → `importMetadata`.
 * 3. Per data set × root org unit, `GET /api/dataValueSets` (`lastUpdated` in an incremental
 *    pull, every period in a full one; deleted values included, and deleted here) →
 *    `importDataValues`.
 *
 * Each step that lands is recorded on the run at once; a failed chunk does not stop the others,
 * and `resume` runs only what did not land. When everything landed the connection's watermark
 * becomes DHIS2's time at the start of the run, so nothing updated during the run is missed.
 */
import { ValidationError } from '@sankofa/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { nowIso } from '../../ids.ts';
import { METADATA_CHUNK, planChunks } from './chunk-plan.ts';
import {
  credentialsOf,
  saveDhis2Connection,
  type Dhis2ConnectionInput,
} from './connection-store.ts';
import { Dhis2Client, Dhis2Error } from './dhis2-client.ts';
import {
  totalsOf,
  unfinishedChunk,
  type ChunkReport,
  type MetadataStepReport,
  type PullReport,
} from './pull-report.ts';
import { pullChunk, pullMetadata, type PullActor } from './pull-steps.ts';
import {
  finishSyncRun,
  recordChunksDone,
  reopenUnfinishedRun,
  startSyncRun,
  type SyncRun,
} from './sync-runs.ts';
import { readSystemInfo } from './system-info.ts';

/** A progress line, for a CLI or a job log. */
export interface PullProgress {
  readonly step: 'connect' | 'metadata' | 'plan' | 'chunk' | 'retry' | 'finish';
  readonly message: string;
  /** Data value chunks ended so far and planned in all (from the `plan` step on). */
  readonly chunks?: { readonly ended: number; readonly total: number };
}

export interface PullOptions {
  /** Pull what changed after this DHIS2 time (date or timestamp) instead of the watermark. */
  readonly since?: string;
  /** Pull everything, whatever the watermark. */
  readonly full?: boolean;
  /** Resume the connection's last unfinished run (its chunks that landed are skipped). */
  readonly resume?: boolean;
  /** Pull only these data sets (default: every data set DHIS2 has). */
  readonly dataSets?: readonly string[];
  /** Time allowed per request attempt (default 60,000 ms). */
  readonly timeoutMs?: number;
  /** Attempts per request, the first included (default 5). */
  readonly maxAttempts?: number;
  /** First retry wait, doubled each time, with jitter (default 1,000 ms; capped at 30 s). */
  readonly retryBaseMs?: number;
  readonly retryMaxMs?: number;
  /** Default `{ userId: null, actor: 'dhis2-sync' }`. */
  readonly actor?: PullActor;
  readonly onProgress?: (progress: PullProgress) => void;
  /** Told once the run is recorded in `dhis2_sync_runs` (after DHIS2 answered its system info). */
  readonly onRunStarted?: (runId: number) => void;
}

const SINCE_PATTERN = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?)?$/;

const NO_METADATA: MetadataStepReport = {
  status: 'not_run',
  created: 0,
  updated: 0,
  unchanged: 0,
  warnings: 0,
  errors: [],
  seconds: 0,
};

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Errors after which no further request can succeed: stop the run. */
const isFatal = (error: unknown) =>
  error instanceof Dhis2Error && (error.code === 'unauthorized' || error.code === 'network_error');

/**
 * Pulls from DHIS2 into `db`, saving `connection` as the app's DHIS2 connection (by name).
 *
 * @returns the run's report; status `failed` (with `errors`) when any step did not land
 * @throws Dhis2Error before a run starts: credentials missing, DHIS2 unreachable, refusing them
 *   (401) or not DHIS2 — nothing is recorded then; ValidationError for a malformed `since`
 * @example
 *   const report = await pullFromDhis2(db, { baseUrl: 'https://dhis2.example.org', token }, {});
 *   // report.totals → { imported: 26, updated: 0, deleted: 0, ignored: 0, conflicts: 0 }
 */
export async function pullFromDhis2(
  db: Kysely<Database>,
  connection: Dhis2ConnectionInput,
  options: PullOptions = {},
): Promise<PullReport> {
  const started = performance.now();
  const startedAt = nowIso();
  let chunkCounts: PullProgress['chunks'];
  const progress = (step: PullProgress['step'], message: string) =>
    options.onProgress?.({
      step,
      message,
      ...(chunkCounts === undefined ? {} : { chunks: chunkCounts }),
    });
  const actor = options.actor ?? { userId: null, actor: 'dhis2-sync' };
  if (options.since !== undefined && !SINCE_PATTERN.test(options.since)) {
    throw ValidationError.of(
      'since',
      'invalid_date',
      `since "${options.since}" must be a date (YYYY-MM-DD) or a timestamp`,
    );
  }
  const client = new Dhis2Client({
    baseUrl: connection.baseUrl,
    credentials: credentialsOf(connection),
    timeoutMs: options.timeoutMs,
    retry: {
      ...(options.maxAttempts === undefined ? {} : { maxAttempts: options.maxAttempts }),
      ...(options.retryBaseMs === undefined ? {} : { baseDelayMs: options.retryBaseMs }),
      ...(options.retryMaxMs === undefined ? {} : { maxDelayMs: options.retryMaxMs }),
    },
    onRetry: (n) =>
      progress(
        'retry',
        `${n.reason}; attempt ${n.attempt + 1} of ${n.maxAttempts} in ${(n.delayMs / 1000).toFixed(1)} s`,
      ),
  });
  progress('connect', `Connecting to DHIS2 at ${client.baseUrl}`);
  const info = await readSystemInfo(client);
  progress('connect', `DHIS2 ${info.version}, server time ${info.serverDate}`);
  const stored = await saveDhis2Connection(db, connection);

  let run: SyncRun | undefined;
  if (options.resume === true) {
    run = await reopenUnfinishedRun(db, stored.id);
    progress(
      'connect',
      run === undefined
        ? 'No unfinished run to resume: starting a new pull'
        : `Resuming run ${run.id}`,
    );
  }
  const resumed = run !== undefined;
  if (run === undefined) {
    const since = options.full === true ? null : (options.since ?? stored.lastUpdatedWatermark);
    run = await startSyncRun(db, stored.id, since, info.serverDate);
  }
  const current = run;
  options.onRunStarted?.(current.id);
  const done = new Set(current.chunksDone);
  const errors: string[] = [];
  const chunks: ChunkReport[] = [];
  let metadata = NO_METADATA;

  const report = (status: PullReport['status']): PullReport => ({
    runId: current.id,
    connection: { name: stored.name, baseUrl: stored.baseUrl },
    dhis2: { version: info.version, serverDate: info.serverDate },
    status,
    mode: current.since === null ? 'full' : 'incremental',
    since: current.since,
    until: current.until,
    resumed,
    metadata,
    chunks,
    totals: totalsOf(chunks),
    errors,
    startedAt,
    finishedAt: nowIso(),
    seconds: Math.round(performance.now() - started) / 1000,
  });
  const record = () => recordChunksDone(db, current.id, [...done], report('running'));

  const mode = current.since === null ? 'everything' : `what changed after ${current.since}`;
  try {
    if (done.has(METADATA_CHUNK)) {
      metadata = { ...NO_METADATA, status: 'skipped' };
    } else {
      progress('metadata', `Metadata: pulling ${mode}`);
      metadata = await pullMetadata(db, client, current.since, actor);
      if (metadata.status === 'failed') {
        const first = metadata.errors[0];
        throw new Error(
          `metadata: the import refused it (${metadata.errors.length} error(s), first: ${first.objectType} ${first.id} ${first.field}: ${first.message}); no data values were pulled`,
        );
      }
      done.add(METADATA_CHUNK);
      await record();
      progress(
        'metadata',
        `Metadata: ${metadata.created} created, ${metadata.updated} updated, ${metadata.unchanged} unchanged`,
      );
    }
    const plan = await planChunks(client, stored.rootOrgUnitId, options.dataSets);
    chunkCounts = { ended: 0, total: plan.length };
    progress('plan', `Data values: ${plan.length} chunk(s) (data set × root org unit), ${mode}`);
    for (const [index, chunk] of plan.entries()) {
      const name =
        chunk.dataSetName === null ? chunk.dataSet : `${chunk.dataSetName} (${chunk.dataSet})`;
      const position = `[${index + 1}/${plan.length}] ${name} under ${chunk.orgUnit}`;
      const ended = (message: string) => {
        chunkCounts = { ended: index + 1, total: plan.length };
        progress('chunk', message);
      };
      if (done.has(chunk.key)) {
        chunks.push(unfinishedChunk(chunk, 'skipped'));
        ended(`${position}: landed in an earlier attempt, skipped`);
        continue;
      }
      const chunkStarted = performance.now();
      try {
        const landed = await pullChunk(db, client, chunk, current.since, current.until, actor);
        chunks.push(landed);
        done.add(chunk.key);
        await record();
        const c = landed.importCount;
        ended(
          `${position}: ${landed.values} value(s): ${c.imported} imported, ${c.updated} updated, ${c.deleted} deleted, ${c.ignored} ignored`,
        );
      } catch (error) {
        const seconds = Math.round(performance.now() - chunkStarted) / 1000;
        chunks.push(unfinishedChunk(chunk, 'failed', messageOf(error), seconds));
        errors.push(`${chunk.key}: ${messageOf(error)}`);
        ended(`${position}: failed: ${messageOf(error)}`);
        if (isFatal(error)) {
          for (const rest of plan.slice(index + 1)) {
            chunks.push(unfinishedChunk(rest, 'not_run'));
          }
          break;
        }
      }
    }
  } catch (error) {
    if (metadata.status === 'not_run') {
      metadata = { ...NO_METADATA, status: 'failed' };
    }
    errors.push(messageOf(error));
  }
  const final = report(errors.length === 0 ? 'done' : 'failed');
  await finishSyncRun(db, current, stored.id, final);
  progress(
    'finish',
    final.status === 'done'
      ? `Done in ${final.seconds} s: next pull asks for changes after ${current.until}`
      : `Failed after ${final.seconds} s (${errors.length} error(s)); resume the run to pull only what did not land`,
  );
  return final;
}
