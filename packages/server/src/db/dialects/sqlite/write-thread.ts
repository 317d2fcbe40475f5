/**
 * A SQLite writer thread: a second connection to a database file in a worker thread
 * (`write-thread-worker.mjs`) that runs transactions of prepared statements, so that a large
 * write (and its commit) runs beside this thread's work instead of blocking it: better-sqlite3
 * is synchronous. The signal scan writes an indicator's signals here while it analyses the next.
 *
 * Only one connection may write at a time. Each transaction holds the database's write gate
 * (write-gate.ts) from before it begins until it has ended, as an import worker does: this
 * process's other writes wait (asynchronously) meanwhile, and the transaction waits for the ones
 * in flight. Transactions run in the order asked. A file database only: `:memory:` cannot be
 * shared between connections.
 */
import type SQLite from 'better-sqlite3';
import { Worker } from 'node:worker_threads';
import type { WriteGate } from './write-gate.ts';
import { WorkerRequests, type WorkerAnswer } from './worker-requests.ts';

const WORKER_ENTRY = new URL('./write-thread-worker.mjs', import.meta.url);

/** One statement of a transaction and the parameter rows it runs with, in order. */
export interface WriteOp {
  readonly sql: string;
  readonly rows: readonly (readonly unknown[])[];
}

/** The thread's answer to a transaction: the rows it changed. */
type WriteAnswer = WorkerAnswer & { readonly changes: number };

/**
 * The thread has ended (closed, failed to start, or crashed). A transaction it had begun is
 * rolled back by SQLite with the connection, unless it had committed: the caller cannot tell, so
 * it must not simply run it again elsewhere. A statement's own error is a plain Error instead
 * (and its transaction was rolled back).
 */
export class WriteThreadEnded extends Error {
  constructor(reason: string) {
    super(`SQLite writer thread: ${reason}`);
    this.name = 'WriteThreadEnded';
  }
}

export class SqliteWriteThread {
  readonly #requests: WorkerRequests<WriteAnswer>;
  readonly #gate: WriteGate;
  /** Settles once the transaction asked last has ended (committed or not). */
  #latest: Promise<unknown> = Promise.resolve();
  /** Resolves once the thread has opened the file; rejects if it ends first. */
  readonly #ready: Promise<void>;

  private constructor(path: string, gate: WriteGate) {
    this.#gate = gate;
    // No inherited execArgv: the worker is plain JavaScript and needs no loader.
    const worker = new Worker(WORKER_ENTRY, { workerData: { path }, execArgv: [] });
    this.#requests = new WorkerRequests(
      worker,
      'SQLite writer thread',
      (reason) => new WriteThreadEnded(reason),
    );
    this.#ready = new Promise<void>((resolve, reject) => {
      worker.on('message', (answer: WriteAnswer | { readonly type: 'ready' }) => {
        if ('type' in answer) {
          resolve();
        } else {
          this.#requests.answer(answer);
        }
      });
      // Listeners run in order: the requests have ended with the thread's error by now.
      worker.on('error', () => reject(this.#requests.ended!));
      worker.on('exit', () => reject(this.#requests.ended!));
    });
    this.#ready.catch(() => undefined);
  }

  /**
   * Starts a writer thread on the file behind `connection`, its transactions behind `gate`, and
   * waits until it has opened the file. Null for a database without a file (in-memory) or when
   * the thread could not start: the caller writes on its connection then.
   */
  static async start(
    connection: SQLite.Database,
    gate: WriteGate,
  ): Promise<SqliteWriteThread | null> {
    if (connection.memory) {
      return null;
    }
    const thread = new SqliteWriteThread(connection.name, gate);
    try {
      await thread.#ready;
      return thread;
    } catch {
      return null;
    }
  }

  /**
   * Runs `ops` as one transaction on the thread, behind the write gate.
   *
   * @returns The rows changed, once committed.
   * @throws Error naming the statement's failure (the transaction was rolled back), or
   *   {@link WriteThreadEnded}.
   */
  transaction(ops: readonly WriteOp[]): Promise<number> {
    const ended = this.#requests.ended;
    if (ended !== null) {
      return Promise.reject(ended);
    }
    const done = this.#run(ops);
    this.#latest = done.catch(() => undefined);
    return done;
  }

  async #run(ops: readonly WriteOp[]): Promise<number> {
    // Transactions go in order: each waits for the one before (the gate is taken once at a time).
    await this.#latest;
    const release = await this.#gate.hold();
    try {
      return (await this.#requests.ask({ type: 'write', ops })).changes;
    } finally {
      release();
    }
  }

  /** True once the thread has ended (closed, failed to start, or crashed): start another. */
  get ended(): boolean {
    return this.#requests.ended !== null;
  }

  /** Ends the thread once the transactions asked so far have ended. */
  close(): Promise<void> {
    return this.#requests.close(this.#latest);
  }
}
