/**
 * The reader and writer threads of a SQLite connection, kept between the scans that use them
 * (read-thread.ts, write-thread.ts). Started for each scan, they cost it ~0.1–0.15 s at 1,200
 * facilities: each thread starting and opening the file, and its first reads and writes running
 * cold. Idle, a thread keeps nothing alive (it is unref'd) and holds no transaction open; both end
 * when the connection's adapter closes ({@link closeConnectionThreads}), or with the process. A
 * thread that has ended (crashed, failed to start) is replaced by a new one when next asked for.
 */
import type SQLite from 'better-sqlite3';
import { SqliteReadThread } from './read-thread.ts';
import type { WriteGate } from './write-gate.ts';
import { SqliteWriteThread } from './write-thread.ts';

interface ConnectionThreads {
  read: SqliteReadThread | null;
  write: Promise<SqliteWriteThread | null> | null;
}

const byConnection = new WeakMap<SQLite.Database, ConnectionThreads>();

function threadsOf(connection: SQLite.Database): ConnectionThreads {
  let threads = byConnection.get(connection);
  if (threads === undefined) {
    threads = { read: null, write: null };
    byConnection.set(connection, threads);
  }
  return threads;
}

/** The connection's reader thread, started on first use; null for an in-memory database. */
export function sharedReadThread(connection: SQLite.Database): SqliteReadThread | null {
  const threads = threadsOf(connection);
  if (threads.read === null || threads.read.ended) {
    threads.read = SqliteReadThread.start(connection);
  }
  return threads.read;
}

/**
 * The connection's writer thread (its transactions behind `gate`), started on first use; null
 * for an in-memory database or when it cannot start (the caller writes on its connection then).
 */
export async function sharedWriteThread(
  connection: SQLite.Database,
  gate: WriteGate,
): Promise<SqliteWriteThread | null> {
  const threads = threadsOf(connection);
  const asked = threads.write;
  const current = asked === null ? null : await asked;
  if (current !== null && !current.ended) {
    return current;
  }
  if (threads.write === asked) {
    // None yet, or it ended (or could not start): another, unless a caller started one meanwhile.
    threads.write = SqliteWriteThread.start(connection, gate);
  }
  return threads.write;
}

/** Ends the connection's threads once what was asked of them is done. */
export async function closeConnectionThreads(connection: SQLite.Database): Promise<void> {
  const threads = byConnection.get(connection);
  if (threads === undefined) {
    return;
  }
  byConnection.delete(connection);
  await threads.read?.close();
  await (await threads.write)?.close();
}
