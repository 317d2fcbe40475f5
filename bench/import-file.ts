/**
 * One measured import for `bench/import.bench.ts`, in its own process so its peak memory is
 * its own: `node --import tsx bench/import-file.ts DATABASE_URL FILE`. Prints one JSON line:
 * seconds, values, status, counts, peak RSS and CPU time.
 */
import { openDatabase } from '@sankofa/server';
import { openDataValueReader } from '../packages/server/src/interop/readers/index.ts';
import { importDataValues } from '../packages/server/src/services/data-value-import/index.ts';

const [url, file] = process.argv.slice(2);
if (url === undefined || file === undefined) {
  console.error('usage: import-file.ts DATABASE_URL FILE');
  process.exit(2);
}
const adapter = openDatabase(url);
try {
  const started = performance.now();
  const cpu0 = process.cpuUsage();
  const reader = await openDataValueReader(file);
  const summary = await importDataValues(adapter.db, reader, {
    actor: { userId: null, actor: 'bench' },
    writableOrgUnitPaths: null,
  });
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpu0);
  console.log(
    JSON.stringify({
      seconds,
      values: summary.stats?.rows ?? 0,
      format: reader.format,
      status: summary.status,
      importCount: summary.importCount,
      conflicts: summary.conflicts.length,
      // resourceUsage().maxRSS is in kilobytes.
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
    }),
  );
} finally {
  await adapter.close();
}
