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

const WORKER_ENTRY = new URL('./read-thread-worker.mjs', import.meta.url);

type Reply =
  | {
      readonly id: number;
      readonly rows: unknown[][];
      /** Lists of ids seen for the first time: their numbers and their ids. */
      readonly lists: readonly (readonly [number, string[]])[];
    }
  | { readonly id: number; readonly error: string };

/**
 * How the thread decodes a column holding a JSON array (see {@link SqliteReadThread.allDecoded}):
 * `numbers` as a Float64Array, `ids` (strings) as a list shared by every row listing the same ids.
 */
export type ColumnDecoding = 'numbers' | 'ids';

interface Pending {
  readonly resolve: (rows: unknown[][]) => void;
  readonly reject: (error: Error) => void;
}

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
  readonly #worker: Worker;
  readonly #pending = new Map<number, Pending>();
  /** The lists of ids the thread has sent, by their numbers. */
  readonly #lists: string[][] = [];
  /** The answer of the latest read asked (answers come in order). */
  #latest: Promise<unknown> = Promise.resolve();
  #nextId = 0;
  #answered = 0;
  /** Set once the thread has failed or been closed: every later read is refused with it. */
  #ended: ReadThreadEnded | null = null;

  private constructor(path: string) {
    // No inherited execArgv: the worker is plain JavaScript and needs no loader.
    this.#worker = new Worker(WORKER_ENTRY, { workerData: { path }, execArgv: [] });
    // Idle, the thread does not keep the process alive (see #track).
    this.#worker.unref();
    this.#worker.on('message', (reply: Reply) => {
      const pending = this.#pending.get(reply.id);
      this.#pending.delete(reply.id);
      this.#track();
      if ('error' in reply) {
        pending?.reject(new Error(`SQLite reader thread: ${reply.error}`));
      } else {
        this.#answered++;
        for (const [number, ids] of reply.lists) {
          this.#lists[number] = ids;
        }
        pending?.resolve(reply.rows);
      }
    });
    this.#worker.on('error', (error) => this.#end(new ReadThreadEnded(error.message)));
    this.#worker.on('exit', () => this.#end(new ReadThreadEnded('closed')));
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
    if (this.#ended !== null) {
      return Promise.reject(this.#ended);
    }
    const id = this.#nextId++;
    const rows = new Promise<unknown[][]>((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
    });
    this.#latest = rows.catch(() => undefined);
    this.#track();
    this.#worker.postMessage({ type: 'read', id, sql, params, decode });
    return rows;
  }

  /** Reads the thread has answered with rows so far. */
  get answered(): number {
    return this.#answered;
  }

  /** Ends the thread once the reads asked so far have been answered (or refused). */
  async close(): Promise<void> {
    if (this.#ended !== null) {
      return;
    }
    await this.#latest;
    if (this.#ended !== null) {
      return;
    }
    this.#ended = new ReadThreadEnded('closed');
    const exited = new Promise<void>((resolve) => this.#worker.once('exit', () => resolve()));
    // Alive until the thread has closed its connection and exited.
    this.#worker.ref();
    this.#worker.postMessage({ type: 'close' });
    await exited;
  }

  /** Keeps the process alive while a read waits for its answer, not while the thread is idle. */
  #track(): void {
    if (this.#pending.size > 0) {
      this.#worker.ref();
    } else {
      this.#worker.unref();
    }
  }

  #end(error: ReadThreadEnded): void {
    this.#ended ??= error;
    for (const p of this.#pending.values()) {
      p.reject(this.#ended);
    }
    this.#pending.clear();
  }
}
