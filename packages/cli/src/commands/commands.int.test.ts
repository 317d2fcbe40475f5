/**
 * The `sankofa` command end to end on real databases (SQLite and PostgreSQL): in this process,
 * and through the real binary for help and failing commands.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestDatabase,
  testDialects,
  type TestDatabase,
} from '../../../server/src/testing/test-database.ts';
import { verifyPassword } from '../../../server/src/auth/password.ts';
import { runSankofa } from '../run-sankofa.test-support.ts';

const sankofa = (databaseUrl: string, ...args: string[]) => runSankofa(databaseUrl, args);

const COMMANDS = [
  'serve',
  'migrate',
  'demo',
  'user',
  'import',
  'export',
  'analyze',
  'metadata',
  'dhis2',
  'scan',
];

// The real binary (bin/sankofa.mjs through tsx), started for a few runs: seconds each on a busy
// machine. Every other run is in this process.
describe('the sankofa binary', { timeout: 120_000 }, () => {
  it('prints its help listing every command, and exits 0', async () => {
    const help = await runSankofa('sqlite::memory:', ['--help'], { process: true });
    expect(help.code, help.stderr).toBe(0);
    for (const command of COMMANDS) {
      expect(help.stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
    }
  });

  it('exits 1 saying what is wrong with a bad DATABASE_URL', async () => {
    const bad = await runSankofa('mysql://localhost/x', ['migrate'], { process: true });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('unsupported database URL "mysql://localhost/x"');
  });

  it('exits 2 on a bad command line of import', async () => {
    const usage = await runSankofa(
      'sqlite::memory:',
      ['import', 'values.json', '--format', 'xlsx'],
      { process: true },
    );
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/--format.*xlsx.*invalid/);
  });
});

describe.each(testDialects())('sankofa commands on %s', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(dialect, { migrate: false });
  });
  afterAll(() => database.drop());

  it('migrates, then reports the schema up to date', async () => {
    expect((await sankofa(database.url, 'migrate')).stdout).toMatch(/applied 0001-foundation/);
    expect((await sankofa(database.url, 'migrate')).stdout).toMatch(/schema is up to date/);
  });

  it('loads a scaled demo and prints the demo logins; refuses to load over data without --reset', async () => {
    const first = await sankofa(
      database.url,
      'demo',
      '--facilities',
      '8',
      '--months',
      '12',
      '--end-period',
      '202610',
    );
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/district\.manager@sankofa\.example\s+sankofa-district-2026/);
    expect(first.stderr).toMatch(
      /Loaded the demo country: \d+ org units, \d+ data values, 6 users/,
    );
    // The loaded data are scanned for signals, as an import's are.
    expect(first.stderr).toMatch(/Scanned \d+ series in [\d.]+ s: \d+ new/);
    const scans = () =>
      database.adapter.db
        .selectFrom('auditEvents')
        .select('actor')
        .where('entityType', '=', 'signal_scan')
        .execute();
    expect(await scans()).toEqual([{ actor: 'cli' }]);
    const again = await sankofa(database.url, 'demo', '--facilities', '8', '--months', '12');
    expect(again.code).not.toBe(0);
    expect(again.stderr).toMatch(/already holds org units: use --reset/);
    const reset = await sankofa(
      database.url,
      'demo',
      '--facilities',
      '6',
      '--months',
      '12',
      '--end-period',
      '202610',
      '--reset',
      '--no-scan',
    );
    expect(reset.code, reset.stderr).toBe(0);
    expect(reset.stderr).not.toMatch(/Scanned/);
    const facilities = await database.adapter.db
      .selectFrom('orgUnits')
      .select('id')
      .where('level', '=', 4)
      .execute();
    expect(facilities).toHaveLength(6);
  });

  it('adds a user by org-unit code with a working password, and names a bad flag', async () => {
    const district = await database.adapter.db
      .selectFrom('orgUnits')
      .select(['id', 'code'])
      .where('level', '=', 3)
      .executeTakeFirstOrThrow();
    const added = await sankofa(
      database.url,
      'user',
      'add',
      '--email',
      'Amina@MoH.example',
      '--role',
      'manager',
      '--org-unit',
      district.code!,
      '--password',
      'a-good-password',
    );
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toContain(`created amina@moh.example`);
    const user = await database.adapter.db
      .selectFrom('users')
      .select(['id', 'passwordHash'])
      .where('email', '=', 'amina@moh.example')
      .executeTakeFirstOrThrow();
    expect(await verifyPassword('a-good-password', user.passwordHash)).toBe(true);
    const roles = await database.adapter.db
      .selectFrom('userRoles')
      .selectAll()
      .where('userId', '=', user.id)
      .execute();
    expect(roles).toEqual([{ userId: user.id, role: 'manager', orgUnitId: district.id }]);

    const unknown = await sankofa(
      database.url,
      'user',
      'add',
      '--email',
      'x@moh.example',
      '--role',
      'viewer',
      '--org-unit',
      'NOPE',
    );
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('--org-unit NOPE: no org unit has this id or code');
    const badRole = await sankofa(
      database.url,
      'user',
      'add',
      '--email',
      'x@moh.example',
      '--role',
      'owner',
      '--org-unit',
      district.code!,
    );
    expect(badRole.code).not.toBe(0);
    expect(badRole.stderr).toMatch(/--role.*owner.*invalid|Allowed choices/i);
    const generated = await sankofa(
      database.url,
      'user',
      'add',
      '--email',
      'y@moh.example',
      '--role',
      'viewer',
      '--org-unit',
      district.id,
    );
    expect(generated.stdout).toMatch(/password: \S{10,}/);
  });

  it('says what is wrong with a bad DATABASE_URL', async () => {
    const bad = await sankofa('mysql://localhost/x', 'migrate');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('unsupported database URL "mysql://localhost/x"');
  });
});
