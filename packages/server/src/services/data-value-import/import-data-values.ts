/**
 * `importDataValues`: DHIS2's data value set import (`/api/dataValueSets`) over any reader,
 * in one transaction. All or nothing by default (any conflict: status ERROR, nothing written);
 * with `skipInvalid` the valid values land (status WARNING); `dryRun` validates and counts,
 * then rolls back. One audit event records the import.
 */
import type { DataValueReader, ImportSummary } from '@sankofa/core';
import type { Kysely } from 'kysely';
import { sqliteConnectionOf } from '../../db/dialects/sqlite/raw-connection.ts';
import type { Database } from '../../db/schema.ts';
import { generateUid, nowIso } from '../../ids.ts';
import { recordAudit } from '../audit.ts';
import { ConflictCollector } from './conflicts.ts';
import { effectiveOptions, type DataValueImportOptions } from './import-options.ts';
import { runImport, type RunResult } from './run-import.ts';

/** Thrown inside the transaction to roll it back while keeping the result. */
class Rollback extends Error {
  constructor(readonly result: RunResult) {
    super('rollback');
  }
}

function describe(
  status: ImportSummary['status'],
  result: RunResult,
  conflicts: ConflictCollector,
  dryRun: boolean,
): string {
  const omitted =
    conflicts.omitted > 0 ? ` (${conflicts.omitted} more conflict rows not listed)` : '';
  if (result.aborted) {
    return `Import process was aborted: the data value set's header names objects that do not exist${omitted}`;
  }
  if (status === 'ERROR') {
    return `Import process was aborted: ${conflicts.occurrences} of ${result.rows} values have conflicts, so none was imported (use skipInvalid to import the valid ones)${omitted}`;
  }
  const prefix = dryRun
    ? 'Dry run completed; nothing was saved'
    : 'Import process completed successfully';
  return status === 'WARNING'
    ? `${prefix}; ${conflicts.occurrences} values with conflicts were ignored${omitted}`
    : prefix;
}

/**
 * Imports the values `reader` yields.
 *
 * @param db - the database (not a transaction: the import opens its own)
 * @returns DHIS2's import summary; conflicts name the value's rows and field
 * @throws what the reader throws when the file as a whole cannot be read (nothing is written)
 * @example
 *   const summary = await importDataValues(db, reader, {
 *     actor: { userId: null, actor: 'cli' },
 *     writableOrgUnitPaths: null,
 *   });
 *   // summary.importCount → { imported: 12, updated: 0, ignored: 0, deleted: 0 }
 */
export async function importDataValues(
  db: Kysely<Database>,
  reader: DataValueReader,
  options: DataValueImportOptions,
): Promise<ImportSummary> {
  const started = performance.now();
  const effective = effectiveOptions(reader.format, reader.header, options);
  const conflicts = new ConflictCollector();
  const now = nowIso();
  let result: RunResult;
  try {
    result = await db.transaction().execute(async (trx) => {
      const run = await runImport(
        trx,
        reader,
        options,
        effective,
        conflicts,
        now,
        sqliteConnectionOf(db),
      );
      const failed = run.aborted || (conflicts.size > 0 && !effective.skipInvalid);
      if (failed || effective.dryRun) {
        throw new Rollback(run);
      }
      await recordAudit(trx, {
        userId: options.actor.userId,
        actor: options.actor.actor,
        action: 'import',
        entityType: 'dataValueImport',
        entityId: generateUid(),
        orgUnitId: null,
        after: {
          format: reader.format,
          importStrategy: effective.importStrategy,
          skipInvalid: effective.skipInvalid,
          rows: run.rows,
          importCount: run.counts,
          conflicts: conflicts.occurrences,
          dataSet: reader.header.dataSet ?? null,
        },
        requestId: options.actor.requestId ?? null,
      });
      return run;
    });
  } catch (error) {
    if (!(error instanceof Rollback)) {
      throw error;
    }
    result = error.result;
  }
  const failed = result.aborted || (conflicts.size > 0 && !effective.skipInvalid);
  const status = failed ? 'ERROR' : conflicts.size > 0 ? 'WARNING' : 'SUCCESS';
  const importCount = failed
    ? { imported: 0, updated: 0, ignored: result.rows, deleted: 0 }
    : { ...result.counts };
  return {
    responseType: 'ImportSummary',
    status,
    description: describe(status, result, conflicts, effective.dryRun),
    importOptions: {
      dryRun: effective.dryRun,
      importStrategy: effective.importStrategy,
      skipInvalid: effective.skipInvalid,
      idSchemes: effective.idSchemes,
    },
    importCount,
    conflicts: conflicts.list(),
    dataSetComplete: failed ? false : result.dataSetComplete,
    stats: { rows: result.rows, seconds: (performance.now() - started) / 1000 },
  };
}
