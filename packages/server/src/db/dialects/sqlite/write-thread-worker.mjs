// A SQLite writer thread (see write-thread.ts): its own connection to the database file, with the
// main connection's settings, running `{ id, ops }` — statements, each with the parameter rows to
// run it with — as one transaction, and answering `{ id, changes }` once committed or
// `{ id, error }` once rolled back. One transaction at a time, in the order they came. Plain
// JavaScript that loads only better-sqlite3, so the thread starts in milliseconds.
import { parentPort, workerData } from 'node:worker_threads';
import SQLite from 'better-sqlite3';

const port = parentPort;
if (port === null) {
  throw new Error('write-thread-worker.mjs runs as a worker thread');
}
const connection = new SQLite(workerData.path, { fileMustExist: true });
// As the main connection (sqlite-adapter.ts). The file is in WAL mode already.
connection.pragma('synchronous = NORMAL');
connection.pragma('foreign_keys = ON');
connection.pragma('busy_timeout = 5000');
connection.pragma('temp_store = MEMORY');
connection.pragma('cache_size = -65536');
port.postMessage({ type: 'ready' });

/** Statements by their text, prepared once. */
const statements = new Map();

function prepared(sql) {
  let statement = statements.get(sql);
  if (statement === undefined) {
    statement = connection.prepare(sql);
    statements.set(sql, statement);
  }
  return statement;
}

port.on('message', (message) => {
  if (message.type === 'close') {
    connection.close();
    port.close();
    return;
  }
  const { id, ops } = message;
  try {
    let changes = 0;
    // IMMEDIATE: the write lock is taken at the start, so a busy database fails before any work.
    connection.exec('BEGIN IMMEDIATE');
    try {
      for (const { sql, rows } of ops) {
        const statement = prepared(sql);
        for (const row of rows) {
          changes += statement.run(...row).changes;
        }
      }
      connection.exec('COMMIT');
    } catch (error) {
      if (connection.inTransaction) {
        connection.exec('ROLLBACK');
      }
      throw error;
    }
    port.postMessage({ id, changes });
  } catch (error) {
    port.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
