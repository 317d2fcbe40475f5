/**
 * The better-sqlite3 connection behind a Kysely instance opened by `openSqlite`, for the few
 * bulk paths (data value import staging) where preparing one statement and running it many
 * times is an order of magnitude faster than compiling a query per batch. The connection is the
 * one Kysely's transactions run on, so statements run through it inside a Kysely transaction
 * are part of that transaction.
 */
import type SQLite from 'better-sqlite3';

const connections = new WeakMap<object, SQLite.Database>();

/** Remembers that `db` (a Kysely instance) runs on `connection`. */
export function registerSqliteConnection(db: object, connection: SQLite.Database): void {
  connections.set(db, connection);
}

/** The better-sqlite3 connection behind `db`, or undefined when `db` is not one `openSqlite` made. */
export function sqliteConnectionOf(db: object): SQLite.Database | undefined {
  return connections.get(db);
}
