/**
 * Real databases for tests: a throw-away SQLite file, and — when `SANKOFA_TEST_PG_URL` points
 * at a PostgreSQL server (as `npm test` arranges) — a fresh PostgreSQL database per test file.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, type DialectAdapter, type DialectName } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';

/** The dialects server tests run on: SQLite always, PostgreSQL when a server is provided. */
export function testDialects(): DialectName[] {
  return process.env.SANKOFA_TEST_PG_URL ? ['sqlite', 'postgres'] : ['sqlite'];
}

export interface TestDatabase {
  readonly adapter: DialectAdapter;
  /** The URL of this database, for code that opens its own connection (CLI commands). */
  readonly url: string;
  /** Closes connections and removes the database. */
  drop(): Promise<void>;
}

/** Creates an empty, migrated database of the given dialect. */
export async function createTestDatabase(
  dialect: DialectName,
  { migrate = true } = {},
): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'sankofa-test-'));
    const url = `sqlite:${join(dir, 'test.sqlite')}`;
    const adapter = openDatabase(url);
    if (migrate) {
      await migrateToLatest(adapter);
    }
    return {
      adapter,
      url,
      async drop() {
        await adapter.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const adminUrl = process.env.SANKOFA_TEST_PG_URL;
  if (adminUrl === undefined) {
    throw new Error('SANKOFA_TEST_PG_URL is not set: no PostgreSQL server for tests');
  }
  const name = `sankofa_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const adapter = openDatabase(url.toString());
  if (migrate) {
    await migrateToLatest(adapter);
  }
  return {
    adapter,
    url: url.toString(),
    async drop() {
      await adapter.close();
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      // The pool's close returns once every client has been asked to end, before each server
      // process has gone: a FORCE drop then would terminate a connection that is still ending,
      // whose client reports it as an unhandled error. Wait (briefly) for them to go first.
      for (let waited = 0; waited < 5_000; waited += 20) {
        const open = await client.query<{ n: string }>(
          'SELECT count(*) AS n FROM pg_stat_activity WHERE datname = $1',
          [name],
        );
        if (Number(open.rows[0]?.n ?? 0) === 0) {
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
