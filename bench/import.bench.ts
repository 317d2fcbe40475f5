/**
 * Data value import: 1,000,000 values from an in-memory reader into SQLite (or `--database
 * URL`) holding the demo country's metadata (`--facilities`, default 250). `--scale 0.1` imports
 * 100,000. Prints values/s for a first import (all new) and a second identical one (all unchanged).
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
import { importDataValues } from '../packages/server/src/services/data-value-import/index.ts';
import {
  memoryReader,
  type MemoryValue,
} from '../packages/server/src/services/data-value-import/memory-reader.test-support.ts';
import type { BenchOptions } from './bench-support.ts';

export async function run(options: BenchOptions): Promise<void> {
  const facilities = options.facilities ?? 250;
  const total = Math.round(1_000_000 * (options.scale ?? 1));
  const dir = mkdtempSync(join(tmpdir(), 'sankofa-bench-'));
  const adapter = openDatabase(options.database ?? `sqlite:${join(dir, 'bench.sqlite')}`);
  try {
    await migrateToLatest(adapter);
    const country = generateDemoCountry({ seed: 1, facilities, months: 12, endPeriod: '202001' });
    await loadDemoCountry(adapter, country);
    const defaults = new Set(
      country.categoryCombos.filter((c) => c.options.length === 1).map((c) => c.id),
    );
    const elements = country.dataElements.filter((d) => defaults.has(d.categoryComboId));
    const units = country.orgUnits.filter((u) => u.level === 4);
    function* values(): Iterable<MemoryValue> {
      let n = 0;
      for (let month = 0; ; month++) {
        const period = `${1980 + Math.floor(month / 12)}${String((month % 12) + 1).padStart(2, '0')}`;
        for (const unit of units) {
          for (const element of elements) {
            if (n >= total) {
              return;
            }
            n += 1;
            yield {
              row: n,
              dataElement: element.id,
              period,
              orgUnit: unit.id,
              value: String(n % 97),
            };
          }
        }
      }
    }
    for (const label of ['first import (all new)', 'second import (all unchanged)']) {
      const started = performance.now();
      const cpu0 = process.cpuUsage();
      const summary = await importDataValues(adapter.db, memoryReader(values), {
        actor: { userId: null, actor: 'bench' },
        writableOrgUnitPaths: null,
      });
      const seconds = (performance.now() - started) / 1000;
      const cpu = process.cpuUsage(cpu0);
      const rss = Math.round(process.memoryUsage().rss / 1e6);
      console.log(
        `import (${adapter.name}) ${label}: ${total} values in ${seconds.toFixed(1)} s (${Math.round(total / seconds)} values/s), ${summary.status} ${JSON.stringify(summary.importCount)}, rss ${rss} MB, cpu user ${(cpu.user / 1e6).toFixed(1)} s system ${(cpu.system / 1e6).toFixed(1)} s`,
      );
    }
  } finally {
    await adapter.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
