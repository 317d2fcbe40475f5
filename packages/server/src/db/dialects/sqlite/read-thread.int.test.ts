/**
 * The SQLite reader thread: a read-only second connection in a worker thread answers with the
 * same rows as the main connection, sees what the main connection has committed, refuses writes
 * and bad statements without dying, and ends cleanly. SQLite files only (no PostgreSQL variant).
 */
import SQLite from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ReadThreadEnded, SqliteReadThread } from './read-thread.ts';

describe('the SQLite reader thread', () => {
  let dir: string;
  let connection: SQLite.Database;
  let thread: SqliteReadThread;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sankofa-read-thread-'));
    connection = new SQLite(join(dir, 'read.sqlite'));
    connection.pragma('journal_mode = WAL');
    connection.exec(`CREATE TABLE t (id TEXT PRIMARY KEY, n REAL, k INTEGER, note TEXT)`);
    const insert = connection.prepare('INSERT INTO t VALUES (?, ?, ?, ?)');
    for (let i = 0; i < 500; i++) {
      insert.run(`u${i}`, i / 7, i * 1_000_003, i % 3 === 0 ? null : `note ${i}`);
    }
    thread = SqliteReadThread.start(connection)!;
  });
  afterEach(async () => {
    await thread.close();
    connection.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const grouped = `SELECT k % 5, json_group_array(id), json_group_array(n), sum(n), count(note)
    FROM t WHERE id IN (SELECT value FROM json_each(?)) GROUP BY k % 5 ORDER BY 1`;

  it('answers with the rows the connection gives, in the order asked', async () => {
    const ids = JSON.stringify(Array.from({ length: 300 }, (_, i) => `u${i * 2}`));
    const own = connection.prepare(grouped).raw().all(ids);
    const [first, second, third] = await Promise.all([
      thread.all(grouped, [ids]),
      thread.all('SELECT * FROM t WHERE id = ?', ['u7']),
      thread.all(grouped, [ids]),
    ]);
    expect(own).toHaveLength(5);
    expect(first).toEqual(own);
    expect(third).toEqual(own);
    expect(second).toEqual([['u7', 1, 7_000_021, 'note 7']]);
  });

  it('sees what the connection committed, not what it has not', async () => {
    connection.prepare('INSERT INTO t VALUES (?, ?, ?, ?)').run('late', 1.5, 1, null);
    expect(await thread.all('SELECT n FROM t WHERE id = ?', ['late'])).toEqual([[1.5]]);
    connection.exec('BEGIN');
    connection.exec(`UPDATE t SET n = 99 WHERE id = 'late'`);
    expect(await thread.all('SELECT n FROM t WHERE id = ?', ['late'])).toEqual([[1.5]]);
    connection.exec('COMMIT');
    expect(await thread.all('SELECT n FROM t WHERE id = ?', ['late'])).toEqual([[99]]);
  });

  it('refuses writes and bad statements, naming the error, and goes on answering', async () => {
    await expect(thread.all(`DELETE FROM t`, [])).rejects.toThrow(/reads only/);
    // A statement that returns rows and writes: refused by the read-only connection.
    await expect(thread.all(`DELETE FROM t RETURNING id`, [])).rejects.toThrow(/readonly/i);
    expect(connection.prepare('SELECT count(*) FROM t').pluck().get()).toBe(500);
    await expect(thread.all('SELECT nope FROM t', [])).rejects.toThrow(
      /SQLite reader thread: no such column: nope/,
    );
    await expect(thread.all('SELECT nope FROM t', [])).rejects.not.toBeInstanceOf(ReadThreadEnded);
    expect(await thread.all('SELECT count(*) FROM t', [])).toEqual([[500]]);
    expect(thread.answered).toBe(1);
  });

  it('answers the reads already asked before it closes, then refuses more', async () => {
    const asked = thread.all('SELECT count(*) FROM t', []);
    await thread.close();
    expect(await asked).toEqual([[500]]);
    await expect(thread.all('SELECT 1', [])).rejects.toThrow(/closed/);
    await expect(thread.all('SELECT 1', [])).rejects.toBeInstanceOf(ReadThreadEnded);
    await thread.close();
  });

  it('parses JSON arrays on the thread: numbers as Float64Arrays, id lists sent once', async () => {
    const byGroup = `SELECT k % 3, json_group_array(id), json_group_array(n), json_group_array(k)
      FROM (SELECT * FROM t WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id)
      GROUP BY k % 3 ORDER BY 1`;
    const ids = JSON.stringify(Array.from({ length: 90 }, (_, i) => `u${i}`));
    const own = connection.prepare(byGroup).raw().all(ids) as [number, string, string, string][];
    const decode = [
      [1, 'ids'],
      [2, 'numbers'],
      [3, 'numbers'],
    ] as const;
    const first = await thread.allDecoded(byGroup, [ids], decode);
    const second = await thread.allDecoded(byGroup, [ids], decode);
    expect(first).toHaveLength(3);
    for (const [i, row] of first.entries()) {
      expect(row[0]).toBe(own[i][0]);
      expect(row[1]).toEqual(JSON.parse(own[i][1]));
      expect(row[2]).toBeInstanceOf(Float64Array);
      expect(Array.from(row[2] as Float64Array)).toEqual(JSON.parse(own[i][2]));
      expect(Array.from(row[3] as Float64Array)).toEqual(JSON.parse(own[i][3]));
      // The same list of ids is one array, whichever read listed it.
      expect(second[i][1]).toBe(row[1]);
    }
  });

  it('sends each id list whole once the thread has seen 4,096 different ones', async () => {
    const lists = `WITH RECURSIVE s(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM s WHERE i < ?)
      SELECT i, json_array('a' || i, 'b') FROM s`;
    const rows = await thread.allDecoded(lists, [4_199], [[1, 'ids']]);
    expect(rows).toHaveLength(4_200);
    expect(rows.map((r) => r[1])).toEqual(Array.from({ length: 4_200 }, (_, i) => [`a${i}`, 'b']));
    // Known lists still come by number, new ones whole.
    const again = await thread.allDecoded(lists, [4_199], [[1, 'ids']]);
    expect(again[10][1]).toBe(rows[10][1]);
    expect(again[4_150][1]).toEqual(rows[4_150][1]);
  });

  it('refuses every read as ended when its connection cannot open', async () => {
    // The file is gone (the main connection keeps its open handle): the thread fails to start.
    const other = new SQLite(join(dir, 'gone.sqlite'));
    rmSync(join(dir, 'gone.sqlite'));
    const failed = SqliteReadThread.start(other)!;
    try {
      await expect(failed.all('SELECT 1', [])).rejects.toBeInstanceOf(ReadThreadEnded);
      await expect(failed.all('SELECT 1', [])).rejects.toBeInstanceOf(ReadThreadEnded);
    } finally {
      await failed.close();
      other.close();
    }
  });

  it('is not started for an in-memory database', () => {
    const memory = new SQLite(':memory:');
    try {
      expect(SqliteReadThread.start(memory)).toBeNull();
    } finally {
      memory.close();
    }
  });
});
