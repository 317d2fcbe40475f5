// A SQLite reader thread (see read-thread.ts): its own read-only connection to the database file,
// answering `{ id, sql, params, decode }` with the statement's raw rows (`{ id, rows, lists }`) or
// its error (`{ id, error }`), one request at a time, in the order they came. `decode` names
// columns holding JSON arrays to parse here rather than on the asking thread: `numbers` (arrays of
// numbers only: a null would become 0) become a
// Float64Array (moved, not copied, to the asking thread), `ids` (arrays of strings) the number of
// a list sent once in `lists` as `[number, strings]` and referred to by number afterwards (most
// rows of a batch list the same org units; past 4,096 distinct lists, the list itself). Plain JavaScript that loads
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
/** Lists of ids already sent, by their JSON text: their numbers. */
const listNumbers = new Map();
const LISTS_MAX = 4096;

/** Parses the `decode` columns of each row in place; returns the new lists and the buffers to move. */
function decodeRows(rows, decode) {
  const lists = [];
  const buffers = [];
  for (const row of rows) {
    for (const [column, how] of decode) {
      const json = row[column];
      if (typeof json !== 'string') {
        continue;
      }
      if (how === 'numbers') {
        const numbers = Float64Array.from(JSON.parse(json));
        buffers.push(numbers.buffer);
        row[column] = numbers;
      } else {
        let number = listNumbers.get(json);
        if (number === undefined && listNumbers.size < LISTS_MAX) {
          number = listNumbers.size;
          listNumbers.set(json, number);
          lists.push([number, JSON.parse(json)]);
        }
        // Past LISTS_MAX distinct lists, the list itself (sent whole each time).
        row[column] = number ?? JSON.parse(json);
      }
    }
  }
  return { lists, buffers };
}

port.on('message', (message) => {
  if (message.type === 'close') {
    connection.close();
    port.close();
    return;
  }
  const { id, sql, params, decode } = message;
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
    const rows = statement.all(...params);
    const { lists, buffers } = decodeRows(rows, decode ?? []);
    port.postMessage({ id, rows, lists }, buffers);
  } catch (error) {
    port.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
