/**
 * An export of 100,000 values streams: the heap that survives a garbage collection stays flat
 * while the text goes out, instead of growing with the values written so far.
 */
import { parsePeriodId } from '@sankofa/core';
import { sql } from 'kysely';
import { Writable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE as F, seedFixtureCountry } from '../../testing/fixture-country.ts';
import {
  createTestDatabase,
  testDialects,
  type TestDatabase,
} from '../../testing/test-database.ts';
import { ensurePeriods } from '../write-data-value.ts';
import { exportDataValues } from './index.ts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const MB = 1024 * 1024;
const DAYS = 2500; // × 4 data elements × 10 org units = 100,000 values

// Generous timeout: seconds on an idle machine, much more on a busy one.
describe.each(testDialects())('a 100,000-value export on %s', { timeout: 180_000 }, (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    const db = database.adapter.db;
    await seedFixtureCountry(db);
    const days = Array.from({ length: DAYS }, (_, i) =>
      parsePeriodId(
        new Date(Date.UTC(2015, 0, 1 + i)).toISOString().slice(0, 10).replace(/-/g, ''),
      ),
    );
    for (let i = 0; i < days.length; i += 500) {
      await ensurePeriods(db, days.slice(i, i + 500));
    }
    await sql`
      INSERT INTO data_values (data_element_id, period_id, org_unit_id, category_option_combo_id,
        attribute_option_combo_id, value, numeric_value, stored_by, created_at, last_updated,
        comment, follow_up, deleted)
      SELECT de.id, p.id, ou.id, ${F.defaultCombo}, ${F.defaultCombo}, '17', 17, 'bench',
        '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z', 'a comment to weigh the row', 0, 0
      FROM data_elements de CROSS JOIN org_units ou CROSS JOIN periods p
      WHERE p.period_type = 'Daily'`.execute(db);
  });
  afterAll(() => database.drop());

  it('keeps the retained heap flat while streaming DHIS2 JSON', async () => {
    let bytes = 0;
    let chunks = 0;
    const retained: number[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        chunks++;
        if (chunks % 40 === 0) {
          gc();
          retained.push(process.memoryUsage().heapUsed);
        }
        done();
      },
    });
    gc();
    const baseline = process.memoryUsage().heapUsed;
    const started = performance.now();
    const stats = await exportDataValues(
      database.adapter.db,
      { dataElement: [F.anc1, F.anc4, F.opd, F.staff], orgUnit: [F.country], children: true },
      sink,
      { format: 'dhis2-json' },
    );
    const seconds = (performance.now() - started) / 1000;
    expect(stats.values).toBe(100_000 + 27);
    // ~30 MB of text goes out; holding it (or the values) would retain at least as much.
    expect(bytes).toBeGreaterThan(25 * MB);
    expect(retained.length).toBeGreaterThan(5);
    const growth = Math.max(...retained) - baseline;
    console.log(
      `${dialect}: ${stats.values} values, ${(bytes / MB).toFixed(1)} MB in ${seconds.toFixed(1)} s; ` +
        `retained heap growth at most ${(growth / MB).toFixed(1)} MB`,
    );
    expect(growth).toBeLessThan(8 * MB);
  });
});
