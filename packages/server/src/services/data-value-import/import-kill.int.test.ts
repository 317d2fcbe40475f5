import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { seedFixtureCountry } from '../../testing/fixture-country.ts';
import {
  createTestDatabase,
  testDialects,
  type TestDatabase,
} from '../../testing/test-database.ts';
import { dumpImportTables } from './dump.test-support.ts';

const CHILD = fileURLToPath(new URL('kill-child.test-support.ts', import.meta.url));
const REPO = fileURLToPath(new URL('../../../../../', import.meta.url));

/** Runs the child import and SIGKILLs it once it reports `killAt` rows read (≥ 2 chunks merged). */
function importAndKill(
  url: string,
  count: number,
  killAt: number,
): Promise<{ lastRows: number; finished: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, url, String(count)], {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let lastRows = 0;
    let finished = false;
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.stdout.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) {
        if (line.startsWith('done')) {
          finished = true;
        }
        const m = /^rows (\d+)$/.exec(line);
        if (m !== null) {
          lastRows = Number(m[1]);
          if (lastRows >= killAt && child.exitCode === null) {
            child.kill('SIGKILL');
          }
        }
      }
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL' && !finished) {
        reject(new Error(`child exited with ${code}: ${stderr}`));
      } else {
        resolve({ lastRows, finished });
      }
    });
  });
}

describe.each(testDialects())('an import killed part-way on %s', (dialect) => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.drop();
    database = undefined;
  });

  it(
    'leaves no value of that import behind (kill -9 after several chunks were merged)',
    { timeout: 120_000 },
    async () => {
      database = await createTestDatabase(dialect);
      const db = database.adapter.db;
      await seedFixtureCountry(db);
      const before = await dumpImportTables(db);
      const { lastRows, finished } = await importAndKill(database.url, 200_000, 30_000);
      expect(finished).toBe(false);
      expect(lastRows).toBeGreaterThanOrEqual(30_000);
      const left = await db
        .selectFrom('dataValues')
        .select('periodId')
        .where('storedBy', '=', 'kill-test')
        .execute();
      expect(left).toEqual([]);
      expect(await dumpImportTables(db)).toBe(before);
    },
  );
});
