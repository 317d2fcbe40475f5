// A SQLite reader thread (see read-thread.ts): its own read-only connection to the database file,
// answering `{ id, sql, params }` with the statement's raw rows (`{ id, rows }`) or its error
// (`{ id, error }`), one request at a time, in the order they came. Plain JavaScript that loads
// only better-sqlite3, so the thread starts in milliseconds (no TypeScript loader, no JIT warm-up
// of Sankofa's code: its work is SQLite's, in C).
import { parentPort, workerData } from 'node:worker_threads';
import SQLite from 'better-sqlite3';

const port = parentPort;
if (port === null) {
  throw new Error('read-thread-worker.mjs runs as a worker thread');
}
const connection = new SQLite(workerData.path, { readonly: true, fileMustExist: true });
connection.pragma('busy_timeout = 5000');
// As the main connection (sqlite-adapter.ts): large range reads map the file.
connection.pragma('mmap_size = 268435456');
connection.pragma('cache_size = -65536');

/** Statements by their text, prepared once. */
const statements = new Map();

port.on('message', (message) => {
  if (message.type === 'close') {
    connection.close();
    port.close();
    return;
  }
  const { id, sql, params } = message;
  try {
    let statement = statements.get(sql);
    if (statement === undefined) {
      statement = connection.prepare(sql);
      if (!statement.reader) {
        throw new Error('reads only: the statement returns no rows');
      }
      statement.raw();
      statements.set(sql, statement);
    }
    port.postMessage({ id, rows: statement.all(...params) });
  } catch (error) {
    port.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
