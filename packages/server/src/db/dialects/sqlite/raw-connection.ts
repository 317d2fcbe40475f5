/**
 * The better-sqlite3 connection behind a Kysely instance opened by `openSqlite`, for the few
 * bulk paths (data value import staging) where preparing one statement and running it many
 * times is an order of magnitude faster than compiling a query per batch. The connection is the
 * one Kysely's transactions run on, so statements run through it inside a Kysely transaction
 * are part of that transaction (and have passed the write gate: write statements on it outside
 * a Kysely transaction would not). Also the write gate of that instance.
 */
import type SQLite from 'better-sqlite3';
import type { WriteGate } from './write-gate.ts';

const connections = new WeakMap<object, SQLite.Database>();
const gates = new WeakMap<object, WriteGate>();

/** Remembers that `db` (a Kysely instance) runs on `connection`, its writes behind `gate`. */
export function registerSqliteConnection(
  db: object,
  connection: SQLite.Database,
  gate: WriteGate,
): void {
  connections.set(db, connection);
  gates.set(db, gate);
}

/** The write gate of `db` (see write-gate.ts), or undefined when `db` is not one `openSqlite` made. */
export function sqliteWriteGateOf(db: object): WriteGate | undefined {
  return gates.get(db);
}

/**
 * True while a write to `db` would wait for an import worker's transaction (see write-gate.ts):
 * a write that may be skipped (e.g. sliding a session's expiry) can skip it then.
 */
export function sqliteWritesWait(db: object): boolean {
  return gates.get(db)?.open === false;
}

/** The better-sqlite3 connection behind `db`, or undefined when `db` is not one `openSqlite` made. */
export function sqliteConnectionOf(db: object): SQLite.Database | undefined {
  return connections.get(db);
}
