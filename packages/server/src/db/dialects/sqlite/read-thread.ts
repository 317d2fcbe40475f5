/**
 * A SQLite reader thread: a second, read-only connection to a database file in a worker thread
 * (`read-thread-worker.mjs`), so that a long read runs beside this thread's work instead of
 * blocking it. better-sqlite3 is synchronous: a read on the main connection holds the event loop
 * for as long as SQLite works. The signal scan reads the next indicator's values here while it
 * analyses the current one (two cores busy instead of one).
 *
 * Reads only (the connection is opened read-only); in WAL mode they see the last committed data
 * and neither wait for nor block writers. Requests are answered in order. A file database only:
 * `:memory:` cannot be shared between connections.
 */
import type SQLite from 'better-sqlite3';
import { Worker } from 'node:worker_threads';
import { WorkerRequests, type WorkerAnswer } from './worker-requests.ts';

const WORKER_ENTRY = new URL('./read-thread-worker.mjs', import.meta.url);

/** The thread's answer to a read: the rows, and the lists of ids seen for the first time. */
type ReadAnswer = WorkerAnswer & {
  readonly rows: unknown[][];
  /** Lists of ids seen for the first time: their numbers and their ids. */
  readonly lists: readonly (readonly [number, string[]])[];
};

/**
 * How the thread decodes a column holding a JSON array (see {@link SqliteReadThread.allDecoded}):
 * `numbers` as a Float64Array, `ids` (strings) as a list shared by every row listing the same ids.
 */
export type ColumnDecoding = 'numbers' | 'ids';

/**
 * The thread has ended (closed, failed to start, or crashed): nothing more can be read on it.
 * A statement's own error (bad SQL, a write) is a plain Error instead.
 */
export class ReadThreadEnded extends Error {
  constructor(reason: string) {
    super(`SQLite reader thread: ${reason}`);
    this.name = 'ReadThreadEnded';
  }
}

export class SqliteReadThread {
  readonly #requests: WorkerRequests<ReadAnswer>;
  /** The lists of ids the thread has sent, by their numbers. */
  readonly #lists: string[][] = [];
  /** The answer of the latest read asked (answers come in order). */
  #latest: Promise<unknown> = Promise.resolve();
  #answered = 0;

  private constructor(path: string) {
    // No inherited execArgv: the worker is plain JavaScript and needs no loader.
    const worker = new Worker(WORKER_ENTRY, { workerData: { path }, execArgv: [] });
    this.#requests = new WorkerRequests(
      worker,
      'SQLite reader thread',
      (reason) => new ReadThreadEnded(reason),
    );
    worker.on('message', (answer: ReadAnswer) => {
      if (answer.error === undefined) {
        this.#answered++;
        for (const [number, ids] of answer.lists) {
          this.#lists[number] = ids;
        }
      }
      this.#requests.answer(answer);
    });
  }

  /**
   * Starts a reader thread on the file behind `connection`, or returns null when it has none
   * (an in-memory database).
   */
  static start(connection: SQLite.Database): SqliteReadThread | null {
    if (connection.memory) {
      return null;
    }
    return new SqliteReadThread(connection.name);
  }

  /** The raw rows (arrays of column values) of a read-only statement, run on the thread. */
  all(sql: string, params: readonly unknown[]): Promise<unknown[][]> {
    return this.#ask(sql, params, []);
  }

  /**
   * As {@link all}, with the JSON arrays of the `decode` columns (by index) parsed on the thread:
   * `numbers` arrive as Float64Arrays (moved, not copied), `ids` as string arrays shared by every
   * row and read listing the same ids (do not change them). A NULL stays null.
   */
  async allDecoded(
    sql: string,
    params: readonly unknown[],
    decode: readonly (readonly [number, ColumnDecoding])[],
  ): Promise<unknown[][]> {
    const rows = await this.#ask(sql, params, decode);
    for (const row of rows) {
      for (const [column, how] of decode) {
        const cell = row[column];
        if (how === 'ids' && typeof cell === 'number') {
          row[column] = this.#lists[cell];
        }
      }
    }
    return rows;
  }

  #ask(
    sql: string,
    params: readonly unknown[],
    decode: readonly (readonly [number, ColumnDecoding])[],
  ): Promise<unknown[][]> {
    const rows = this.#requests
      .ask({ type: 'read', sql, params, decode })
      .then((answer) => answer.rows);
    this.#latest = rows.catch(() => undefined);
    return rows;
  }

  /** Reads the thread has answered with rows so far. */
  get answered(): number {
    return this.#answered;
  }

  /** True once the thread has ended (closed, failed to start, or crashed): start another. */
  get ended(): boolean {
    return this.#requests.ended !== null;
  }

  /** Ends the thread once the reads asked so far have been answered (or refused). */
  close(): Promise<void> {
    return this.#requests.close(this.#latest);
  }
}
