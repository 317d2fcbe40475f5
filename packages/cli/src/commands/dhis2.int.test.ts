/**
 * `sankofa dhis2 pull` end to end against the recorded DHIS2, on real databases: the first pull
 * (progress on stderr, report on stdout) through the real binary, the rest in this process.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PullReport } from '../../../server/src/services/dhis2-pull/index.ts';
import {
  RECORDED_SERVER_DATE,
  RECORDED_TOKEN,
  startRecordedDhis2,
  type RecordedDhis2,
} from '../../../server/src/testing/dhis2-recorded/recorded-dhis2.ts';
import {
  createTestDatabase,
  testDialects,
  type TestDatabase,
} from '../../../server/src/testing/test-database.ts';
import { runSankofa } from '../run-sankofa.test-support.ts';

const FAST = ['--retries', '2', '--retry-delay', '5'];
/** The binary starts a Node process that compiles the sources: allow for a busy machine. */
const SLOW = 180_000;

/** Runs without a DHIS2 token from the caller's environment, so tests choose credentials. */
const run = (databaseUrl: string, args: string[], options: { process?: boolean }) => {
  const { SANKOFA_DHIS2_TOKEN: _token, ...env } = process.env;
  return runSankofa(databaseUrl, args, { env, ...options });
};
const sankofa = (databaseUrl: string, ...args: string[]) => run(databaseUrl, args, {});
/** The same through bin/sankofa.mjs in a child process. */
const sankofaProcess = (databaseUrl: string, ...args: string[]) =>
  run(databaseUrl, args, { process: true });

describe.each(testDialects())('sankofa dhis2 pull on %s', (dialect) => {
  let database: TestDatabase;
  let dhis2: RecordedDhis2;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    dhis2 = await startRecordedDhis2();
  });
  afterAll(async () => {
    await dhis2.close();
    await database.drop();
  });
  const values = async () =>
    (await database.adapter.db.selectFrom('dataValues').select('deleted').execute()).length;

  it(
    'pulls everything the first time, with progress on stderr and a report on stdout (the binary)',
    async () => {
      const result = await sankofaProcess(
        database.url,
        'dhis2',
        'pull',
        '--url',
        dhis2.url,
        '--token',
        RECORDED_TOKEN,
        ...FAST,
      );
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toMatch(/^Connecting to DHIS2 at http:\/\/127\.0\.0\.1:\d+$/m);
      expect(result.stderr).toMatch(/^DHIS2 2\.40\.3, server time 2026-11-20T10:15:30\.123$/m);
      expect(result.stderr).toMatch(
        /^\[2\/3\] Malaria monthly \(QX4ZTUbOt3a\) under ImspTQPwCqd: 8 value\(s\): 8 imported, 0 updated, 0 deleted, 0 ignored$/m,
      );
      expect(result.stdout).toMatch(/: done \(full pull\) in [\d.]+ s, run 1$/m);
      expect(result.stdout).toMatch(
        /^pBOMPrpg1QX\s+Mortality < 5 years\s+ImspTQPwCqd\s+done\s+12\s+12\s+0\s+0\s+0\s+0$/m,
      );
      expect(result.stdout).toMatch(
        /^Data values: 26 imported, 0 updated, 0 deleted, 0 ignored, 0 conflict\(s\)$/m,
      );
      expect(result.stdout).toMatch(
        `Next pull asks DHIS2 for changes after ${RECORDED_SERVER_DATE}.`,
      );
      expect(`${result.stdout}${result.stderr}`).not.toContain(RECORDED_TOKEN);
      expect(await values()).toBe(26);
    },
    SLOW,
  );

  it(
    'pulls only the changes next time with the saved connection, and prints JSON with --json',
    async () => {
      dhis2.serverDate = '2026-11-27T08:00:00.000';
      dhis2.requests.length = 0;
      const result = await sankofa(database.url, 'dhis2', 'pull', '--json', ...FAST);
      expect(result.code, result.stderr).toBe(0);
      const report = JSON.parse(result.stdout) as PullReport;
      expect(report).toMatchObject({
        status: 'done',
        mode: 'incremental',
        since: RECORDED_SERVER_DATE,
        totals: { imported: 2, updated: 1, deleted: 1, ignored: 0, conflicts: 0 },
      });
      expect(dhis2.requests.every((r) => r.authorization === `ApiToken ${RECORDED_TOKEN}`)).toBe(
        true,
      );
    },
    SLOW,
  );

  it(
    'exits 1 when a chunk fails for good, and --resume pulls only the rest',
    async () => {
      dhis2.fail({
        path: '/api/dataValueSets.json',
        when: (p) => p.get('dataSet') === 'pBOMPrpg1QX',
        status: 503,
        times: Infinity,
      });
      const failed = await sankofa(database.url, 'dhis2', 'pull', '--full', ...FAST);
      expect(failed.code).toBe(1);
      expect(failed.stderr).toMatch(/503 .*; attempt 2 of 2 in/);
      expect(failed.stdout).toMatch(/: FAILED \(full pull\)/);
      expect(failed.stdout).toMatch(
        /^pBOMPrpg1QX\s+Mortality < 5 years\s+ImspTQPwCqd\s+failed\s+0/m,
      );
      expect(failed.stdout).toMatch(/Run the same command with --resume/);

      dhis2.clearFaults();
      dhis2.requests.length = 0;
      const resumed = await sankofa(database.url, 'dhis2', 'pull', '--resume', ...FAST);
      expect(resumed.code, resumed.stderr).toBe(0);
      expect(resumed.stderr).toMatch(/^Resuming run 3$/m);
      expect(resumed.stdout).toMatch(/: done \(full pull, resumed\)/);
      expect(
        dhis2.requestsTo('/api/dataValueSets.json').map((r) => r.params.get('dataSet')),
      ).toEqual(['pBOMPrpg1QX']);
    },
    SLOW,
  );

  it(
    'exits 1 naming the problem when DHIS2 refuses the token',
    async () => {
      const result = await sankofa(
        database.url,
        'dhis2',
        'pull',
        '--url',
        dhis2.url,
        '--token',
        'd2pat_not_valid',
        ...FAST,
      );
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(
        /^sankofa: DHIS2 at http:\/\/127\.0\.0\.1:\d+ refused the credentials \(401 Unauthorized\)/m,
      );
      expect(result.stderr).not.toContain('d2pat_not_valid');
    },
    SLOW,
  );

  it(
    'takes the token from SANKOFA_DHIS2_TOKEN in its environment when --token is not given',
    async () => {
      dhis2.requests.length = 0;
      const result = await runSankofa(
        database.url,
        ['dhis2', 'pull', '--url', dhis2.url, '--name', 'from-env', '--json', ...FAST],
        { env: { ...process.env, SANKOFA_DHIS2_TOKEN: RECORDED_TOKEN } },
      );
      expect(result.code, result.stderr).toBe(0);
      expect((JSON.parse(result.stdout) as PullReport).status).toBe('done');
      expect(dhis2.requests.length).toBeGreaterThan(0);
      expect(dhis2.requests.every((r) => r.authorization === `ApiToken ${RECORDED_TOKEN}`)).toBe(
        true,
      );
    },
    SLOW,
  );
});
