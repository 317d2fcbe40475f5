/** Demo load and indicator series queries on SQLite (or `--database URL`). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parsePeriodId, periodRange } from '@sankofa/core';
import {
  generateDemoCountry,
  loadDemoCountry,
  migrateToLatest,
  openDatabase,
} from '@sankofa/server';
import { querySeries } from '../packages/server/src/services/query-series.ts';
import { percentile, type BenchOptions } from './bench-support.ts';

export async function run(options: BenchOptions): Promise<void> {
  const facilities = options.facilities ?? 250;
  const dir = mkdtempSync(join(tmpdir(), 'sankofa-bench-'));
  const adapter = openDatabase(options.database ?? `sqlite:${join(dir, 'bench.sqlite')}`);
  try {
    await migrateToLatest(adapter);
    const t0 = performance.now();
    const country = generateDemoCountry({ seed: 1, facilities, months: 36, endPeriod: '202610' });
    const result = await loadDemoCountry(adapter, country);
    const seconds = (performance.now() - t0) / 1000;
    console.log(
      `demo load (${adapter.name}): ${facilities} facilities, ${result.dataValues} values in ${seconds.toFixed(1)} s (${Math.round(result.dataValues / seconds)} values/s)`,
    );
    const periods = periodRange(parsePeriodId('202311'), parsePeriodId('202610'));
    const timings: number[] = [];
    for (const unit of country.orgUnits.filter((u) => u.level <= 3)) {
      for (const indicator of country.indicators) {
        const started = performance.now();
        await querySeries(adapter.db, {
          subject: {
            kind: 'indicator',
            numerator: indicator.numerator,
            denominator: indicator.denominator,
            factor: 100,
            annualized: indicator.annualized,
          },
          orgUnitId: unit.id,
          periods,
        });
        timings.push(performance.now() - started);
      }
    }
    timings.sort((a, b) => a - b);
    console.log(
      `indicator series, 36 months, ${timings.length} queries (country, regions, districts): p50 ${percentile(timings, 50).toFixed(1)} ms, p95 ${percentile(timings, 95).toFixed(1)} ms`,
    );
  } finally {
    await adapter.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
