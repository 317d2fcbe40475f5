/**
 * The write gate of a SQLite database: lets a data value import write on its own connection in
 * a worker thread while this process keeps reading on its connection.
 *
 * SQLite in WAL mode lets readers run while one connection writes, but only one connection may
 * write at a time. A better-sqlite3 write that meets another connection's write lock does not
 * wait asynchronously: it blocks the whole event loop for `busy_timeout` and then fails with
 * SQLITE_BUSY. So while an import worker holds the write lock, this process must not start a
 * write at all; it must wait, without blocking, until the worker commits or rolls back.
 *
 * {@link GatedSqliteDriver} wraps Kysely's SQLite driver (which serialises every query on the one
 * connection with a mutex) and asks the gate before it writes:
 *
 * - a transaction asks when it begins (any transaction may write), and holds its pass until the
 *   connection is released after the commit or rollback;
 * - a statement outside a transaction asks only when the gate is held and the statement is not
 *   read-only (better-sqlite3's `stmt.readonly`; not `stmt.reader`, which an `INSERT …
 *   RETURNING` also is), so reads never wait;
 * - while a transaction or statement waits, it gives the connection back to Kysely's mutex, so
 *   the reads queued behind it still run.
 *
 * The import job runner calls {@link WriteGate.hold} before its worker begins its transaction:
 * it resolves once no write of this process is in flight, and from then on new writes wait
 * until the runner calls the release function it returned.
 *
 * Statements run on the raw connection (raw-connection.ts) pass the gate only inside a Kysely
 * transaction, as the import engine runs them. Other processes (a CLI import) are not gated.
 */
import type SQLite from 'better-sqlite3';
import {
  SqliteDialect,
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type QueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';

export class WriteGate {
  /** Writes of this process past the gate and not yet finished. */
  #writers = 0;
  /** True while a holder (an import worker) has the write lock or waits for it. */
  #held = false;
  /** Resolves the holder waiting for the writers in flight to finish. */
  #drained: (() => void) | null = null;
  /** Resolves when the holder releases; null when not held. */
  #opened: Promise<void> | null = null;
  #open: () => void = () => undefined;

  /** True when a write may start now. */
  get open(): boolean {
    return !this.#held;
  }

  /** Waits until writes may start, then counts one in; call {@link leave} when it is done. */
  async enter(): Promise<void> {
    while (this.#held) {
      await this.#opened;
    }
    this.#writers += 1;
  }

  /** Counts one write out. */
  leave(): void {
    this.#writers -= 1;
    if (this.#writers === 0 && this.#drained !== null) {
      const drained = this.#drained;
      this.#drained = null;
      drained();
    }
  }

  /**
   * Closes the gate for this process's writes, once the ones in flight are done.
   *
   * @returns Opens the gate again (idempotent).
   */
  async hold(): Promise<() => void> {
    while (this.#held) {
      await this.#opened;
    }
    this.#held = true;
    this.#opened = new Promise((resolve) => {
      this.#open = resolve;
    });
    if (this.#writers > 0) {
      await new Promise<void>((resolve) => {
        this.#drained = resolve;
      });
    }
    let released = false;
    return () => {
      if (released) {
        return;
      }
      released = true;
      this.#held = false;
      this.#opened = null;
      this.#open();
    };
  }
}

/** One use of the connection (Kysely acquires, uses and releases it): knows if it holds a pass. */
class GatedConnection implements DatabaseConnection {
  passed = false;

  constructor(
    readonly inner: DatabaseConnection,
    readonly driver: GatedSqliteDriver,
  ) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const { gate, raw } = this.driver;
    if (this.passed || gate.open || raw.prepare(query.sql).readonly) {
      return this.inner.executeQuery<R>(query);
    }
    await this.driver.waitForGate(this);
    try {
      return await this.inner.executeQuery<R>(query);
    } finally {
      this.passed = false;
      gate.leave();
    }
  }

  streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    // Kysely's SQLite driver streams select queries only: reads never wait.
    return this.inner.streamQuery<R>(query, chunkSize);
  }
}

/** Kysely's SQLite driver with the write gate in front of transactions and writes. */
export class GatedSqliteDriver implements Driver {
  constructor(
    readonly inner: Driver,
    readonly gate: WriteGate,
    /** The connection `inner` runs on, to tell read-only statements from writes. */
    readonly raw: SQLite.Database,
  ) {}

  init(): Promise<void> {
    return this.inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    return new GatedConnection(await this.inner.acquireConnection(), this);
  }

  /**
   * Passes the gate for `connection`: at once when it is open; else gives the connection back
   * while waiting (so queued reads run) and takes it again once through.
   */
  async waitForGate(connection: GatedConnection): Promise<void> {
    if (!this.gate.open) {
      await this.inner.releaseConnection(connection.inner);
      await this.gate.enter();
      await this.inner.acquireConnection();
    } else {
      await this.gate.enter();
    }
    connection.passed = true;
  }

  async beginTransaction(
    connection: DatabaseConnection,
    settings: TransactionSettings,
  ): Promise<void> {
    const gated = connection as GatedConnection;
    await this.waitForGate(gated);
    await this.inner.beginTransaction(gated.inner, settings);
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.inner.commitTransaction((connection as GatedConnection).inner);
  }

  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return this.inner.rollbackTransaction((connection as GatedConnection).inner);
  }

  async savepoint(
    connection: DatabaseConnection,
    name: string,
    compile: QueryCompiler['compileQuery'],
  ): Promise<void> {
    await this.inner.savepoint?.((connection as GatedConnection).inner, name, compile);
  }

  async rollbackToSavepoint(
    connection: DatabaseConnection,
    name: string,
    compile: QueryCompiler['compileQuery'],
  ): Promise<void> {
    await this.inner.rollbackToSavepoint?.((connection as GatedConnection).inner, name, compile);
  }

  async releaseSavepoint(
    connection: DatabaseConnection,
    name: string,
    compile: QueryCompiler['compileQuery'],
  ): Promise<void> {
    await this.inner.releaseSavepoint?.((connection as GatedConnection).inner, name, compile);
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    const gated = connection as GatedConnection;
    if (gated.passed) {
      gated.passed = false;
      this.gate.leave();
    }
    await this.inner.releaseConnection(gated.inner);
  }

  destroy(): Promise<void> {
    return this.inner.destroy();
  }
}

/** Kysely's SQLite dialect on `connection`, its writes behind `gate`. */
export class GatedSqliteDialect extends SqliteDialect {
  readonly #connection: SQLite.Database;
  readonly #gate: WriteGate;

  constructor(connection: SQLite.Database, gate: WriteGate) {
    super({ database: connection });
    this.#connection = connection;
    this.#gate = gate;
  }

  override createDriver(): Driver {
    return new GatedSqliteDriver(super.createDriver(), this.#gate, this.#connection);
  }
}
