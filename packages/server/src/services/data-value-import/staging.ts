/**
 * The set-based write path, for PostgreSQL (SQLite writes row by row: `sqlite-row-writer.ts`).
 * Each chunk of resolved values goes into a temporary staging table (`TEMP … ON COMMIT DROP`,
 * unlogged) in one statement, then a handful of statements compare it with `data_values`,
 * decide per value what DHIS2 would do (insert, undelete, update, delete or ignore), count the
 * decisions and apply them, all in the import's transaction.
 */
import type { ImportStrategy } from '@sankofa/core';
import { CompiledQuery, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { StagedValue } from './resolve-value.ts';
import { stagingStatements, type StagingStatements } from './staging-sql.ts';

/** What one chunk did, in DHIS2's counts. */
export interface ChunkCounts {
  imported: number;
  updated: number;
  deleted: number;
  ignored: number;
}

/** A staging table for one import. */
export interface Staging {
  /** Stages `values` (no two with the same key), decides, counts and applies them. */
  merge(values: readonly StagedValue[]): Promise<ChunkCounts>;
  /** Drops the table (SQLite keeps temp tables for the connection's life). */
  drop(): Promise<void>;
}

/** One array per staging column, in `STAGE_COLUMNS` order (PostgreSQL's `unnest` insert). */
function columnsOf(values: readonly StagedValue[]): unknown[][] {
  return [
    values.map((v) => v.row),
    values.map((v) => v.dataElementId),
    values.map((v) => v.periodId),
    values.map((v) => v.orgUnitId),
    values.map((v) => v.categoryOptionComboId),
    values.map((v) => v.attributeOptionComboId),
    values.map((v) => v.value),
    values.map((v) => v.numericValue),
    values.map((v) => v.comment),
    values.map((v) => v.followUp),
    values.map((v) => v.storedBy),
    values.map((v) => (v.remove ? 1 : 0)),
  ];
}

function addCounts(counts: ChunkCounts, rows: readonly { action: string; n: number | string }[]) {
  for (const { action, n } of rows) {
    const count = Number(n);
    if (action === 'insert' || action === 'undelete') {
      counts.imported += count;
    } else if (action === 'update') {
      counts.updated += count;
    } else if (action === 'delete') {
      counts.deleted += count;
    } else {
      counts.ignored += count;
    }
  }
}

/** How a staging implementation runs one statement. */
interface Runner {
  run(text: string, parameters: readonly unknown[]): Promise<void>;
  all(text: string): Promise<{ action: string; n: number | string }[]>;
}

function kyselyRunner(trx: Transaction<Database>): Runner {
  return {
    async run(text, parameters) {
      await trx.executeQuery(CompiledQuery.raw(text, [...parameters]));
    },
    async all(text) {
      const result = await trx.executeQuery(CompiledQuery.raw(text, []));
      return result.rows as { action: string; n: number }[];
    },
  };
}

/** Creates the staging table in `trx`. */
export async function createStaging(
  trx: Transaction<Database>,
  strategy: ImportStrategy,
  now: string,
): Promise<Staging> {
  const sqlText: StagingStatements = stagingStatements(strategy);
  const runner = kyselyRunner(trx);
  for (const text of sqlText.create) {
    await runner.run(text, []);
  }
  return {
    async merge(values) {
      const counts: ChunkCounts = { imported: 0, updated: 0, deleted: 0, ignored: 0 };
      if (values.length === 0) {
        return counts;
      }
      await runner.run(sqlText.insert, columnsOf(values));
      await runner.run(sqlText.analyze, []);
      await runner.run(sqlText.decide, []);
      addCounts(counts, await runner.all(sqlText.count));
      if (counts.imported > 0) {
        await runner.run(sqlText.insertValues, [now, now]);
      }
      if (counts.imported + counts.updated > 0) {
        await runner.run(sqlText.updateValues, [now]);
      }
      if (counts.deleted > 0) {
        await runner.run(sqlText.deleteValues, [now]);
      }
      await runner.run(sqlText.clear, []);
      return counts;
    },
    async drop() {
      await runner.run(sqlText.drop, []);
    },
  };
}
