/**
 * `npm run bench`: measures what DESIGN §7 sets targets for, on this machine. Never run by tests.
 * Options: `--facilities N` (default 250), `--database URL` (default a temporary SQLite file).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parsePeriodId, periodRange } from '@sankofa/core';
import {
  generateDemoCountry,
  loadDemoCountry,
  migrateToLatest,
  openDatabase,
} from '@sankofa/server';
import { querySeries } from '../packages/server/src/services/query-series.ts';

const { values } = parseArgs({
  options: { facilities: { type: 'string', default: '250' }, database: { type: 'string' } },
});
const facilities = Number(values.facilities);
const dir = mkdtempSync(join(tmpdir(), 'sankofa-bench-'));
const adapter = openDatabase(values.database ?? `sqlite:${join(dir, 'bench.sqlite')}`);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

try {
  await migrateToLatest(adapter);
  const t0 = performance.now();
  const country = generateDemoCountry({ seed: 1, facilities, months: 36, endPeriod: '202610' });
  const result = await loadDemoCountry(adapter, country);
  const loadSeconds = (performance.now() - t0) / 1000;
  console.log(
    `demo load (${adapter.description}): ${facilities} facilities, ${result.dataValues} values in ${loadSeconds.toFixed(1)} s (${Math.round(result.dataValues / loadSeconds)} values/s)`,
  );

  const periods = periodRange(parsePeriodId('202311'), parsePeriodId('202610'));
  const units = country.orgUnits.filter((u) => u.level <= 3);
  const timings: number[] = [];
  for (const unit of units) {
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
    `indicator series, 36 months, ${timings.length} queries over country/region/district: p50 ${percentile(timings, 50).toFixed(1)} ms, p95 ${percentile(timings, 95).toFixed(1)} ms, max ${timings[timings.length - 1].toFixed(1)} ms`,
  );
} finally {
  await adapter.close();
  rmSync(dir, { recursive: true, force: true });
}
