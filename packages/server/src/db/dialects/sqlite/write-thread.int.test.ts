/**
 * The SQLite writer thread: a second connection in a worker thread runs each batch of statements
 * as one transaction — all of it committed, or none of it when a statement fails — in the order
 * asked, behind the database's write gate, with foreign keys enforced; it ends cleanly. SQLite
 * files only (no PostgreSQL variant).
 */
import SQLite from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WriteGate } from './write-gate.ts';
import { SqliteWriteThread, WriteThreadEnded } from './write-thread.ts';

describe('the SQLite writer thread', () => {
  let dir: string;
  let connection: SQLite.Database;
  let gate: WriteGate;
  let thread: SqliteWriteThread;
  const count = () => connection.prepare('SELECT count(*) FROM item').pluck().get();
  const insert = 'INSERT INTO item (id, group_id, n) VALUES (?, ?, ?)';

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sankofa-write-thread-'));
    connection = new SQLite(join(dir, 'write.sqlite'));
    connection.pragma('journal_mode = WAL');
    connection.exec(`CREATE TABLE grp (id TEXT PRIMARY KEY);
      CREATE TABLE item (id TEXT PRIMARY KEY, group_id TEXT NOT NULL REFERENCES grp (id), n REAL);
      INSERT INTO grp VALUES ('g1'), ('g2');`);
    gate = new WriteGate();
    thread = (await SqliteWriteThread.start(connection, gate))!;
  });
  afterEach(async () => {
    await thread.close();
    connection.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('commits a batch of statements as one transaction, seen by the connection', async () => {
    const changes = await thread.transaction([
      { sql: insert, rows: Array.from({ length: 300 }, (_, i) => [`i${i}`, 'g1', i / 3]) },
      { sql: 'UPDATE item SET n = ? WHERE id = ?', rows: [[-1, 'i7']] },
    ]);
    expect(changes).toBe(301);
    expect(count()).toBe(300);
    expect(connection.prepare(`SELECT n FROM item WHERE id = 'i7'`).pluck().get()).toBe(-1);
    expect(connection.prepare(`SELECT n FROM item WHERE id = 'i8'`).pluck().get()).toBe(8 / 3);
  });

  it('rolls the whole batch back when a statement fails, names the failure, and goes on', async () => {
    await thread.transaction([{ sql: insert, rows: [['kept', 'g1', 1]] }]);
    const failing = thread.transaction([
      { sql: insert, rows: [['a', 'g1', 1]] },
      {
        sql: insert,
        rows: [
          ['b', 'g2', 2],
          ['kept', 'g2', 3],
        ],
      },
    ]);
    await expect(failing).rejects.toThrow(
      /SQLite writer thread: UNIQUE constraint failed: item.id/,
    );
    await expect(failing).rejects.not.toBeInstanceOf(WriteThreadEnded);
    // Foreign keys are enforced on the thread's connection, as on the main one.
    await expect(thread.transaction([{ sql: insert, rows: [['c', 'nope', 1]] }])).rejects.toThrow(
      /FOREIGN KEY constraint failed/,
    );
    expect(connection.prepare('SELECT id FROM item').pluck().all()).toEqual(['kept']);
    expect(await thread.transaction([{ sql: insert, rows: [['d', 'g2', 4]] }])).toBe(1);
    expect(count()).toBe(2);
  });

  it('runs transactions in the order asked', async () => {
    const asked = [
      thread.transaction([{ sql: insert, rows: [['x', 'g1', 1]] }]),
      thread.transaction([{ sql: 'UPDATE item SET n = n * 10 WHERE id = ?', rows: [['x']] }]),
      thread.transaction([{ sql: 'UPDATE item SET n = n + 1 WHERE id = ?', rows: [['x']] }]),
    ];
    expect(await Promise.all(asked)).toEqual([1, 1, 1]);
    expect(connection.prepare(`SELECT n FROM item WHERE id = 'x'`).pluck().get()).toBe(11);
  });

  it('waits behind the write gate, and holds it while it writes', async () => {
    // Another writer (an import worker) holds the gate: the transaction waits for it.
    const release = await gate.hold();
    let ended = false;
    const waiting = thread
      .transaction([{ sql: insert, rows: [['late', 'g1', 1]] }])
      .then(() => (ended = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(ended).toBe(false);
    expect(count()).toBe(0);
    release();
    await waiting;
    expect(count()).toBe(1);
    expect(gate.open).toBe(true);
    // While the thread writes, this process's writes wait at the gate.
    const writing = thread.transaction([
      { sql: insert, rows: Array.from({ length: 20_000 }, (_, i) => [`w${i}`, 'g2', i]) },
    ]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(gate.open).toBe(false);
    await writing;
    expect(gate.open).toBe(true);
    expect(count()).toBe(20_001);
  });

  it('ends the transactions asked before it closes, then refuses more', async () => {
    const asked = thread.transaction([{ sql: insert, rows: [['last', 'g1', 1]] }]);
    await thread.close();
    expect(await asked).toBe(1);
    expect(count()).toBe(1);
    await expect(thread.transaction([])).rejects.toBeInstanceOf(WriteThreadEnded);
    await thread.close();
  });

  it('does not start on a file that is gone, nor for an in-memory database', async () => {
    const other = new SQLite(join(dir, 'gone.sqlite'));
    rmSync(join(dir, 'gone.sqlite'));
    const memory = new SQLite(':memory:');
    try {
      expect(await SqliteWriteThread.start(other, gate)).toBeNull();
      expect(await SqliteWriteThread.start(memory, gate)).toBeNull();
    } finally {
      other.close();
      memory.close();
    }
  });
});
