/**
 * A SQLite connection's reader and writer threads are kept between the scans that ask for them:
 * the same threads come back while they run, a new one replaces a thread that has ended, and the
 * adapter's close ends them. SQLite files only (no PostgreSQL variant).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DialectAdapter } from '../types.ts';
import {
  closeConnectionThreads,
  sharedReadThread,
  sharedWriteThread,
} from './connection-threads.ts';
import { sqliteConnectionOf, sqliteWriteGateOf } from './raw-connection.ts';
import { openSqlite } from './sqlite-adapter.ts';

describe("a SQLite connection's shared threads", () => {
  let dir: string;
  let adapter: DialectAdapter;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sankofa-connection-threads-'));
    adapter = openSqlite(join(dir, 'threads.sqlite'));
    const connection = sqliteConnectionOf(adapter.db)!;
    connection.exec(`CREATE TABLE t (id TEXT PRIMARY KEY, n REAL); INSERT INTO t VALUES ('a', 1);`);
  });
  afterEach(async () => {
    await adapter.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const connection = () => sqliteConnectionOf(adapter.db)!;
  const gate = () => sqliteWriteGateOf(adapter.db)!;

  it('gives the same reader and writer while they run, and they still work', async () => {
    const read = sharedReadThread(connection());
    const write = await sharedWriteThread(connection(), gate());
    expect(read).not.toBeNull();
    expect(write).not.toBeNull();
    expect(sharedReadThread(connection())).toBe(read);
    expect(await sharedWriteThread(connection(), gate())).toBe(write);
    expect(
      await write!.transaction([{ sql: 'INSERT INTO t VALUES (?, ?)', rows: [['b', 2]] }]),
    ).toBe(1);
    expect(await read!.all('SELECT id, n FROM t ORDER BY id', [])).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
  });

  it('starts a new thread in place of one that has ended', async () => {
    const read = sharedReadThread(connection())!;
    const write = (await sharedWriteThread(connection(), gate()))!;
    await read.close();
    await write.close();
    expect(read.ended).toBe(true);
    expect(write.ended).toBe(true);
    const newRead = sharedReadThread(connection());
    const newWrite = await sharedWriteThread(connection(), gate());
    expect(newRead).not.toBe(read);
    expect(newWrite).not.toBe(write);
    expect(await newRead!.all('SELECT count(*) FROM t', [])).toEqual([[1]]);
    expect(await newWrite!.transaction([{ sql: 'DELETE FROM t', rows: [[]] }])).toBe(1);
  });

  it("ends with the adapter's close, and closing twice is harmless", async () => {
    const read = sharedReadThread(connection())!;
    const write = (await sharedWriteThread(connection(), gate()))!;
    await closeConnectionThreads(connection());
    expect(read.ended).toBe(true);
    expect(write.ended).toBe(true);
    const again = sharedReadThread(connection())!;
    const writeAgain = (await sharedWriteThread(connection(), gate()))!;
    await adapter.close();
    expect(again.ended).toBe(true);
    expect(writeAgain.ended).toBe(true);
    await closeConnectionThreads(connection());
    // afterEach closes the adapter once more.
    adapter = { ...adapter, close: () => Promise.resolve() };
  });

  it('has no threads for an in-memory database', async () => {
    const memory = openSqlite(':memory:');
    try {
      const c = sqliteConnectionOf(memory.db)!;
      expect(sharedReadThread(c)).toBeNull();
      expect(await sharedWriteThread(c, sqliteWriteGateOf(memory.db)!)).toBeNull();
    } finally {
      await memory.close();
    }
  });
});
