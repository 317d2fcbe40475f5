/**
 * What differs between SQLite and PostgreSQL, in one interface. Code outside `db/dialects/`
 * never asks which database it runs on; it asks the adapter.
 */
import type { ColumnDefinitionBuilder, Kysely } from 'kysely';
import type { Database } from '../schema.ts';

export type DialectName = 'sqlite' | 'postgres';

export interface DialectAdapter {
  readonly name: DialectName;
  /** The Kysely instance, with camelCase mapping. */
  readonly db: Kysely<Database>;
  /** SQL type for an auto-incrementing integer primary key (`integer` vs `bigserial`). */
  readonly autoIncrementType: 'integer' | 'bigserial';
  /** Adds what the dialect needs to make `autoIncrementType` a generated primary key. */
  autoIncrementPrimaryKey(column: ColumnDefinitionBuilder): ColumnDefinitionBuilder;
  /**
   * Whether a table can be stored in its primary key's order (SQLite's `WITHOUT ROWID`): its rows
   * then live in the key's B-tree, so a range of the key is read without a second lookup per row.
   * PostgreSQL heaps have no such option.
   */
  readonly clusteredTables: boolean;
  /** Largest number of bound parameters one statement may carry. */
  readonly maxParameters: number;
  /** A short description for logs, without credentials. */
  readonly description: string;
  /** Closes every connection. */
  close(): Promise<void>;
}
