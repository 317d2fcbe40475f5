/**
 * `sankofa scan` end to end on real databases, in this process: a scaled demo, a first scan that
 * stores signals (progress on stderr, the counts as JSON on stdout), a second that finds nothing
 * new, `--full` that recomputes without changing anything, and the text summary.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestDatabase,
  testDialects,
  type TestDatabase,
} from '../../../server/src/testing/test-database.ts';
import { runSankofa } from '../run-sankofa.test-support.ts';

const sankofa = (databaseUrl: string, ...args: string[]) => runSankofa(databaseUrl, args);
const SLOW = 120_000;

interface ScanJson {
  series: number;
  signals: { new: number; updated: number; unchanged: number; total: number };
  durationMs: number;
}

describe.each(testDialects())('sankofa scan on %s', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    const demo = await sankofa(
      database.url,
      'demo',
      '--facilities',
      '4',
      '--months',
      '12',
      '--end-period',
      '202610',
      // This test's own scans come first.
      '--no-scan',
    );
    expect(demo.code, demo.stderr).toBe(0);
  }, SLOW);
  afterAll(() => database.drop());

  it(
    'stores the signals, prints the counts as JSON, and finds nothing new the second time',
    async () => {
      const first = await sankofa(database.url, 'scan', '--json');
      expect(first.code, first.stderr).toBe(0);
      expect(first.stderr).toMatch(/^Scanned \d+ of \d+ series/m);
      const result = JSON.parse(first.stdout) as ScanJson;
      expect(Object.keys(result)).toEqual(['series', 'signals', 'durationMs']);
      expect(Object.keys(result.signals)).toEqual(['new', 'updated', 'unchanged', 'total']);
      const units = await database.adapter.db.selectFrom('orgUnits').select('id').execute();
      const indicators = await database.adapter.db.selectFrom('indicators').select('id').execute();
      expect(result.series).toBe(units.length * indicators.length);
      expect(result.signals.new).toBeGreaterThan(0);
      expect(result.signals.total).toBe(result.signals.new);
      const stored = await database.adapter.db.selectFrom('signals').select('id').execute();
      expect(stored).toHaveLength(result.signals.new);

      const second = JSON.parse((await sankofa(database.url, 'scan', '--json')).stdout) as ScanJson;
      expect(second.signals).toEqual({
        new: 0,
        updated: 0,
        unchanged: result.signals.total,
        total: result.signals.total,
      });

      const full = await sankofa(database.url, 'scan', '--full');
      expect(full.code, full.stderr).toBe(0);
      expect(full.stdout).toMatch(
        new RegExp(
          `^Scanned ${result.series} series in [\\d.]+ s: 0 new, 0 updated, ${result.signals.total} unchanged signal\\(s\\); ${result.signals.total} present\\n$`,
        ),
      );
      const audits = await database.adapter.db
        .selectFrom('auditEvents')
        .select(['actor', 'action'])
        .where('entityType', '=', 'signal_scan')
        .execute();
      expect(audits).toEqual(Array(3).fill({ actor: 'cli', action: 'scan' }));
    },
    SLOW,
  );
});
