/**
 * The write gate of a SQLite database file, with a second connection standing in for an import
 * worker: while the gate is held, reads run and writes wait (without SQLITE_BUSY), and holding
 * waits for the writes in flight. SQLite only: PostgreSQL has no gate.
 */
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DialectAdapter } from '../types.ts';
import { sqliteWriteGateOf } from './raw-connection.ts';
import { openSqlite } from './sqlite-adapter.ts';
import type { WriteGate } from './write-gate.ts';

/** A promise and whether it has settled yet. */
function track<T>(promise: Promise<T>) {
  const tracked = { settled: false, promise };
  void promise.then(
    () => (tracked.settled = true),
    () => (tracked.settled = true),
  );
  return tracked;
}

/** Lets every pending callback and timer of the event loop run once or twice. */
const turns = async (n = 5) => {
  for (let i = 0; i < n; i++) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

describe('the SQLite write gate', () => {
  let dir: string;
  let adapter: DialectAdapter;
  let gate: WriteGate;
  let other: SQLite.Database;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sankofa-gate-'));
    const path = join(dir, 'gate.sqlite');
    adapter = openSqlite(path);
    gate = sqliteWriteGateOf(adapter.db)!;
    await sql`create table t (n integer not null)`.execute(adapter.db);
    // The "worker": its own connection, which fails at once rather than wait for a lock.
    other = new SQLite(path);
    other.pragma('busy_timeout = 0');
  });
  afterEach(async () => {
    other.close();
    await adapter.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const count = async () =>
    Number((await sql<{ n: number }>`select count(*) as n from t`.execute(adapter.db)).rows[0].n);

  it('lets reads through and holds writes until the holder commits', async () => {
    const release = await gate.hold();
    other.exec('begin immediate');
    other.prepare('insert into t values (1)').run();

    const statement = track(sql`insert into t values (2)`.execute(adapter.db));
    const returning = track(sql`insert into t values (3) returning n`.execute(adapter.db));
    const transaction = track(
      adapter.db.transaction().execute(async (trx) => {
        await sql`insert into t values (4)`.execute(trx);
      }),
    );
    await turns();
    // Reads answer (the holder's write is not committed yet); the writes still wait.
    expect(await count()).toBe(0);
    expect(await sql`select 1 as one`.execute(adapter.db)).toMatchObject({ rows: [{ one: 1 }] });
    expect([statement.settled, returning.settled, transaction.settled]).toEqual([
      false,
      false,
      false,
    ]);

    other.exec('commit');
    release();
    await Promise.all([statement.promise, returning.promise, transaction.promise]);
    expect(await count()).toBe(4);
    release(); // idempotent
    await sql`insert into t values (5)`.execute(adapter.db);
    expect(await count()).toBe(5);
  });

  it('waits for a transaction in flight before it closes', async () => {
    let finish!: () => void;
    const inside = new Promise<void>((resolve) => {
      finish = resolve;
    });
    let begun!: () => void;
    const started = new Promise<void>((resolve) => {
      begun = resolve;
    });
    const transaction = adapter.db.transaction().execute(async (trx) => {
      await sql`insert into t values (1)`.execute(trx);
      begun();
      await inside;
    });
    await started;
    const held = track(gate.hold());
    await turns();
    expect(held.settled).toBe(false);
    expect(gate.open).toBe(false);
    finish();
    await transaction;
    const release = await held.promise;
    // Now the holder may write: this process has nothing in flight.
    other.exec('begin immediate');
    other.prepare('insert into t values (2)').run();
    other.exec('commit');
    release();
    expect(await count()).toBe(2);
  });
});
