/**
 * Signal scan (issue #5): a full scan of every indicator × org unit series of a demo country
 * (`--facilities`, default 60; 36 monthly points each) on SQLite (or `--database URL`), then a
 * second scan of the same data, which the series fingerprints make incremental. Prints series,
 * signals, seconds and milliseconds per series, and the time 20,000 series would take at that
 * rate. Targets (issue #5): a full scan of 20,000 series under 5 s; incremental under 1 s.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  generateDemoCountry,
  loadDemoCountry,
  migrateToLatest,
  openDatabase,
} from '@sankofa/server';
import { scanSignals } from '../packages/server/src/services/signal-scan/index.ts';
import type { BenchOptions } from './bench-support.ts';

export async function run(options: BenchOptions): Promise<void> {
  const facilities = options.facilities ?? 60;
  const dir = mkdtempSync(join(tmpdir(), 'sankofa-bench-scan-'));
  const adapter = openDatabase(options.database ?? `sqlite:${join(dir, 'bench.sqlite')}`);
  try {
    await migrateToLatest(adapter);
    const country = generateDemoCountry({ seed: 1, facilities, months: 36, endPeriod: '202610' });
    await loadDemoCountry(adapter, country);
    for (const label of ['full scan', 'second scan, nothing changed']) {
      const result = await scanSignals(adapter.db, {});
      const perSeries = result.durationMs / Math.max(1, result.series);
      console.log(
        `scan (${adapter.name}) ${label}: ${result.series} series in ${(result.durationMs / 1000).toFixed(2)} s (${perSeries.toFixed(1)} ms/series; 20,000 series ≈ ${((perSeries * 20_000) / 1000).toFixed(0)} s), signals ${JSON.stringify(result.signals)}`,
      );
    }
  } finally {
    await adapter.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
