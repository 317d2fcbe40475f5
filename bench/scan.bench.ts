/**
 * Signal scan (issue #5): a generated demo country (`--facilities`, default 1,200: 16 indicators
 * × 1,280 org units = 20,480 series of 36 monthly points) on SQLite (or `--database URL`):
 *
 * 1. a full scan;
 * 2. a second scan of the same data (the change token skips every series);
 * 3. one more month of data for every facility (a copy of the last month, stamped now), then an
 *    incremental scan: the window moves, so every series has a new fingerprint and is recomputed.
 *
 * Prints series, signals, seconds and milliseconds per series. Targets (issue #5): the full scan
 * under 5 s, the incremental scan under 1 s.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parsePeriodId } from '@sankofa/core';
import {
  generateDemoCountry,
  loadDemoCountry,
  migrateToLatest,
  openDatabase,
} from '@sankofa/server';
import { sql } from 'kysely';
import { scanSignals } from '../packages/server/src/services/signal-scan/index.ts';
import { ensurePeriods } from '../packages/server/src/services/write-data-value.ts';
import type { BenchOptions } from './bench-support.ts';

/**
 * Generates and loads the demo country. In its own function so that the generated country (a
 * million data values as objects) is garbage by the time the scans run, as the data of an import
 * is in the server: kept alive, it made every major collection during the scans trace it.
 */
async function loadCountry(adapter: ReturnType<typeof openDatabase>, facilities: number) {
  const country = generateDemoCountry({ seed: 1, facilities, months: 36, endPeriod: '202610' });
  const loadStarted = performance.now();
  await loadDemoCountry(adapter, country);
  console.log(
    `demo country: ${facilities} facilities, ${country.orgUnits.length} org units, ${country.indicators.length} indicators, 36 months (loaded in ${((performance.now() - loadStarted) / 1000).toFixed(1)} s)`,
  );
}

export async function run(options: BenchOptions): Promise<void> {
  const facilities = options.facilities ?? 1200;
  const dir = mkdtempSync(join(tmpdir(), 'sankofa-bench-scan-'));
  const adapter = openDatabase(options.database ?? `sqlite:${join(dir, 'bench.sqlite')}`);
  try {
    await migrateToLatest(adapter);
    await loadCountry(adapter, facilities);
    const scan = async (label: string) => {
      const result = await scanSignals(adapter.db, {});
      const perSeries = result.durationMs / Math.max(1, result.series);
      console.log(
        `scan (${adapter.name}) ${label}: ${result.series} series in ${(result.durationMs / 1000).toFixed(2)} s (${perSeries.toFixed(2)} ms/series), signals ${JSON.stringify(result.signals)}`,
      );
    };
    await scan('full scan');
    await scan('second scan, nothing changed');

    await ensurePeriods(adapter.db, [parsePeriodId('202611')]);
    const now = new Date().toISOString();
    await sql`
      INSERT INTO data_values (data_element_id, period_id, org_unit_id, category_option_combo_id,
        attribute_option_combo_id, value, numeric_value, stored_by, created_at, last_updated,
        comment, follow_up, deleted)
      SELECT data_element_id, '202611', org_unit_id, category_option_combo_id,
        attribute_option_combo_id, value, numeric_value, 'bench', ${now}, ${now}, NULL, 0, 0
      FROM data_values WHERE period_id = '202610' AND deleted = 0`.execute(adapter.db);
    await scan('incremental, one more month');
  } finally {
    await adapter.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
