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

const WORKER_ENTRY = new URL('./write-thread-worker.mjs', import.meta.url);

/** One statement of a transaction and the parameter rows it runs with, in order. */
export interface WriteOp {
  readonly sql: string;
  readonly rows: readonly (readonly unknown[])[];
}

type Reply =
  | { readonly type: 'ready' }
  | { readonly id: number; readonly changes: number }
  | { readonly id: number; readonly error: string };

interface Pending {
  readonly resolve: (changes: number) => void;
  readonly reject: (error: Error) => void;
}

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
  readonly #worker: Worker;
  readonly #gate: WriteGate;
  readonly #pending = new Map<number, Pending>();
  /** Settles once the transaction asked last has ended (committed or not). */
  #latest: Promise<unknown> = Promise.resolve();
  #nextId = 0;
  /** Set once the thread has failed or been closed: every later transaction is refused with it. */
  #ended: WriteThreadEnded | null = null;
  readonly #ready: Promise<void>;

  private constructor(path: string, gate: WriteGate) {
    this.#gate = gate;
    // No inherited execArgv: the worker is plain JavaScript and needs no loader.
    this.#worker = new Worker(WORKER_ENTRY, { workerData: { path }, execArgv: [] });
    this.#worker.unref();
    let ready: () => void = () => undefined;
    let failed: (error: Error) => void = () => undefined;
    this.#ready = new Promise<void>((resolve, reject) => {
      ready = resolve;
      failed = reject;
    });
    this.#ready.catch(() => undefined);
    this.#worker.on('message', (reply: Reply) => {
      if ('type' in reply) {
        ready();
        return;
      }
      const pending = this.#pending.get(reply.id);
      this.#pending.delete(reply.id);
      this.#track();
      if ('error' in reply) {
        pending?.reject(new Error(`SQLite writer thread: ${reply.error}`));
      } else {
        pending?.resolve(reply.changes);
      }
    });
    this.#worker.on('error', (error) => {
      this.#end(new WriteThreadEnded(error.message));
      failed(this.#ended!);
    });
    this.#worker.on('exit', () => {
      this.#end(new WriteThreadEnded('closed'));
      failed(this.#ended!);
    });
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
    if (this.#ended !== null) {
      return Promise.reject(this.#ended);
    }
    const done = this.#run(ops);
    this.#latest = done.catch(() => undefined);
    return done;
  }

  async #run(ops: readonly WriteOp[]): Promise<number> {
    // Transactions go in order: each waits for the one before (the gate is taken once at a time).
    const before = this.#latest;
    await before;
    const release = await this.#gate.hold();
    try {
      if (this.#ended !== null) {
        throw this.#ended;
      }
      const id = this.#nextId++;
      const changes = new Promise<number>((resolve, reject) => {
        this.#pending.set(id, { resolve, reject });
      });
      this.#track();
      this.#worker.postMessage({ type: 'write', id, ops });
      return await changes;
    } finally {
      release();
    }
  }

  /** Ends the thread once the transactions asked so far have ended. */
  async close(): Promise<void> {
    if (this.#ended !== null) {
      return;
    }
    await this.#latest;
    if (this.#ended !== null) {
      return;
    }
    this.#ended = new WriteThreadEnded('closed');
    const exited = new Promise<void>((resolve) => this.#worker.once('exit', () => resolve()));
    this.#worker.ref();
    this.#worker.postMessage({ type: 'close' });
    await exited;
  }

  /** Keeps the process alive while a transaction runs, not while the thread is idle. */
  #track(): void {
    if (this.#pending.size > 0) {
      this.#worker.ref();
    } else {
      this.#worker.unref();
    }
  }

  #end(error: WriteThreadEnded): void {
    this.#ended ??= error;
    for (const p of this.#pending.values()) {
      p.reject(this.#ended);
    }
    this.#pending.clear();
  }
}
