/**
 * The set-based write path. Each chunk of resolved values goes into a temporary staging table,
 * then a handful of statements compare it with `data_values`, decide per value what DHIS2 would
 * do (insert, undelete, update, delete or ignore), count the decisions and apply them. The
 * staging table lives in the import's transaction: temporary on SQLite, `TEMP … ON COMMIT DROP`
 * (unlogged) on PostgreSQL. SQLite writes row by row instead (`sqlite-row-writer.ts`).
 */
import type { ImportStrategy } from '@sankofa/core';
import { CompiledQuery, PostgresAdapter, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { StagedValue } from './resolve-value.ts';
import { stagingStatements, type StagingStatements } from './staging-sql.ts';

/** Values per multi-row INSERT into the staging table. */
const ROWS_PER_INSERT = 200;

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

function parametersOf(values: readonly StagedValue[], start: number, end: number): unknown[] {
  const out: unknown[] = [];
  for (let i = start; i < end; i++) {
    const v = values[i];
    out.push(
      v.row,
      v.dataElementId,
      v.periodId,
      v.orgUnitId,
      v.categoryOptionComboId,
      v.attributeOptionComboId,
      v.value,
      v.numericValue,
      v.comment,
      v.followUp,
      v.storedBy,
      v.remove ? 1 : 0,
    );
  }
  return out;
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
  const postgres = trx.getExecutor().adapter instanceof PostgresAdapter;
  const sqlText: StagingStatements = stagingStatements(postgres, strategy, ROWS_PER_INSERT);
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
      let start = 0;
      for (; start + ROWS_PER_INSERT <= values.length; start += ROWS_PER_INSERT) {
        await runner.run(sqlText.insertMany, parametersOf(values, start, start + ROWS_PER_INSERT));
      }
      for (; start < values.length; start++) {
        await runner.run(sqlText.insertOne, parametersOf(values, start, start + 1));
      }
      if (sqlText.analyze !== undefined) {
        await runner.run(sqlText.analyze, []);
      }
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
